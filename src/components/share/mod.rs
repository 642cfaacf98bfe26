//! The share bar: plain links to each network's own share page (Threads, Bluesky, Mastodon on the reader's own
//! server …), a copy-link button, and the browser's share sheet where there is one. Nothing is loaded from any
//! network before the reader clicks; the icons are inline SVG.

mod icons;
mod mastodon_dialog;
mod share_bar;

pub use mastodon_dialog::{MastodonDialog, MastodonDialogProps};
pub use share_bar::{ShareBar, ShareBarProps};
