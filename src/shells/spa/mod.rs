//! The standalone single-page app: `index.html?src=…&comments=…&lang=…&theme=…` shows that article; with no
//! parameters, the demo index.

mod app;
mod demo_index;
mod playground;
#[cfg(feature = "hydration")]
mod typed;

pub use app::{SpaApp, SpaAppProps, SpaRoute};
pub use demo_index::DemoIndex;
pub use playground::Playground;

use wasm_bindgen::JsCast;

use crate::config::ReaderConfig;

/// Read the page's URL parameters into a route: an article when `src` is given, else the demo index.
pub fn route_from_query(query: &str) -> SpaRoute {
    let pairs: Vec<(String, String)> = web_sys::UrlSearchParams::new_with_str(query)
        .ok()
        .and_then(|p| js_sys::try_iter(&p).ok().flatten())
        .into_iter()
        .flatten()
        .filter_map(|entry| {
            let pair: js_sys::Array = entry.ok()?.dyn_into().ok()?;
            Some((pair.get(0).as_string()?, pair.get(1).as_string()?))
        })
        .collect();
    if pairs.iter().any(|(k, _)| k == "playground") {
        return SpaRoute::Playground;
    }
    if !pairs.iter().any(|(k, _)| k == "src") {
        return SpaRoute::Index;
    }
    match ReaderConfig::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str()))) {
        Ok(config) => SpaRoute::Article(config),
        Err(message) => SpaRoute::BadConfig(message),
    }
}

/// The reader's settings a server-rendered page wrote on its root (`data-src`, `data-preset`, `data-lang`,
/// `data-comments`, `data-mapping`; see `shells::page`), or `None` on the SPA's own page.
fn rendered_page_config(root: &web_sys::Element) -> Option<ReaderConfig> {
    let src = root.get_attribute("data-src")?;
    let mut config = ReaderConfig::new(src);
    config.preset = root.get_attribute("data-preset").map(Into::into);
    config.lang = root.get_attribute("data-lang").map(Into::into);
    config.comments = root.get_attribute("data-comments").map(Into::into);
    config.mapping = root.get_attribute("data-mapping").map(Into::into);
    Some(config)
}

/// Start the SPA in the page's `#folio-root` (or `<body>`).
pub fn start() {
    crate::shells::install_panic_hook();
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if let Some(root) = document.get_element_by_id("folio-root") {
        if let Some(config) = rendered_page_config(&root) {
            // A page the server rendered (`/read/{id}`): readable before this module loaded. Taken over as it
            // is (hydration) when the page carries what it was drawn from; else the reader is drawn again in
            // its place. Either way it goes on live: posting, sorting, paging.
            take_over(&document, root, config);
            return;
        }
    }
    let query = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default();
    let route = route_from_query(&query);
    take_early_request(&route);
    if let (SpaRoute::Article(c), Some(root)) = (&route, document.document_element()) {
        // The page chrome follows the article's theme too.
        let _ = root.set_attribute("data-theme", c.theme.as_attr());
    }
    let props = SpaAppProps { route };
    match document.get_element_by_id("folio-root") {
        Some(root) => {
            yew::Renderer::<SpaApp>::with_root_and_props(root, props).render();
        }
        None => {
            yew::Renderer::<SpaApp>::with_props(props).render();
        }
    }
}

/// The article request `index.html`'s inline script started while this module loaded (`window.__folioEarly`):
/// offered to the reader of an article page (`net::offer_early`), aborted on any other, where nobody would read it.
fn take_early_request(route: &SpaRoute) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let key = wasm_bindgen::JsValue::from_str("__folioEarly");
    let request = js_sys::Reflect::get(&window, &key).ok();
    let _ = js_sys::Reflect::delete_property(window.as_ref(), &key);
    let request = request.and_then(|r| r.dyn_into::<js_sys::Array>().ok());
    if let Some((url, (started, controller))) = request.as_ref().and_then(crate::net::handed) {
        match route {
            SpaRoute::Article(_) => crate::net::offer_early(url, started, controller),
            _ => controller.abort(),
        }
    }
}

