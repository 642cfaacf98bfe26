//! The two thin shells around the [`Reader`](crate::Reader): the standalone SPA (URL parameters, demo index) and the
//! embeddable `<folio-reader>` custom element (one Yew app per element, in its shadow root).

pub mod embed;
pub mod spa;

mod panic_hook;

pub use panic_hook::{install_panic_hook, show_in_widgets, PANIC_REASON, PANIC_TITLE};
