use yew::prelude::*;

use crate::config::Theme;
use crate::hooks::PrefsHandle;
use crate::i18n::Strings;
use crate::state::TextSize;

/// One group of toggle buttons (a `<fieldset>` named by its legend); the current choice is pressed.
fn group<T: Copy + PartialEq + 'static>(
    legend: &'static str,
    options: &[(T, &'static str)],
    current: T,
    set: &Callback<T>,
) -> Html {
    html! {
        <fieldset class="folio-display__group">
            <legend class="folio-display__legend">{ legend }</legend>
            { for options.iter().map(|&(value, label)| {
                let set = set.clone();
                html! {
                    <button type="button" class="folio-display__option" aria-pressed={(value == current).to_string()}
                            onclick={move |_| set.emit(value)}>{ label }</button>
                }
            }) }
        </fieldset>
    }
}

/// "Display": a disclosure holding the text size (three steps) and the theme (auto, light, dark), from the
/// reader's settings `p` and their setters. A view function: `components/article/tags.rs` says why not a component.
pub fn display_settings(p: &PrefsHandle, s: &Strings) -> Html {
    let sizes = [
        (TextSize::Small, s.text_small),
        (TextSize::Medium, s.text_medium),
        (TextSize::Large, s.text_large),
    ];
    let themes = [
        (Theme::Auto, s.theme_auto),
        (Theme::Light, s.theme_light),
        (Theme::Dark, s.theme_dark),
    ];
    html! {
        <details class="folio-display">
            <summary class="folio-display__toggle">{ s.display_settings }</summary>
            <div class="folio-display__panel">
                { group(s.text_size, &sizes, p.text_size, &p.set_text_size) }
                { group(s.theme_label, &themes, p.theme, &p.set_theme) }
            </div>
        </details>
    }
}
