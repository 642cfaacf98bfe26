//! The thin shells around the [`Reader`](crate::Reader): the standalone SPA (URL parameters, demo index), the
//! embeddable `<folio-reader>` custom element (one Yew app per element, in its shadow root), and, natively, the
//! server-rendered page (`shells::page`).

pub mod embed;
pub mod island;
#[cfg(not(target_arch = "wasm32"))]
pub mod page;
// The SPA carries the mapping playground and the presets' demo: only in builds with the mapping language.
#[cfg(feature = "mapping")]
pub mod spa;

mod panic_hook;

pub use panic_hook::{install_panic_hook, show_in_widgets, PANIC_REASON, PANIC_TITLE};
