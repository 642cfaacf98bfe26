//! Read aloud (issue 14, "Audio Only"): the article spoken by the browser's speech synthesis, with the
//! [`ReadAloud`](crate::state::ReadAloud) reducer holding the place, the speed (remembered per site) and what to
//! say next (`use_read_aloud`); the piece being read highlighted (`use_highlight`); the voice that would read it
//! ([`voices`]); and the Media Session told what is playing ([`media_session`]).
//!
//! The speaking part needs the `read-aloud` feature: the embed's lite module is built without it, finds a voice
//! all the same, and hands the reader who presses Play to the full module (`components::audio`). The audio
//! edition's player and its Media Session are in every build.

#[cfg(feature = "read-aloud")]
mod highlight;
pub mod media_session;
#[cfg(feature = "read-aloud")]
mod reading;
#[cfg(feature = "read-aloud")]
pub mod speech;
pub mod voices;

use std::cell::Cell;

use yew::prelude::*;

#[cfg(feature = "read-aloud")]
pub use highlight::{use_highlight, READING};
#[cfg(feature = "read-aloud")]
pub use reading::{use_read_aloud, ReadAloudHandle, RATE_KEY};
pub use voices::use_voice;

thread_local! {
    static NEXT_OWNER: Cell<u64> = const { Cell::new(1) };
}

/// A number of its own for each player on the page: who holds the voice and the Media Session.
#[hook]
pub fn use_owner_id() -> u64 {
    *use_memo((), |_| {
        NEXT_OWNER.with(|n| {
            let id = n.get();
            n.set(id + 1);
            id
        })
    })
}
