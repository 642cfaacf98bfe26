//! The browser's speech synthesis (`window.speechSynthesis`), as the read-aloud hook uses it: which voice speaks
//! a language, speak one piece, stop, hear when voices arrive. Called from effects only, never while drawing.
//!
//! `speechSynthesis` is one queue for the whole page, so one reader speaks at a time: [`speak`] records which
//! reader owns the voice, and a reader that takes it over tells the previous owner it was interrupted (that
//! reader pauses, keeping its place). The utterance being spoken is kept here too: Chromium stops firing events
//! for an utterance that nothing in JavaScript references any more.

use std::cell::RefCell;

use js_sys::Reflect;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{SpeechSynthesis, SpeechSynthesisUtterance};
use yew::Callback;

use crate::state::{choose_voice, VoiceInfo};

/// What the engine reports about the piece it is speaking.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Heard {
    /// A word starts this many UTF-16 units into the text that was given to [`speak`].
    Boundary(u32),
    /// The text was spoken to its end.
    Ended,
    /// Speech stopped before the end: another reader took the voice, or the engine failed.
    Stopped,
}

/// A voice chosen for an article, and the language tag it was chosen for (the utterance's `lang`).
#[derive(Clone, Debug, PartialEq)]
pub struct Voice {
    /// The `SpeechSynthesisVoice`.
    pub voice: JsValue,
    /// The BCP 47 tag it speaks for this article.
    pub lang: String,
}

/// The utterance being spoken and everything that must live as long as it does.
struct Speaking {
    owner: u64,
    utterance: SpeechSynthesisUtterance,
    on_heard: Callback<Heard>,
    _handlers: [Closure<dyn Fn(JsValue)>; 3],
}

impl Drop for Speaking {
    // Detach the handlers before the closures go, so the `error` event that `cancel()` fires later reaches
    // nothing instead of a dropped closure.
    fn drop(&mut self) {
        self.utterance.set_onend(None);
        self.utterance.set_onerror(None);
        self.utterance.set_onboundary(None);
    }
}

thread_local! {
    static SPEAKING: RefCell<Option<Speaking>> = const { RefCell::new(None) };
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

/// Speak `text` for reader `owner` with `voice` at `rate`, replacing whatever the page was saying, and report to
/// `on_heard`. A reader that was speaking before is told [`Heard::Stopped`].
pub fn speak(owner: u64, text: &str, voice: &Voice, rate: f32, on_heard: Callback<Heard>) {
    let Some(synth) = synth() else {
        on_heard.emit(Heard::Stopped);
        return;
    };
    let Ok(utterance) = SpeechSynthesisUtterance::new_with_text(text) else {
        on_heard.emit(Heard::Stopped);
        return;
    };
    utterance.set_lang(&voice.lang);
    utterance.set_rate(rate);
    // Through `Reflect`: a setter that refuses the value throws, and the language alone still picks a voice.
    let _ = Reflect::set(&utterance, &JsValue::from_str("voice"), &voice.voice);
    let handler = |heard: fn(&JsValue) -> Heard| {
        let on_heard = on_heard.clone();
        Closure::<dyn Fn(JsValue)>::new(move |e: JsValue| on_heard.emit(heard(&e)))
    };
    let handlers = [
        handler(|_| Heard::Ended),
        handler(|_| Heard::Stopped),
        handler(|e| {
            let at = Reflect::get(e, &JsValue::from_str("charIndex"))
                .ok()
                .and_then(|v| v.as_f64())
                .unwrap_or(0.0);
            Heard::Boundary(at as u32)
        }),
    ];
    utterance.set_onend(Some(handlers[0].as_ref().unchecked_ref()));
    utterance.set_onerror(Some(handlers[1].as_ref().unchecked_ref()));
    utterance.set_onboundary(Some(handlers[2].as_ref().unchecked_ref()));
    let previous = SPEAKING.with(|s| s.borrow_mut().take());
    if let Some(previous) = previous {
        let other = (previous.owner != owner).then(|| previous.on_heard.clone());
        drop(previous);
        if let Some(other) = other {
            other.emit(Heard::Stopped);
        }
    }
    synth.cancel();
    if synth.paused() {
        synth.resume();
    }
    synth.speak(&utterance);
    SPEAKING.with(|s| {
        *s.borrow_mut() = Some(Speaking {
            owner,
            utterance,
            on_heard,
            _handlers: handlers,
        })
    });
}

/// Silence reader `owner`, if it is the one speaking (another reader's speech is left alone).
pub fn stop(owner: u64) {
    let mine = SPEAKING.with(|s| {
        let mut s = s.borrow_mut();
        if s.as_ref().is_some_and(|s| s.owner == owner) {
            s.take()
        } else {
            None
        }
    });
    if let Some(mine) = mine {
        drop(mine);
        if let Some(synth) = synth() {
            synth.cancel();
        }
    }
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
