//! The player's icons, inline SVG drawn in the text colour (no icon font, nothing fetched). Decorative: each
//! button carries its own accessible name.

use yew::prelude::*;

/// An icon, by its path in a 24 × 24 box.
fn icon(d: &'static str) -> Html {
    html! {
        <svg class="folio-listen__icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
            <path d={d} fill="currentColor" />
        </svg>
    }
}

/// ▶
pub fn play() -> Html {
    icon("M7 4.5v15l12.5-7.5z")
}

/// ❚❚
#[cfg(feature = "read-aloud")]
pub fn pause() -> Html {
    icon("M6 4.5h4.5v15H6zm7.5 0H18v15h-4.5z")
}

/// ⏮ (mirrored in right-to-left layouts by the stylesheet)
#[cfg(feature = "read-aloud")]
pub fn previous() -> Html {
    icon("M5 5h2.5v14H5zm3.5 7L19 5v14z")
}

/// ⏭ (mirrored in right-to-left layouts by the stylesheet)
#[cfg(feature = "read-aloud")]
pub fn next() -> Html {
    icon("M16.5 5H19v14h-2.5zM5 5l10.5 7L5 19z")
}
