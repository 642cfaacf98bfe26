use std::cell::{Cell, RefCell};
use std::rc::Rc;

use gloo_net::http::Request;
use gloo_timers::callback::Interval;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{EventSource, MessageEvent};
use yew::prelude::*;

use crate::source::folio_json::{comment, parse_comments, parse_json};
use crate::state::ThreadAction;

/// How often a list without a stream is asked again. With `If-None-Match`, an unchanged list costs a 304.
pub const POLL_MS: u32 = 30_000;

/// Keep the thread live: follow the list's Server-Sent Events stream when it names one, else poll the list with
/// `If-None-Match`. `source` is the list's URL and its stream's, once loaded. New comments are handed over as [`ThreadAction::Arrived`]; the section announces them and
/// inserts them only when the reader asks.
#[hook]
pub fn use_live(source: Option<(Rc<str>, Option<Rc<str>>)>, dispatch: Callback<ThreadAction>) {
    use_effect_with(source, move |source| {
        let mut cleanup: Box<dyn FnOnce()> = Box::new(|| ());
        if let Some((url, events)) = source {
            cleanup = match events {
                Some(events) => stream(events, url.clone(), dispatch),
                None => poll(url.clone(), dispatch),
            };
        }
        move || cleanup()
    });
}

fn stream(events: &str, base: Rc<str>, dispatch: Callback<ThreadAction>) -> Box<dyn FnOnce()> {
    let Ok(es) = EventSource::new(events) else {
        return poll(base, dispatch);
    };
    let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |e: MessageEvent| {
        let Some(text) = e.data().as_string() else {
            return;
        };
        // A malformed event is skipped: the next reload shows the list as the server has it.
        if let Ok(c) = parse_json(&text).and_then(|v| comment(&v, "", Some(&base))) {
            super::published([&*c.id]);
            dispatch.emit(ThreadAction::Arrived(vec![c]));
        }
    });
    es.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    Box::new(move || {
        es.close();
        drop(on_message);
    })
}

/// Poll the list every [`POLL_MS`] with `If-None-Match` (an unchanged list costs a 304), never while the page is
/// hidden (a background tab does not spend the reader's data or battery), and at once when the reader comes back to
/// the page (`visibilitychange` to visible, or the window regaining the focus), so news waits for no tick.
fn poll(url: Rc<str>, dispatch: Callback<ThreadAction>) -> Box<dyn FnOnce()> {
    let etag: Rc<RefCell<Option<String>>> = Rc::default();
    let busy = Rc::new(Cell::new(false));
    let check: Rc<dyn Fn()> = Rc::new(move || {
        let hidden = web_sys::window()
            .and_then(|w| w.document())
            .is_some_and(|d| d.hidden());
        // One poll at a time: a focus event during a slow poll does not start a second.
        if hidden || busy.replace(true) {
            return;
        }
        let (url, etag, dispatch, busy) =
            (url.clone(), etag.clone(), dispatch.clone(), busy.clone());
        wasm_bindgen_futures::spawn_local(async move {
            poll_once(&url, &etag, &dispatch).await;
            busy.set(false);
        });
    });
    let interval = Interval::new(POLL_MS, {
        let check = check.clone();
        move || check()
    });
    let on_return = Closure::<dyn Fn()>::new(move || check());
    let window = web_sys::window();
    let document = window.as_ref().and_then(|w| w.document());
    let listen = |target: Option<&web_sys::EventTarget>, event: &str| {
        if let Some(t) = target {
            let _ = t.add_event_listener_with_callback(event, on_return.as_ref().unchecked_ref());
        }
    };
    listen(window.as_ref().map(|w| w.as_ref()), "focus");
    listen(document.as_ref().map(|d| d.as_ref()), "visibilitychange");
    Box::new(move || {
        let f = on_return.as_ref().unchecked_ref();
        if let Some(w) = &window {
            let _ = w.remove_event_listener_with_callback("focus", f);
        }
        if let Some(d) = &document {
            let _ = d.remove_event_listener_with_callback("visibilitychange", f);
        }
        drop(interval);
        drop(on_return);
    })
}

/// One conditional request for the list; new comments go to the thread as arrivals.
async fn poll_once(url: &str, etag: &RefCell<Option<String>>, dispatch: &Callback<ThreadAction>) {
    let mut req = Request::get(url).header("Accept", "application/json");
    if let Some(tag) = etag.borrow().as_deref() {
        req = req.header("If-None-Match", tag);
    }
    let Ok(resp) = req.send().await else { return };
    if resp.status() != 200 {
        return; // 304: nothing new; errors: try again at the next tick
    }
    *etag.borrow_mut() = resp.headers().get("ETag");
    if let Ok(text) = resp.text().await {
        if let Ok(list) = parse_comments(&text, Some(url)) {
            super::published(list.comments.iter().map(|c| &*c.id));
            dispatch.emit(ThreadAction::Arrived(list.comments));
        }
    }
}
