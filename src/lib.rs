//! # Folio
//!
//! A reader widget: a news article, its comment thread and a share bar, rendered from any JSON article API.
//!
//! The data path runs one way: JSON from the API ([`net`]) → mapping, sanitising and threading ([`source`]) →
//! Folio's own types ([`model`]) → state ([`state`], [`hooks`]) → [`components`] → the DOM, wrapped by one of the
//! [`shells`] (the standalone SPA; the embeddable custom element). Another Yew app uses [`Reader`] directly:
//!
//! ```ignore
//! html! { <folio::Reader config={folio::ReaderConfig::new("https://api.example/articles/42")} /> }
//! ```

pub mod components;
pub mod config;
pub mod hooks;
pub mod i18n;
pub mod model;
pub mod net;
pub mod platform;
pub mod shells;
pub mod source;
pub mod state;
pub mod styles;

pub use components::reader::{Reader, ReaderProps};
pub use config::{ReaderConfig, Theme};
