//! The player's box, around the browser-voice player and the audio edition's (a view function:
//! `components/article/tags.rs` says why not a component).

use yew::prelude::*;

use super::listen::PlayerProps;
use crate::components::common::class_list;
use crate::i18n::Lang;

/// The player's box: a labelled region ("Listen to this article") in the interface's language and direction, the
/// `controls`, the "Audio only" switch (`aria-pressed`, `only`; pressing it calls `on_only`) and where the sound
/// comes from (`note`). Its `--only` class is what the stylesheet keys the "Audio only" view on
/// (`.folio:has(.folio-listen--only)`), so the view needs no state outside the player.
pub fn listen_frame(
    only: bool,
    on_only: Callback<MouseEvent>,
    note: Option<&'static str>,
    controls: Html,
    lang: Lang,
) -> Html {
    let s = lang.strings();
    html! {
        <section class={class_list("folio-listen", &[only.then_some("folio-listen--only")])}
            aria-label={s.listen} part="listen" lang={lang.code()} dir={if lang.is_rtl() { "rtl" } else { "ltr" }}>
            <p class="folio-listen__label" aria-hidden="true">{ s.listen }</p>
            <div class="folio-listen__row">
                { controls }
                <button type="button" class="folio-listen__only" aria-pressed={if only { "true" } else { "false" }}
                    onclick={on_only}>{ s.audio_only }</button>
            </div>
            if let Some(note) = note {
                <p class="folio-listen__note">{ note }</p>
            }
        </section>
    }
}

/// The box of the browser-voice player (`ReadAloudPlayer`, or its lite-module stand-in): `controls`, the "Audio only"
/// switch of `props`, and the note that the browser's voice reads.
pub fn voice_frame(props: &PlayerProps, controls: Html, lang: Lang) -> Html {
    let note = Some(lang.strings().listen_browser_voice);
    listen_frame(props.only, props.on_only.clone(), note, controls, lang)
}
