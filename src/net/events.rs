//! A Server-Sent Events stream (`EventSource`): the one long-lived connection Folio opens, for live comments.
//! Never with credentials (`withCredentials` stays false), closed when dropped.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{EventSource, MessageEvent};

/// An open stream; dropping it closes the connection and releases the handler.
pub struct EventStream {
    source: EventSource,
    _on_message: Closure<dyn Fn(MessageEvent)>,
}

impl EventStream {
    /// Open the stream at `url`, handing each message's data to `on_message`. `None` when the browser refuses the
    /// address (the caller then polls instead).
    pub fn open(url: &str, on_message: impl Fn(String) + 'static) -> Option<Self> {
        let source = EventSource::new(url).ok()?;
        let handler = Closure::<dyn Fn(MessageEvent)>::new(move |e: MessageEvent| {
            if let Some(text) = e.data().as_string() {
                on_message(text);
            }
        });
        source.set_onmessage(Some(handler.as_ref().unchecked_ref()));
        Some(EventStream {
            source,
            _on_message: handler,
        })
    }
}

impl Drop for EventStream {
    fn drop(&mut self) {
        self.source.set_onmessage(None);
        self.source.close();
    }
}
