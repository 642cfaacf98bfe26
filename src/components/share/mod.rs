//! The share bar: plain links to each network's own share page, a copy-link button, and the browser's share
//! sheet where there is one. Nothing is loaded from any network before the reader clicks.

mod share_bar;

pub use share_bar::{ShareBar, ShareBarProps};
