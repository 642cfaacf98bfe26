//! The Media Session API (`navigator.mediaSession`): the title, artist and artwork a phone's lock screen and the
//! system's media controls show, and their play/pause/next/previous buttons. web-sys has it only behind
//! `web_sys_unstable_apis`, so this one module reaches it through `js_sys::Reflect`; a browser without it is
//! simply not told. Called from effects and handlers only.
//!
//! The session belongs to the page, so one reader holds it at a time: the last to [`claim`] it, until it lets go.

use std::cell::RefCell;

use js_sys::{Array, Function, Object, Reflect};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use yew::Callback;

use crate::state::MediaInfo;

/// A system button (`play`, `nexttrack`, …) and the handler installed for it.
type Action = (&'static str, Closure<dyn Fn()>);

/// The reader holding the session, and its action handlers (kept alive while they are installed).
struct Held {
    owner: u64,
    actions: Vec<Action>,
}

thread_local! {
    static HELD: RefCell<Option<Held>> = const { RefCell::new(None) };
}

fn key(k: &str) -> JsValue {
    JsValue::from_str(k)
}

fn session() -> Option<JsValue> {
    let navigator = web_sys::window()?.navigator();
    let s = Reflect::get(&navigator, &key("mediaSession")).ok()?;
    (!s.is_undefined() && !s.is_null()).then_some(s)
}

/// `mediaSession.setActionHandler(action, handler)`; browsers throw for an action they do not know, which is
/// ignored.
fn set_handler(session: &JsValue, action: &str, handler: &JsValue) {
    if let Ok(set) = Reflect::get(session, &key("setActionHandler")) {
        if let Some(set) = set.dyn_ref::<Function>() {
            let _ = set.call2(session, &key(action), handler);
        }
    }
}

/// `new MediaMetadata({title, artist, artwork: [{src}]})`.
fn metadata(info: &MediaInfo) -> Option<JsValue> {
    let window = web_sys::window()?;
    let ctor: Function = Reflect::get(&window, &key("MediaMetadata"))
        .ok()?
        .dyn_into()
        .ok()?;
    let init = Object::new();
    let _ = Reflect::set(&init, &key("title"), &key(&info.title));
    let _ = Reflect::set(&init, &key("artist"), &key(&info.artist));
    if let Some(src) = &info.artwork {
        let art = Object::new();
        let _ = Reflect::set(&art, &key("src"), &key(src));
        let _ = Reflect::set(&init, &key("artwork"), &Array::of1(&art));
    }
    Reflect::construct(&ctor, &Array::of1(&init)).ok()
}

/// Show `info` for reader `owner` and route the system's buttons (`play`, `pause`, `nexttrack`,
/// `previoustrack`, …) to `actions`. Replaces whatever another reader had set.
pub fn claim(owner: u64, info: &MediaInfo, actions: &[(&'static str, Callback<()>)]) {
    let Some(session) = session() else { return };
    release_held(&session);
    if let Some(meta) = metadata(info) {
        let _ = Reflect::set(&session, &key("metadata"), &meta);
    }
    let actions: Vec<_> = actions
        .iter()
        .map(|(action, cb)| {
            let cb = cb.clone();
            let f = Closure::<dyn Fn()>::new(move || cb.emit(()));
            set_handler(&session, action, f.as_ref());
            (*action, f)
        })
        .collect();
    HELD.with(|h| *h.borrow_mut() = Some(Held { owner, actions }));
}

/// Tell the system whether reader `owner` is playing or paused (its play/pause button follows).
pub fn playing(owner: u64, playing: bool) {
    let held = HELD.with(|h| h.borrow().as_ref().is_some_and(|h| h.owner == owner));
    if let Some(session) = session().filter(|_| held) {
        let state = if playing { "playing" } else { "paused" };
        let _ = Reflect::set(&session, &key("playbackState"), &key(state));
    }
}

/// Let go of the session if reader `owner` holds it: metadata and handlers cleared.
pub fn release(owner: u64) {
    let held = HELD.with(|h| h.borrow().as_ref().is_some_and(|h| h.owner == owner));
    if let Some(session) = session().filter(|_| held) {
        release_held(&session);
        let _ = Reflect::set(&session, &key("metadata"), &JsValue::NULL);
        let _ = Reflect::set(&session, &key("playbackState"), &key("none"));
    }
}

/// Remove the installed handlers (before their closures are dropped).
fn release_held(session: &JsValue) {
    if let Some(held) = HELD.with(|h| h.borrow_mut().take()) {
        for (action, _) in &held.actions {
            set_handler(session, action, &JsValue::NULL);
        }
    }
}
