//! The share bar's icons: small inline SVG line drawings, drawn for Folio (no icon font, no image request, nothing
//! from a network before a click). They take the text colour and are hidden from assistive technology: the
//! link or button around each one carries the accessible name.

use yew::prelude::*;

use crate::model::Network;

/// One outline path per network, on a 24 × 24 grid.
fn network_path(network: Network) -> &'static str {
    match network {
        Network::X => "M4 4l16 16M20 4L4 20",
        Network::Facebook => "M15.5 3H13a4 4 0 0 0-4 4v14M6 10h8",
        Network::LinkedIn => "M3 6a3 3 0 0 1 3-3h12a3 3 0 0 1 3 3v12a3 3 0 0 1-3 3H6a3 3 0 0 1-3-3zM8 10.5V17M8 7v.1M12 17v-6.5M12 13.5a3 3 0 0 1 6 0V17",
        Network::Reddit => "M4 14.5c0-3 3.6-5.5 8-5.5s8 2.5 8 5.5-3.6 5.5-8 5.5-8-2.5-8-5.5zM12 9l1.5-5.5 4 1M9 13.5v.1M15 13.5v.1M9.5 16.5c1.5.8 3.5.8 5 0",
        Network::WhatsApp => "M3.5 20.5l1.4-4.2a8.5 8.5 0 1 1 3 2.9zM9 8.5c0 3.5 3 6.5 6.5 6.5l.8-1.8-2-1-1 1a5 5 0 0 1-2.5-2.5l1-1-1-2z",
        Network::Telegram => "M21 4L3 11l6.5 2.5M21 4l-3 16-8.5-6.5M21 4L9.5 13.5V19l3-3.5",
        Network::Bluesky => "M12 11C10.5 8 7 4.5 4.5 4 3 3.8 3 5 3 6.5s.7 5 4 5.5c-3 .6-3.3 3.2-1.5 4.6 2.6 2 4.8-.6 6.5-5.6zm0 0c1.5-3 5-6.5 7.5-7 1.5-.2 1.5 1 1.5 2.5s-.7 5-4 5.5c3 .6 3.3 3.2 1.5 4.6-2.6 2-4.8-.6-6.5-5.6z",
        Network::Threads => "M16.5 12c0-3-1.8-4.5-4.3-4.5S8 9 8 12s2 4.5 4.3 4.5c2.7 0 4.2-2 4.2-4.5 0-4.5-2.5-8.5-8-8.5A8.5 8.5 0 0 0 12 20.5c2.5 0 4.5-1 5.8-2.5",
        Network::Mastodon => "M20.5 8.5C20.5 5 18 3.5 15 3.2c-2-.2-4-.2-6 0C6 3.5 3.5 5 3.5 8.5v4c0 4.5 2.5 6.5 6 7 1.8.3 3.7.2 5.5-.3v-2c-1.8.4-3.5.5-5 .3M20.5 8.5v4c0 3-2 4.5-5 5M8 13.5V10a2 2 0 0 1 4 0v2M12 12v-2a2 2 0 0 1 4 0v3.5",
        Network::Email => "M3 7a2 2 0 0 1 2-2h14a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2zM3 7.5l9 6 9-6",
    }
}

/// The icon of the copy-link button: two chain links.
pub const COPY: &str = "M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1";
/// The icon of the browser's own share sheet: an arrow out of a tray.
pub const SHARE: &str = "M12 15V3M8 7l4-4 4 4M5 12v7a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2v-7";
/// The icon of "change the Mastodon server": a pencil.
pub const EDIT: &str = "M4 20h4L19 9a2.8 2.8 0 0 0-4-4L4 16z";

/// An outline icon of `path`, hidden from assistive technology.
pub fn icon(path: &'static str) -> Html {
    html! {
        <svg class="folio-icon" viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false"
             fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">
            <path d={path} />
        </svg>
    }
}

/// The icon of `network`.
pub fn network_icon(network: Network) -> Html {
    icon(network_path(network))
}
