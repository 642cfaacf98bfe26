//! Polling a comment list for live updates (`use_live` falls back to it): the first page every [`POLL_MS`] with
//! `If-None-Match`, through `net` (timeout, abort, no cookies) and the [`Adapter`].

use std::cell::RefCell;
use std::rc::Rc;

use futures::future::{abortable, AbortHandle};
use gloo_timers::callback::Interval;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::Callback;

use crate::net::get_if_changed;
use crate::source::Adapter;
use crate::state::ThreadAction;

/// How often a list without a stream is asked again. With `If-None-Match`, an unchanged list costs a 304.
pub const POLL_MS: u32 = 30_000;

/// How long one poll may take. Shorter than [`POLL_MS`], and a new poll also aborts one still in flight, so a
/// request that hangs for ever never stops the next.
pub const POLL_TIMEOUT_MS: u32 = 10_000;

/// What stops a running poll.
pub(super) type Stop = Box<dyn FnOnce()>;

/// Poll the list every [`POLL_MS`] with `If-None-Match`, never while the page is hidden (a background tab does not
/// spend the reader's data or battery), and at once when the reader comes back (`visibilitychange` to visible, or
/// the window regaining the focus), so news waits for no tick.
pub(super) fn poll(adapter: Rc<Adapter>, url: Rc<str>, dispatch: Callback<ThreadAction>) -> Stop {
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
            let (adapter, url, etag, dispatch) =
                (adapter.clone(), url.clone(), etag.clone(), dispatch.clone());
            let (task, handle) =
                abortable(async move { poll_once(&adapter, &url, &etag, &dispatch).await });
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

/// One conditional request for the first page; its comments go to the thread as changes (known ones that differ
/// replace theirs in place; an edit or a delete changes the list's ETag) and as arrivals (known ones are ignored
/// there). Failures wait for the next tick: live updates are a bonus, never an error in the reader's face.
async fn poll_once(
    adapter: &Adapter,
    url: &str,
    etag: &RefCell<Option<String>>,
    dispatch: &Callback<ThreadAction>,
) {
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
    if let Ok(page) = adapter.read_page(&f.text, &f.url, 1, &f.headers) {
        dispatch.emit(ThreadAction::Changed(page.list.comments.clone()));
        dispatch.emit(ThreadAction::Arrived(page.list.comments));
    }
}
