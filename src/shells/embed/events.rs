//! The DOM events the element sends to the host page: `folio:loaded`, `folio:error`, `folio:comment-posted`,
//! all bubbling and composed (they cross the shadow boundary and any shadow root the host put the element in).

use wasm_bindgen::JsValue;
use web_sys::{CustomEvent, CustomEventInit, Element};

use crate::model::{Article, Comment};
use crate::state::LoadError;

/// A plain object built from `(key, value)` pairs; `None` values become `null`.
fn object(fields: &[(&str, Option<&str>)]) -> JsValue {
    let o = js_sys::Object::new();
    for (key, value) in fields {
        let v = value.map_or(JsValue::NULL, JsValue::from_str);
        // Setting a property on a fresh plain object cannot fail; nothing to report if it did.
        let _ = js_sys::Reflect::set(&o, &JsValue::from_str(key), &v);
    }
    o.into()
}

/// Dispatch `name` on the host element with `detail`.
fn dispatch(host: &Element, name: &str, detail: &JsValue) {
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(detail);
    if let Ok(event) = CustomEvent::new_with_event_init_dict(name, &init) {
        let _ = host.dispatch_event(&event);
    }
}

/// `folio:loaded`, detail `{ id, title, url }`.
pub fn loaded(host: &Element, article: &Article) {
    let detail = object(&[
        ("id", Some(&article.id)),
        ("title", Some(&article.title)),
        ("url", article.url.as_deref()),
    ]);
    dispatch(host, "folio:loaded", &detail);
}

/// `folio:error`, detail `{ kind: "net" | "source" | "config", message }`.
pub fn error(host: &Element, error: &LoadError) {
    let kind = match error {
        LoadError::Net(_) => "net",
        LoadError::Source(_) => "source",
        LoadError::Config(_) => "config",
    };
    let message = error.to_string();
    let detail = object(&[("kind", Some(kind)), ("message", Some(&message))]);
    dispatch(host, "folio:error", &detail);
}

/// `folio:comment-posted`, detail `{ id, parent, author }`.
pub fn comment_posted(host: &Element, comment: &Comment) {
    let detail = object(&[
        ("id", Some(&comment.id)),
        ("parent", comment.parent.as_deref()),
        ("author", Some(&comment.author.name)),
    ]);
    dispatch(host, "folio:comment-posted", &detail);
}
