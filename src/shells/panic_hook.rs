//! The last line of defence: a panic that got through anyway becomes an error message in every Folio widget on the
//! page and a `folio:error` event, instead of frozen or blank boxes.
//!
//! A panic in WebAssembly aborts the whole instance (`panic = "abort"`, and wasm32 has no unwinding): every widget
//! that this module drives stops responding at once. The hook runs before the abort, while DOM calls still work, so
//! it writes a static message with plain DOM calls (no Yew, no closures, nothing that needs the instance later)
//! into each widget it can find — `.folio` elements in the document (the SPA, a `Reader` inside a host's Yew app)
//! and inside the open shadow root of each `<folio-reader>` — and dispatches `folio:error` (bubbling, composed) on
//! each `<folio-reader>` element, or on the widget itself elsewhere, with `detail = { kind: "panic", message }`. The
//! host page's own scripts are untouched and keep working.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, Element};

/// The sentence shown in place of the widget. English only: the interface language lives in Yew state that may
/// be what panicked.
pub const PANIC_TITLE: &str = "This widget stopped because of an internal error.";
/// What the reader can do about it.
pub const PANIC_REASON: &str = "Reloading the page may help. The rest of the page still works.";

/// Installs the hook: log the panic on the console, then show it in every widget and send `folio:error`.
pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        let message = format!("folio: internal error: {info}");
        web_sys::console::error_1(&message.as_str().into());
        show_in_widgets(&message);
    }));
}

/// Writes the message into every widget found and dispatches `folio:error`; returns how many widgets it reached.
/// Never panics itself (a panic inside a panic hook aborts without a trace).
pub fn show_in_widgets(message: &str) -> usize {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return 0;
    };
    let mut reached = 0;
    // Widgets in the document itself.
    for el in all(&document, ".folio") {
        if replace_with_message(&document, &el, message) {
            dispatch_error(&el, message);
            reached += 1;
        }
    }
    // Widgets inside `<folio-reader>` elements: the event goes to the element, where the host listens.
    for host in all(&document, "folio-reader") {
        let Some(shadow) = host.shadow_root() else {
            continue;
        };
        let Ok(list) = shadow.query_selector_all(".folio") else {
            continue;
        };
        let mut any = false;
        for i in 0..list.length() {
            if let Some(el) = list.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
                any |= replace_with_message(&document, &el, message);
            }
        }
        if any {
            dispatch_error(&host, message);
            reached += 1;
        }
    }
    reached
}

fn all(document: &Document, selector: &str) -> Vec<Element> {
    let Ok(list) = document.query_selector_all(selector) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i).and_then(|n| n.dyn_into::<Element>().ok()))
        .collect()
}

/// Replaces the widget's content with the static alert (text nodes only: the panic message is never parsed as
/// HTML). Returns false if the DOM refused.
fn replace_with_message(document: &Document, widget: &Element, message: &str) -> bool {
    let build = || -> Result<Element, JsValue> {
        let alert = document.create_element("div")?;
        alert.set_class_name("folio-error folio-error--panic");
        alert.set_attribute("role", "alert")?;
        for (class, text) in [
            ("folio-error__title", PANIC_TITLE),
            ("folio-error__reason", PANIC_REASON),
            ("folio-error__detail", message),
        ] {
            let p = document.create_element("p")?;
            p.set_class_name(class);
            p.set_text_content(Some(text));
            alert.append_child(&p)?;
        }
        Ok(alert)
    };
    let Ok(alert) = build() else {
        return false;
    };
    widget.set_text_content(None);
    widget.append_child(&alert).is_ok()
}

fn dispatch_error(target: &Element, message: &str) {
    let detail = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&detail, &"kind".into(), &"panic".into());
    let _ = js_sys::Reflect::set(&detail, &"message".into(), &message.into());
    let init = web_sys::CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(&detail);
    if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict("folio:error", &init) {
        let _ = target.dispatch_event(&event);
    }
}

/// Panics on purpose, so tests can prove that a panic ends in the error message and the event. Exported to
/// JavaScript as `folio_test_panic`, in builds with the `test-hooks` feature only (the end-to-end tests' build, never
/// a release); it does nothing a host page could not already do (remove the widget).
#[cfg(feature = "test-hooks")]
#[wasm_bindgen::prelude::wasm_bindgen(js_name = folio_test_panic)]
pub fn test_panic() {
    install_panic_hook();
    panic!("folio_test_panic was called (a deliberate panic, to test the panic hook)");
}
