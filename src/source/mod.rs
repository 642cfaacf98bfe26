//! Turns JSON from an API into Folio's model: format mapping, dates, sanitising, thread building, share links.
//!
//! Pure Rust on purpose (no `yew`, `web_sys`, `gloo`, `wasm_bindgen`): `cargo test` covers JSON → model on the host.
//! One exception, wasm-only: `entities::browser` asks the browser's HTML parser for named character references
//! instead of shipping their table; natively the same function asks pulldown-cmark.

pub mod adapter;
pub mod date;
pub mod entities;
pub mod error;
pub mod folio_json;
pub mod mapping;
pub mod markdown;
pub mod reading;
pub mod sanitize;
pub mod share;
pub mod thread;
pub mod url;

pub use adapter::Adapter;
pub use error::{json_text, parse_json, SourceError};

#[cfg(all(test, not(target_arch = "wasm32")))]
mod pathological_tests;
#[cfg(all(test, not(target_arch = "wasm32")))]
mod xss_corpus_tests;
