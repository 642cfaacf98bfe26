//! A Server-Sent Events stream (`EventSource`): the one long-lived connection Folio opens, for live comments: new
//! ones (`message` events) and changed ones (`changed` events). Never with credentials (`withCredentials` stays
//! false), closed when dropped.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{EventSource, MessageEvent};

/// An open stream; dropping it closes the connection and releases the handlers.
pub struct EventStream {
    source: EventSource,
    _on_message: Closure<dyn Fn(MessageEvent)>,
    on_changed: Closure<dyn Fn(MessageEvent)>,
    _on_error: Closure<dyn Fn(web_sys::Event)>,
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
        let source = EventSource::new(url).ok()?;
        let handler = Closure::<dyn Fn(MessageEvent)>::new(move |e: MessageEvent| {
            if let Some(text) = e.data().as_string() {
                on_message(text);
            }
        });
        source.set_onmessage(Some(handler.as_ref().unchecked_ref()));
        let changed = Closure::<dyn Fn(MessageEvent)>::new(move |e: MessageEvent| {
            if let Some(text) = e.data().as_string() {
                on_changed(text);
            }
        });
        // Named events have no `on…` property; a listener it is (removed on drop).
        let _ =
            source.add_event_listener_with_callback("changed", changed.as_ref().unchecked_ref());
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
            on_changed: changed,
            _on_error: on_error,
        })
    }
}

impl Drop for EventStream {
    fn drop(&mut self) {
        self.source.set_onmessage(None);
        let _ = self.source.remove_event_listener_with_callback(
            "changed",
            self.on_changed.as_ref().unchecked_ref(),
        );
        self.source.set_onerror(None);
        self.source.close();
    }
}
