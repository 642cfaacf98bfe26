//! A Server-Sent Events stream (`EventSource`): the long-lived connection Folio opens for live comments (new ones
//! as `message` events, changed ones as `changed` events) and for a live article (its entries, and body
//! corrections as `body` events). Never with credentials (`withCredentials` stays false). One connection per
//! address for the whole page (module), closed when its last subscription is dropped.

use std::cell::{Cell, RefCell};

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{EventSource, MessageEvent};

/// One subscription to a stream; dropping it releases its handlers, and the connection once nothing else on the
/// page (in this module) listens to the same address.
pub struct EventStream {
    source: EventSource,
    /// Every listener added to the shared source (`message`, `error`, the named events), removed on drop.
    listeners: Vec<(&'static str, Handler)>,
}

/// A browser-side event handler.
type Handler = Closure<dyn Fn(MessageEvent)>;

/// The handler of one named event (`event: <name>`): it receives the event's data.
pub type Named = (&'static str, Box<dyn Fn(String)>);

thread_local! {
    /// The open sources by address, with how many subscriptions use each: readers of the same list (several
    /// widgets of one article) share one connection. A browser gives a host six HTTP/1.1 connections, and a page
    /// of many readers would otherwise hold them all with streams, leaving none for anything else it needs from
    /// that host (a module, a post).
    static SOURCES: RefCell<Vec<(String, EventSource, usize)>> = const { RefCell::new(Vec::new()) };
}

/// The open source for `url`, shared, or a new one.
fn source_for(url: &str) -> Option<EventSource> {
    SOURCES.with(|all| {
        let mut all = all.borrow_mut();
        // A source the browser gave up on is not reused: its subscribers have been told; a new one tries again.
        all.retain(|(_, s, _)| s.ready_state() != EventSource::CLOSED);
        if let Some(entry) = all.iter_mut().find(|(u, _, _)| u == url) {
            entry.2 += 1;
            return Some(entry.1.clone());
        }
        let source = EventSource::new(url).ok()?;
        all.push((url.to_string(), source.clone(), 1));
        Some(source)
    })
}

/// One subscription to `source` fewer; the connection closes with the last.
fn release(source: &EventSource) {
    let last = SOURCES.with(|all| {
        let mut all = all.borrow_mut();
        match all.iter().position(|(_, s, _)| s == source) {
            Some(i) if all[i].2 > 1 => {
                all[i].2 -= 1;
                false
            }
            Some(i) => {
                all.remove(i);
                true
            }
            None => true, // given up by the browser and forgotten: closing it again is harmless
        }
    });
    if last {
        source.close();
    }
}

/// A closure that hands a message event's text data to `f`.
fn data_to(f: impl Fn(String) + 'static) -> Handler {
    Closure::<dyn Fn(MessageEvent)>::new(move |e: MessageEvent| {
        if let Some(text) = e.data().as_string() {
            f(text);
        }
    })
}

impl EventStream {
    /// Open the stream at `url`, handing each `message` event's data to `on_message` and each `changed` event's to
    /// `on_changed`. `on_closed` is called once if the
    /// browser gives the stream up for good: an answer that is not a stream (a `429` from a server at its
    /// per-reader stream limit, a `404`, a wrong content type). A dropped connection is not that: the browser
    /// reconnects by itself. `None` when the browser refuses the address (the caller then polls instead).
    pub fn open(
        url: &str,
        on_message: impl Fn(String) + 'static,
        on_changed: impl Fn(String) + 'static,
        on_closed: impl Fn() + 'static,
    ) -> Option<Self> {
        Self::open_with(
            url,
            on_message,
            vec![("changed", Box::new(on_changed))],
            on_closed,
        )
    }

    /// Open the stream at `url` like [`EventStream::open`], with a handler for each of the `named` events.
    pub fn open_with(
        url: &str,
        on_message: impl Fn(String) + 'static,
        named: Vec<Named>,
        on_closed: impl Fn() + 'static,
    ) -> Option<Self> {
        let source = source_for(url)?;
        let (watched, told) = (source.clone(), Cell::new(false));
        let on_error = Closure::<dyn Fn(MessageEvent)>::new(move |_| {
            // `error` also fires before each reconnection; only CLOSED means the browser will not try again.
            if watched.ready_state() == EventSource::CLOSED && !told.replace(true) {
                on_closed();
            }
        });
        let listeners: Vec<_> = [("message", data_to(on_message)), ("error", on_error)]
            .into_iter()
            .chain(named.into_iter().map(|(name, f)| (name, data_to(f))))
            .collect();
        for (name, listener) in &listeners {
            let _ =
                source.add_event_listener_with_callback(name, listener.as_ref().unchecked_ref());
        }
        Some(EventStream { source, listeners })
    }
}

impl Drop for EventStream {
    fn drop(&mut self) {
        for (name, listener) in &self.listeners {
            let _ = self
                .source
                .remove_event_listener_with_callback(name, listener.as_ref().unchecked_ref());
        }
        release(&self.source);
    }
}
