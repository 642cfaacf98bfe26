use yew::prelude::*;

use crate::hooks::{use_lang, use_strings};

/// Props of [`ListenFrame`].
#[derive(Properties, PartialEq)]
pub struct ListenFrameProps {
    /// The "Audio only" view is on.
    pub only: bool,
    /// The reader pressed "Audio only".
    pub on_only: Callback<MouseEvent>,
    /// Where the sound comes from, under the controls.
    #[prop_or_default]
    pub note: Option<&'static str>,
    /// The controls.
    pub children: Html,
}

/// The player's box: a labelled region ("Listen to this article") in the interface's language and direction,
/// the controls, and the "Audio only" switch (`aria-pressed`). Its `--only` class is what the stylesheet keys the
/// "Audio only" view on (`.folio:has(.folio-listen--only)`), so the view needs no state outside the player.
#[component]
pub fn ListenFrame(props: &ListenFrameProps) -> Html {
    let s = use_strings();
    let lang = use_lang();
    html! {
        <section class={classes!("folio-listen", props.only.then_some("folio-listen--only"))}
            aria-label={s.listen} part="listen" lang={lang.code()} dir={if lang.is_rtl() { "rtl" } else { "ltr" }}>
            <p class="folio-listen__label" aria-hidden="true">{ s.listen }</p>
            <div class="folio-listen__row">
                { props.children.clone() }
                <button type="button" class="folio-listen__only" aria-pressed={if props.only { "true" } else { "false" }}
                    onclick={props.on_only.clone()}>{ s.audio_only }</button>
            </div>
            if let Some(note) = props.note {
                <p class="folio-listen__note">{ note }</p>
            }
        </section>
    }
}
