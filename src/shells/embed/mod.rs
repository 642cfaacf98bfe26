//! The embed shell: what the `<folio-reader>` loader (`embed/folio.js`) calls. Each element gets one Yew app,
//! rendered into a `<div>` inside the element's open shadow root, kept in a registry by an integer id, updated
//! when an attribute changes and destroyed when the element leaves the DOM. There is no router: the embed never
//! touches the host page's URL or history.
//!
//! The functions are exported from the library with `#[wasm_bindgen]`; the embed's binary (`src/bin/folio-embed.rs`,
//! built by `embed/build.sh`) names them so the link keeps them, and leaves the SPA shell out.

mod app;
mod attrs;
mod events;
mod registry;

pub use app::{EmbedApp, EmbedAppProps};
pub use attrs::config_from_element;
pub use registry::{folio_live_apps, folio_mount, folio_unmount, folio_update};
