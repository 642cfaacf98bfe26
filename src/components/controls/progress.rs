use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{AddEventListenerOptions, Element, HtmlElement, ResizeObserver};
use yew::prelude::*;

use crate::hooks::use_effect_on;
use crate::i18n::Strings;

/// How far through `article` the reader has scrolled, from 0 (its top at the top of the viewport, or lower) to 1
/// (its end in view).
fn progress(article: &Element, viewport: f64) -> f64 {
    let rect = article.get_bounding_client_rect();
    let travel = rect.height() - viewport;
    if travel <= 0.0 {
        // Shorter than the window: read once all of it is in view.
        return if rect.bottom() <= viewport { 1.0 } else { 0.0 };
    }
    (-rect.top() / travel).clamp(0.0, 1.0)
}

/// Draw the progress of the bar's article onto the bar: its width through a custom property set with the CSSOM
/// (a strict `style-src` allows that, unlike a `style` attribute written in the markup) and its `aria-valuenow`.
/// No re-render of the reader.
fn update(bar: &HtmlElement) {
    let Some(article) = bar.closest("article").ok().flatten() else {
        return;
    };
    let viewport = web_sys::window()
        .and_then(|w| w.inner_height().ok())
        .and_then(|h| h.as_f64())
        .unwrap_or(0.0);
    // Whole per mille: an integer prints without the float formatter (kilobytes of wasm).
    let per_mille = (progress(&article, viewport) * 1000.0).round() as u32;
    let _ = bar
        .style()
        .set_property("--folio-progress", &per_mille.to_string());
    let _ = bar.set_attribute("aria-valuenow", &((per_mille + 5) / 10).to_string());
}

/// Keeps the [`reading_progress`] bar drawn with the returned ref filled as far as the reader has read. It follows
/// any scrolling box (the page, or a host's scrolling container: the listener captures every `scroll` of the
/// document), window resizes, and the article's own height: an image, the read-aloud player or a live entry
/// arriving moves the end without any scrolling. Called by the article's view, whose `<article>` the bar is in.
#[hook]
pub fn use_reading_progress() -> NodeRef {
    let node = use_node_ref();
    {
        let node = node.clone();
        use_effect_on((), move |_| {
            let bar = node.cast::<HtmlElement>();
            let on_scroll = bar.map(|bar| {
                update(&bar);
                Closure::<dyn Fn()>::new(move || update(&bar))
            });
            let (document, window) = (
                web_sys::window().and_then(|w| w.document()),
                web_sys::window(),
            );
            let options = AddEventListenerOptions::new();
            options.set_capture(true);
            options.set_passive(true);
            if let (Some(f), Some(d), Some(w)) = (&on_scroll, &document, &window) {
                let f = f.as_ref().unchecked_ref();
                let _ = d.add_event_listener_with_callback_and_add_event_listener_options(
                    "scroll", f, &options,
                );
                let _ = w.add_event_listener_with_callback("resize", f);
            }
            let article = node
                .cast::<Element>()
                .and_then(|bar| bar.closest("article").ok().flatten());
            let resized = on_scroll
                .as_ref()
                .and_then(|f| ResizeObserver::new(f.as_ref().unchecked_ref()).ok());
            if let (Some(observer), Some(article)) = (&resized, &article) {
                observer.observe(article);
            }
            move || {
                if let Some(observer) = resized {
                    observer.disconnect();
                }
                if let (Some(f), Some(d), Some(w)) = (&on_scroll, &document, &window) {
                    let f = f.as_ref().unchecked_ref();
                    let _ = d.remove_event_listener_with_callback_and_bool("scroll", f, true);
                    let _ = w.remove_event_listener_with_callback("resize", f);
                }
                drop(on_scroll);
            }
        });
    }
    node
}

/// A thin bar at the top of the article, stuck to the top of the window while the article scrolls by, filled as
/// far as the reader has read (by [`use_reading_progress`], whose ref `node` is). A view function.
pub fn reading_progress(node: NodeRef, s: &Strings) -> Html {
    html! {
        <div class="folio-progress" ref={node} role="progressbar" aria-label={s.reading_progress}
             aria-valuemin="0" aria-valuemax="100" aria-valuenow="0" part="progress">
            <div class="folio-progress__bar"></div>
        </div>
    }
}
