//! What a reader typed into a server-rendered page before the SPA took it over. Hydration sets every form field to
//! the value the components hold (yew applies `value` to each `<textarea>` and `<input>` it takes over), and the
//! components start empty, as the server drew them: without this, a reader who began a comment while the module
//! downloaded would see the text vanish. The fields' text is read before hydration and given back once the reader
//! is live, as an `input` event on the same element, so it reaches the form's state (and its saved draft) through
//! the form's own handler, after the stored draft has been restored.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Element, Event, EventInit, HtmlInputElement, HtmlTextAreaElement};

/// A text field under the root whose value the reader changed, with that value.
pub(super) struct Typed(Vec<(Element, String)>);

/// The value the reader gave a field (it differs from the markup's own), or `None`.
fn changed(el: &Element) -> Option<String> {
    if let Some(t) = el.dyn_ref::<HtmlTextAreaElement>() {
        let value = t.value();
        return (Ok(&value) != t.default_value().as_ref()).then_some(value);
    }
    let input = el.dyn_ref::<HtmlInputElement>()?;
    // Text-like fields only: a checkbox or a button has no typed text to lose.
    if !matches!(
        input.type_().as_str(),
        "text" | "email" | "url" | "search" | ""
    ) {
        return None;
    }
    let value = input.value();
    (value != input.default_value()).then_some(value)
}

impl Typed {
    /// The changed text fields under `root`, now (before hydration resets them).
    pub(super) fn read(root: &Element) -> Typed {
        let mut typed = Vec::new();
        if let Ok(fields) = root.query_selector_all("textarea, input") {
            for i in 0..fields.length() {
                let Some(el) = fields.item(i).and_then(|n| n.dyn_into::<Element>().ok()) else {
                    continue;
                };
                if let Some(value) = changed(&el) {
                    typed.push((el, value));
                }
            }
        }
        Typed(typed)
    }

    /// Give the text back once hydration has ended and what it set off has been drawn: checked on each macrotask
    /// (yew renders in microtasks, so a timer runs after a whole round of renders and effects).
    pub(super) fn restore_when_live(self) {
        if self.0.is_empty() {
            return;
        }
        let Some(window) = web_sys::window() else {
            return;
        };
        let retry = window.clone();
        let callback = Closure::once_into_js(move || {
            if crate::platform::hydrating() {
                self.restore_when_live();
            } else {
                self.give_back();
            }
        });
        let _ = retry.set_timeout_with_callback(callback.unchecked_ref());
    }

    /// Each field's text set again and announced as the reader's input.
    fn give_back(self) {
        let init = EventInit::new();
        // Bubbling: yew listens at the root it renders into, not on each element.
        init.set_bubbles(true);
        for (el, value) in self.0 {
            if !el.is_connected() {
                continue; // the component drew another element instead: nothing to give back to
            }
            if let Some(t) = el.dyn_ref::<HtmlTextAreaElement>() {
                t.set_value(&value);
            } else if let Some(i) = el.dyn_ref::<HtmlInputElement>() {
                i.set_value(&value);
            }
            if let Ok(event) = Event::new_with_event_init_dict("input", &init) {
                let _ = el.dispatch_event(&event);
            }
        }
    }
}
