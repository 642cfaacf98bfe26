//! The DOM events the element sends to the host page: `folio:loaded`, `folio:error`, `folio:comment-posted`,
//! all bubbling and composed (they cross the shadow boundary and any shadow root the host put the element in);
//! and three for the loader only, `folio:needs-mapping`, `folio:upgrade` and `folio:drawn`, which do neither.

use wasm_bindgen::JsValue;
use web_sys::{CustomEvent, CustomEventInit, Element};

use crate::hooks::Upgrade;
use crate::model::{Article, Comment};
use crate::source::SourceError;
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

/// Dispatch `name` on the host element with `detail`, to the host page (bubbling and composed) or to the element's
/// own listeners only (the loader's).
fn dispatch_to(host: &Element, name: &str, detail: &JsValue, to_page: bool) {
    let init = CustomEventInit::new();
    init.set_bubbles(to_page);
    init.set_composed(to_page);
    init.set_detail(detail);
    if let Ok(event) = CustomEvent::new_with_event_init_dict(name, &init) {
        let _ = host.dispatch_event(&event);
    }
}

/// Dispatch `name` on the host element with `detail`, for the host page.
fn dispatch(host: &Element, name: &str, detail: &JsValue) {
    dispatch_to(host, name, detail, true);
}

/// `folio:needs-mapping`, detail `{ shape }`: this module (the lite one, without the mapping language) cannot read
/// the element's source, and the loader is to hand the element to the full module. Neither bubbling nor composed:
/// it is the loader's business (embed/folio.js), not the host page's.
pub fn needs_mapping(host: &Element, shape: &str) {
    let detail = object(&[("shape", Some(shape))]);
    dispatch_to(host, "folio:needs-mapping", &detail, false);
}

/// `folio:upgrade`, detail `{ need }` ([`Upgrade::name`]): this module (the lite one) lacks what the reader now
/// needs (reading aloud, following a live article), and the loader is to draw the element with the full module in
/// its place, telling it `need`. For the loader only, like `folio:needs-mapping`.
pub fn upgrade(host: &Element, need: Upgrade) {
    let detail = object(&[("need", Some(&need.name()))]);
    dispatch_to(host, "folio:upgrade", &detail, false);
}

/// `folio:drawn`: a reader that took over from the lite module has drawn its article, out of sight, and the loader
/// may show it in place of the lite one. Instead of `folio:loaded`, which the host page already had for the
/// article; for the loader only.
pub fn drawn(host: &Element) {
    dispatch_to(host, "folio:drawn", &JsValue::NULL, false);
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

/// `folio:error`, detail `{ kind: "net" | "source" | "config", message }`; or, when the error is that only the full
/// module can read the source, `folio:needs-mapping` instead (the reader keeps showing its loading state).
pub fn error(host: &Element, error: &LoadError) {
    if let LoadError::Source(SourceError::NeedsMapping { shape }) = error {
        return needs_mapping(host, shape);
    }
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
