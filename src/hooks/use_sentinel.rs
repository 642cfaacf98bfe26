use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{IntersectionObserver, IntersectionObserverEntry, IntersectionObserverInit};
use yew::prelude::*;

use super::use_effect_on;

/// Call `on_visible` when the element behind `node` comes within 600 px of the viewport: the next page of comments
/// is drawn before the reader reaches the end. `key` changes re-arm it (a sentinel still in view after a page was
/// added fires again, so pages are added one task at a time while it stays visible).
#[hook]
pub fn use_sentinel<K: PartialEq + Clone + 'static>(
    node: NodeRef,
    key: K,
    on_visible: Callback<()>,
) {
    use_effect_on(key, move |_| {
        let target = node.cast::<web_sys::Element>();
        let callback = Closure::<dyn Fn(js_sys::Array)>::new(move |entries: js_sys::Array| {
            let visible = entries.iter().any(|e| {
                e.dyn_into::<IntersectionObserverEntry>()
                    .map(|e| e.is_intersecting())
                    .unwrap_or(false)
            });
            if visible {
                on_visible.emit(());
            }
        });
        let init = IntersectionObserverInit::new();
        init.set_root_margin("600px");
        let observer = target.and_then(|t| {
            let o =
                IntersectionObserver::new_with_options(callback.as_ref().unchecked_ref(), &init)
                    .ok()?;
            o.observe(&t);
            Some(o)
        });
        move || {
            if let Some(o) = observer {
                o.disconnect();
            }
            drop(callback);
        }
    });
}
