//! The browser-voice player on a module built without reading aloud (the embed's lite module): the same box and
//! Play button, shown on the same condition (a voice for the article), whose press asks for the full module. The
//! full module's player then starts reading where this one would have (`hooks::module_switch`).

use yew::prelude::*;

use super::frame::voice_frame;
use super::icons;
use super::listen::PlayerProps;
use crate::hooks::read_aloud::use_voice;
use crate::hooks::{use_lang, use_module_switch, Upgrade};

/// Play, until the full module takes over; marked busy meanwhile. Draws nothing without a voice for the article's
/// or the interface's language, or outside a shell that can switch modules.
#[component]
pub fn DeferredPlayer(props: &PlayerProps) -> Html {
    let lang = use_lang();
    let s = lang.strings();
    let voice = use_voice(props.article.lang.clone(), lang);
    let switch = use_module_switch();
    let asked = use_state_eq(|| false);
    let (Some(_), Some(switch)) = (voice, switch) else {
        return Html::default();
    };
    let onclick = {
        let (asked, only) = (asked.clone(), props.only);
        Callback::from(move |_: MouseEvent| {
            if !*asked {
                asked.set(true);
                switch.request.emit(Upgrade::Listen { only });
            }
        })
    };
    let busy = (*asked).then_some("true");
    let controls = html! {
        <div class="folio-listen__controls">
            <button type="button" class="folio-listen__button folio-listen__play" aria-label={s.listen_play}
                aria-busy={busy} aria-disabled={busy} {onclick}>{ icons::play() }</button>
        </div>
    };
    voice_frame(props, controls, lang)
}