/// Take a server-rendered page over: hydrate it from its data script (`shells::island`), or, in a build without
/// hydration or a page without the script, draw the reader again from the root's settings.
fn take_over(document: &web_sys::Document, root: web_sys::Element, config: ReaderConfig) {
    #[cfg(feature = "hydration")]
    {
        let data = document
            .get_element_by_id(crate::shells::island::SCRIPT_ID)
            .and_then(|s| s.text_content())
            .and_then(|t| crate::shells::island::PageData::from_json(&t));
        if let Some(data) = data {
            if let Ok(pre) = data.preloaded() {
                let mut props = data.props(Some(pre));
                props.on_loaded = ready_signal();
                hold_for_test(move || {
                    after_paint(move || {
                        let typed = typed::Typed::read(&root);
                        crate::platform::begin_hydration();
                        yew::Renderer::<crate::Reader>::with_root_and_props(root, props).hydrate();
                        typed.restore_when_live();
                    })
                });
                return;
            }
        }
    }
    let _ = document;
    root.set_inner_html("");
    let props = crate::ReaderProps {
        config,
        on_loaded: ready_signal(),
        on_error: Default::default(),
        on_comment_posted: Default::default(),
        preloaded: None,
    };
    yew::Renderer::<crate::Reader>::with_root_and_props(root, props).render();
}

/// Run `go` once the browser has painted the page as the server sent it (the task after the next frame), so taking
/// it over never holds the first paint back: on a fast link the module can be ready before the first frame, and
/// hydration is main-thread work the reader does not see. A frame never comes in a hidden tab, so a timer runs
/// `go` anyway after [`PAINT_WAIT_MS`]; whichever comes first runs it, once.
#[cfg(feature = "hydration")]
fn after_paint(go: impl FnOnce() + 'static) {
    use std::cell::Cell;
    use std::rc::Rc;
    use wasm_bindgen::closure::Closure;

    let Some(window) = web_sys::window() else {
        return go();
    };
    let once = Rc::new(Cell::new(Some(go)));
    let run = move || {
        if let Some(go) = once.take() {
            go();
        }
    };
    let (w, after_frame) = (window.clone(), run.clone());
    let frame = Closure::once_into_js(move || {
        let task = Closure::once_into_js(after_frame);
        let _ = w.set_timeout_with_callback(task.unchecked_ref());
    });
    let _ = window.request_animation_frame(frame.unchecked_ref());
    let fallback = Closure::once_into_js(run);
    let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(
        fallback.unchecked_ref(),
        PAINT_WAIT_MS,
    );
}

/// How long a page whose frames do not come (a hidden tab) waits before it is taken over.
#[cfg(feature = "hydration")]
const PAINT_WAIT_MS: i32 = 250;

/// Run `go` now; in the end-to-end tests' build, on a page whose address has `folio-test-hold`, only when the page
/// fires `folio-test-hydrate`, so a test can look at the server's nodes before the browser takes them over.
#[cfg(feature = "hydration")]
fn hold_for_test(go: impl FnOnce() + 'static) {
    #[cfg(feature = "test-hooks")]
    {
        let window = web_sys::window();
        let held = window
            .as_ref()
            .and_then(|w| w.location().search().ok())
            .is_some_and(|q| q.contains("folio-test-hold"));
        if let (true, Some(w)) = (held, window) {
            let listener = wasm_bindgen::closure::Closure::once_into_js(go);
            let options = web_sys::AddEventListenerOptions::new();
            options.set_once(true);
            let _ = w.add_event_listener_with_callback_and_add_event_listener_options(
                "folio-test-hydrate",
                listener.unchecked_ref(),
                &options,
            );
            return;
        }
    }
    go();
}

/// Marks `#folio-root` with `data-folio-ready` once the reader has its article and answers the reader (after the
/// first effects: drawn, or a server's page taken over, with its handlers in place). A page can style or wait on
/// it; the article benchmark measures "interactive" by it (docs/performance.md).
pub(crate) fn ready_signal() -> yew::Callback<std::rc::Rc<crate::model::Article>> {
    yew::Callback::from(|_| {
        if let Some(root) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id("folio-root"))
        {
            let _ = root.set_attribute("data-folio-ready", "");
        }
    })
}
