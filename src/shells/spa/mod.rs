//! The standalone single-page app: `index.html?src=…&comments=…&lang=…&theme=…` shows that article; with no
//! parameters, the demo index.

mod app;
mod demo_index;
mod playground;

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

/// Start the SPA in the page's `#folio-root` (or `<body>`).
pub fn start() {
    crate::shells::install_panic_hook();
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let query = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default();
    let route = route_from_query(&query);
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
