//! What the widget reads from the browser while it draws: the page's address and language, the reader's
//! languages, the clock, `localStorage`, and dates formatted by `Intl`. One small module, so every component also
//! renders natively (server rendering, issue 15): in the browser (`platform::browser`) the answers come from `window`;
//! natively (`platform::native`) there is no page and no reader, so the answers are neutral — no address, no stored
//! choices, dates as ISO 8601 in UTC — and the browser's first effects replace them.
//!
//! In the browser, while the SPA takes a server-rendered page over, the answers are the neutral ones too
//! (`browser::begin_hydration`), so the first render equals the server's; [`Phase`] tells components when the
//! browser's own answers replace them.
//!
//! Only reads live here. What the widget *does* to the page (fetching, listening, sharing, focusing) runs in
//! effects and event handlers, which server rendering never calls.

mod neutral;

#[cfg(target_arch = "wasm32")]
mod browser;
#[cfg(target_arch = "wasm32")]
pub use browser::*;

#[cfg(not(target_arch = "wasm32"))]
mod native;
#[cfg(not(target_arch = "wasm32"))]
pub use native::*;

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;

/// Where the platform's answers come from, provided by `Reader` (in `hooks::ReaderEnv`): components that read the
/// platform while they draw subscribe to it (`hooks::use_phase`), so they draw again when hydration ends.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Phase {
    /// The browser's (or, natively, the server's) own answers.
    #[default]
    Live,
    /// Taking over a server's markup: the neutral answers the server drew with.
    Hydrating,
}
