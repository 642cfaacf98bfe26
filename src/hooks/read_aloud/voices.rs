//! Which of the browser's voices would read an article: the read-aloud player's, and on the embed's lite module
//! (built without read-aloud) the stand-in that offers it, since neither offers a player nobody can hear.

use js_sys::Reflect;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::SpeechSynthesis;
use yew::prelude::*;

use crate::hooks::use_effect_on;
use crate::i18n::Lang;
use crate::state::{choose_voice, VoiceInfo};

/// A voice chosen for an article, and the language tag it was chosen for (the utterance's `lang`).
#[derive(Clone, Debug, PartialEq)]
pub struct Voice {
    /// The `SpeechSynthesisVoice`.
    pub voice: JsValue,
    /// The BCP 47 tag it speaks for this article.
    pub lang: String,
}

/// The page's `speechSynthesis`, where the browser has one.
pub fn synth() -> Option<SpeechSynthesis> {
    let window = web_sys::window()?;
    let synth = Reflect::get(&window, &JsValue::from_str("speechSynthesis")).ok()?;
    (!synth.is_undefined() && !synth.is_null()).then(|| synth.unchecked_into())
}

fn text_of(v: &JsValue, key: &str) -> String {
    Reflect::get(v, &JsValue::from_str(key))
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_default()
}

fn flag(v: &JsValue, key: &str) -> bool {
    Reflect::get(v, &JsValue::from_str(key)).is_ok_and(|v| v.is_truthy())
}

/// The best installed voice for the first of `wanted` (language tags) that one speaks (see [`choose_voice`]).
pub fn choose(wanted: &[&str]) -> Option<Voice> {
    let voices: Vec<JsValue> = synth()?.get_voices().iter().collect();
    let langs: Vec<String> = voices.iter().map(|v| text_of(v, "lang")).collect();
    let infos: Vec<VoiceInfo> = voices
        .iter()
        .zip(&langs)
        .map(|(v, lang)| VoiceInfo {
            lang,
            default: flag(v, "default"),
            local: flag(v, "localService"),
        })
        .collect();
    let (i, w) = choose_voice(&infos, wanted)?;
    Some(Voice {
        voice: voices[i].clone(),
        lang: wanted[w].to_string(),
    })
}

/// Calls its function on `voiceschanged` until dropped: Chromium lists its voices only after the page has asked
/// once, and some engines add voices later.
pub struct VoicesWatch {
    synth: SpeechSynthesis,
    listener: Closure<dyn Fn()>,
}

impl VoicesWatch {
    /// Watch the page's voices, when it has speech synthesis.
    pub fn new(on_change: impl Fn() + 'static) -> Option<Self> {
        let synth = synth()?;
        let listener = Closure::<dyn Fn()>::new(on_change);
        synth
            .add_event_listener_with_callback("voiceschanged", listener.as_ref().unchecked_ref())
            .ok()?;
        Some(VoicesWatch { synth, listener })
    }
}

impl Drop for VoicesWatch {
    fn drop(&mut self) {
        let _ = self.synth.remove_event_listener_with_callback(
            "voiceschanged",
            self.listener.as_ref().unchecked_ref(),
        );
    }
}

/// The voice that reads an article in language `article_lang` (else in the interface's, `ui`): `None` where the
/// browser has none (the player is then not offered), and always before the first effect (so in server
/// rendering). Watched through `voiceschanged`, since voices arrive late.
#[hook]
pub fn use_voice(article_lang: Option<std::rc::Rc<str>>, ui: Lang) -> Option<Voice> {
    let voice = use_state_eq(|| None::<Voice>);
    {
        let voice = voice.setter();
        use_effect_on((article_lang, ui), move |(lang, ui)| {
            let wanted: Vec<String> = lang
                .iter()
                .map(|l| l.to_string())
                .chain([ui.code().into()])
                .collect();
            let update = move || {
                let wanted: Vec<&str> = wanted.iter().map(String::as_str).collect();
                voice.set(choose(&wanted));
            };
            update();
            let watch = VoicesWatch::new(update);
            move || drop(watch)
        });
    }
    (*voice).clone()
}
