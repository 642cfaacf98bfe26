//! A Server-Sent Events stream (`EventSource`): the long-lived connection Folio opens for live comments (new ones
//! as `message` events, changed ones as `changed` events) and for a live article (its entries, and body
//! corrections as `body` events). Never with credentials (`withCredentials` stays false), closed when dropped.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{EventSource, MessageEvent};

/// An open stream; dropping it closes the connection and releases the handlers.
pub struct EventStream {
    source: EventSource,
    _on_message: Closure<dyn Fn(MessageEvent)>,
    named: Vec<(&'static str, Handler)>,
    _on_error: Closure<dyn Fn(web_sys::Event)>,
}

/// A browser-side event handler.
type Handler = Closure<dyn Fn(MessageEvent)>;

/// The handler of one named event (`event: <name>`): it receives the event's data.
pub type Named = (&'static str, Box<dyn Fn(String)>);

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
        let source = EventSource::new(url).ok()?;
        let handler = data_to(on_message);
        source.set_onmessage(Some(handler.as_ref().unchecked_ref()));
        let named: Vec<_> = named
            .into_iter()
            .map(|(name, f)| {
                let listener = data_to(f);
                // Named events have no `on…` property; a listener it is (removed on drop).
                let _ = source
                    .add_event_listener_with_callback(name, listener.as_ref().unchecked_ref());
                (name, listener)
            })
            .collect();
        let watched = source.clone();
        let on_error = Closure::<dyn Fn(web_sys::Event)>::new(move |_| {
            // `error` also fires before each reconnection; only CLOSED means the browser will not try again.
            if watched.ready_state() == EventSource::CLOSED {
                watched.set_onerror(None);
                on_closed();
            }
        });
        source.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        Some(EventStream {
            source,
            _on_message: handler,
            named,
            _on_error: on_error,
        })
    }
}

impl Drop for EventStream {
    fn drop(&mut self) {
        self.source.set_onmessage(None);
        for (name, listener) in &self.named {
            let _ = self
                .source
                .remove_event_listener_with_callback(name, listener.as_ref().unchecked_ref());
        }
        self.source.set_onerror(None);
        self.source.close();
    }
}
