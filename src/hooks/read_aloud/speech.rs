//! The browser's speech synthesis (`window.speechSynthesis`), as the read-aloud hook uses it: speak one piece,
//! stop (the voices are found by [`super::voices`]). Called from effects only, never while drawing.
//!
//! `speechSynthesis` is one queue for the whole page, so one reader speaks at a time: [`speak`] records which
//! reader owns the voice, and a reader that takes it over tells the previous owner it was interrupted (that
//! reader pauses, keeping its place). The utterance being spoken is kept here too: Chromium stops firing events
//! for an utterance that nothing in JavaScript references any more.

use std::cell::RefCell;

use js_sys::Reflect;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::SpeechSynthesisUtterance;
use yew::Callback;

use super::voices::{synth, Voice};

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
