use web_sys::HtmlSelectElement;
use yew::prelude::*;

use super::frame::voice_frame;
use super::icons;
use super::listen::PlayerProps;
use crate::hooks::read_aloud::{use_highlight, use_read_aloud};
use crate::hooks::{use_effect_on, use_lang, use_module_switch, Upgrade};
use crate::i18n::Lang;
use crate::state::{ReadAloudAction as A, Status, RATES};

/// The speeds as the interface writes them (a decimal comma in Spanish, French and Portuguese).
fn rate_label(lang: Lang, i: usize) -> &'static str {
    const POINT: [&str; 5] = ["0.75×", "1×", "1.25×", "1.5×", "2×"];
    const COMMA: [&str; 5] = ["0,75×", "1×", "1,25×", "1,5×", "2×"];
    let labels = match lang {
        Lang::Es | Lang::Fr | Lang::Pt => COMMA,
        _ => POINT,
    };
    labels.get(i).copied().unwrap_or("1×")
}

/// The article read aloud by the browser: previous / play-pause / next paragraph, a speed menu and the "Audio
/// only" switch; the piece being read is highlighted in the article and kept in view. Draws nothing until the
/// browser shows it has a voice for the article's or the interface's language (so nothing in server rendering).
#[component]
pub fn ReadAloudPlayer(props: &PlayerProps) -> Html {
    let lang = use_lang();
    let s = lang.strings();
    let handle = use_read_aloud(props.article.clone(), lang);
    let node = use_node_ref();
    let state = &handle.state;
    use_highlight(node.clone(), state.current().map(|c| c.part));
    // Taken over from the lite module's stand-in, whose Play the reader pressed: read as soon as there is a voice.
    {
        let (d, switch) = (state.dispatcher(), use_module_switch());
        use_effect_on(handle.available, move |&available| {
            let listening = |u: &Upgrade| available && matches!(u, Upgrade::Listen { .. });
            if switch.and_then(|s| s.take_if(listening)).is_some() {
                d.dispatch(A::Play);
            }
        });
    }
    if !handle.available {
        return Html::default();
    }
    let send = |action: A| {
        let d = handle.state.dispatcher();
        Callback::from(move |_: MouseEvent| d.dispatch(action.clone()))
    };
    let on_rate = {
        let d = handle.state.dispatcher();
        Callback::from(move |e: Event| {
            let i = e
                .target_dyn_into::<HtmlSelectElement>()
                .map(|el| el.selected_index());
            if let Some(i) = i.and_then(|i| usize::try_from(i).ok()) {
                d.dispatch(A::Rate(i));
            }
        })
    };
    let playing = state.status == Status::Playing;
    // `aria-disabled` rather than `disabled`: a focused button that became disabled would drop the focus.
    let last = (!state.has_next()).then_some("true");
    let controls = html! {
            <div class="folio-listen__controls" ref={node}>
                <button type="button" class="folio-listen__button" aria-label={s.listen_previous}
                    onclick={send(A::Previous)}>{ icons::previous() }</button>
                <button type="button" class="folio-listen__button folio-listen__play"
                    aria-label={if playing { s.listen_pause } else { s.listen_play }}
                    onclick={send(A::Toggle)}>{ if playing { icons::pause() } else { icons::play() } }</button>
                <button type="button" class="folio-listen__button" aria-label={s.listen_next} aria-disabled={last}
                    onclick={send(A::Next)}>{ icons::next() }</button>
                <label class="folio-listen__speed">
                    <span>{ s.listen_speed }</span>
                    <select onchange={on_rate}>
                        { for (0..RATES.len()).map(|i| html! {
                            <option selected={i == state.rate}>{ rate_label(lang, i) }</option>
                        }) }
                    </select>
                </label>
            </div>
    };
    voice_frame(props, controls, lang)
}
