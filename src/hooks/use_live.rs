//! Live comments, for every source that can have them: the list's Server-Sent Events stream when it names one,
//! else polling the first page through `net` (timeout, abort, no cookies) and the [`Adapter`], so a WordPress or
//! Drupal thread goes live as well as Folio's own. New comments wait in the thread state as arrivals; the section
//! announces them and inserts them when the reader asks.

use std::cell::RefCell;
use std::rc::Rc;

use futures::future::{abortable, AbortHandle};
use gloo_timers::callback::Interval;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::net::{get_if_changed, EventStream};
use crate::source::Adapter;
use crate::state::ThreadAction;

/// How often a list without a stream is asked again. With `If-None-Match`, an unchanged list costs a 304.
pub const POLL_MS: u32 = 30_000;

/// How long one poll may take. Shorter than [`POLL_MS`], and a new poll also aborts one still in flight, so a
/// request that hangs for ever never stops the next.
pub const POLL_TIMEOUT_MS: u32 = 10_000;

/// What live updates follow: the adapter, the list's URL, and its stream's when it names one.
pub type LiveSource = (Rc<Adapter>, Rc<str>, Option<Rc<str>>);

/// What stops a running poll.
type Stop = Box<dyn FnOnce()>;

/// Keep the thread live while `source` is set (once the list is loaded): through the list's event stream when it
/// names one, else (or once the server refuses the stream, e.g. at its per-reader limit) by polling.
#[hook]
pub fn use_live(source: Option<LiveSource>, dispatch: Callback<ThreadAction>) {
    use_effect_with(source, move |source| {
        let mut cleanup: Stop = Box::new(|| ());
        if let Some((adapter, url, events)) = source.clone() {
            // Polling's stop function once it runs; shared with the stream's fallback, which may start it later.
            let polling: Rc<RefCell<Option<Stop>>> = Rc::default();
            let fallback = {
                let (polling, adapter, url, dispatch) = (
                    polling.clone(),
                    adapter.clone(),
                    url.clone(),
                    dispatch.clone(),
                );
                move || {
                    let mut slot = polling.borrow_mut();
                    if slot.is_none() {
                        *slot = Some(poll(adapter.clone(), url.clone(), dispatch.clone()));
                    }
                }
            };
            let stream =
                events.and_then(|e| stream(&e, adapter, url.clone(), dispatch, fallback.clone()));
            if stream.is_none() {
                fallback();
            }
            cleanup = Box::new(move || {
                drop(stream);
                let stop = polling.borrow_mut().take();
                if let Some(stop) = stop {
                    stop();
                }
            });
        }
        move || cleanup()
    });
}

fn stream(
    events: &str,
    adapter: Rc<Adapter>,
    base: Rc<str>,
    dispatch: Callback<ThreadAction>,
    on_closed: impl Fn() + 'static,
) -> Option<EventStream> {
    let on_message = move |text: String| {
        // A malformed event is skipped: the next reload shows the list as the server has it.
        if let Some(c) = adapter.read_comment(&text, Some(&base)) {
            dispatch.emit(ThreadAction::Arrived(vec![c]));
        }
    };
    EventStream::open(events, on_message, on_closed)
}

/// Poll the list every [`POLL_MS`] with `If-None-Match`, never while the page is hidden (a background tab does not
/// spend the reader's data or battery), and at once when the reader comes back (`visibilitychange` to visible, or
/// the window regaining the focus), so news waits for no tick.
fn poll(adapter: Rc<Adapter>, url: Rc<str>, dispatch: Callback<ThreadAction>) -> Stop {
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

/// One conditional request for the first page; its comments go to the thread as arrivals (known ones are ignored
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
        dispatch.emit(ThreadAction::Arrived(page.list.comments));
    }
}
