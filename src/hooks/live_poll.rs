//! Following something live: its Server-Sent Events stream when it names one, else polling its URL every
//! [`POLL_MS`] with `If-None-Match`, through `net` (timeout, abort, no cookies). The comment list's first page
//! (`use_live`) and a live article (`use_live_article`) are followed the same way; each says what an answer means.

use std::cell::RefCell;
use std::rc::Rc;

use futures::future::{abortable, AbortHandle};
use gloo_timers::callback::Interval;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use crate::net::{get_if_changed, EventStream, Fetched};

/// How often a list without a stream is asked again. With `If-None-Match`, an unchanged list costs a 304.
pub const POLL_MS: u32 = 30_000;

/// How long one poll may take. Shorter than [`POLL_MS`], and a new poll also aborts one still in flight, so a
/// request that hangs for ever never stops the next.
pub const POLL_TIMEOUT_MS: u32 = 10_000;

/// What stops a running poll (or follow).
pub(super) type Stop = Box<dyn FnOnce()>;

/// What a poll's changed answer (a `200`, not a `304`) is handed to.
pub(super) type OnFetched = Rc<dyn Fn(Fetched)>;

/// Follow `url`: through the stream `open_stream` opens (it is given the function to call when the server refuses
/// the stream for good, e.g. at its per-reader limit), else, or from then on, by polling `url`.
pub(super) fn follow(
    url: Rc<str>,
    open_stream: impl FnOnce(Box<dyn Fn()>) -> Option<EventStream>,
    on_fetched: OnFetched,
) -> Stop {
    // Polling's stop function once it runs; shared with the stream's fallback, which may start it later.
    let polling: Rc<RefCell<Option<Stop>>> = Rc::default();
    let fallback = {
        let polling = polling.clone();
        move || {
            let mut slot = polling.borrow_mut();
            if slot.is_none() {
                *slot = Some(poll(url.clone(), on_fetched.clone()));
            }
        }
    };
    let stream = open_stream(Box::new(fallback.clone()));
    if stream.is_none() {
        fallback();
    }
    Box::new(move || {
        drop(stream);
        let stop = polling.borrow_mut().take();
        if let Some(stop) = stop {
            stop();
        }
    })
}

/// Poll the list every [`POLL_MS`] with `If-None-Match`, never while the page is hidden (a background tab does not
/// spend the reader's data or battery), and at once when the reader comes back (`visibilitychange` to visible, or
/// the window regaining the focus), so news waits for no tick.
pub(super) fn poll(url: Rc<str>, on_fetched: OnFetched) -> Stop {
    let etag: Rc<RefCell<Option<String>>> = Rc::default();
    let in_flight: Rc<RefCell<Option<AbortHandle>>> = Rc::default();
    let check: Rc<dyn Fn()> = {
        let in_flight = in_flight.clone();
        Rc::new(move || {
            let hidden = web_sys::window()
                .and_then(|w| w.document())
                .is_some_and(|d| d.hidden());
            if hidden {
                return;
            }
            // The newest poll wins: one still waiting (a server that never answers) is dropped, not waited for.
            if let Some(old) = in_flight.borrow_mut().take() {
                old.abort();
            }
            let (url, etag, on_fetched) = (url.clone(), etag.clone(), on_fetched.clone());
            let (task, handle) =
                abortable(async move { poll_once(&url, &etag, &*on_fetched).await });
            *in_flight.borrow_mut() = Some(handle);
            wasm_bindgen_futures::spawn_local(async move {
                let _ = task.await;
            });
        })
    };
    let interval = Interval::new(POLL_MS, {
        let check = check.clone();
        move || check()
    });
    let on_return = Closure::<dyn Fn()>::new(move || check());
    let window = web_sys::window();
    let document = window.as_ref().and_then(|w| w.document());
    let targets: Vec<(web_sys::EventTarget, &str)> = window
        .map(|w| (w.into(), "focus"))
        .into_iter()
        .chain(document.map(|d| (d.into(), "visibilitychange")))
        .collect();
    for (t, event) in &targets {
        let _ = t.add_event_listener_with_callback(event, on_return.as_ref().unchecked_ref());
    }
    Box::new(move || {
        for (t, event) in &targets {
            let _ =
                t.remove_event_listener_with_callback(event, on_return.as_ref().unchecked_ref());
        }
        if let Some(h) = in_flight.borrow_mut().take() {
            h.abort();
        }
        drop(interval);
        drop(on_return);
    })
}

/// One conditional request: a changed answer (with its new `ETag` kept for the next) goes to `on_fetched`.
/// Failures wait for the next tick: live updates are a bonus, never an error in the reader's face.
async fn poll_once(url: &str, etag: &RefCell<Option<String>>, on_fetched: &dyn Fn(Fetched)) {
    let tag = etag.borrow().clone();
    let Ok(Some(f)) = get_if_changed(url, tag.as_deref(), POLL_TIMEOUT_MS).await else {
        return;
    };
    let new_tag = f
        .headers
        .iter()
        .find(|(n, _)| n == "etag")
        .map(|(_, v)| v.clone());
    *etag.borrow_mut() = new_tag;
    on_fetched(f);
}
