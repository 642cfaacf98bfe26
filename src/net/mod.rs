//! The only module that talks HTTP: `get_text`, `get_if_changed` (polls), `post_json` and `send_json`, each with a timeout, aborted when the
//! caller drops the future (a component that unmounts), and failing with a named [`NetError`].

mod events;
mod fetch;

/// The errors are plain data, defined with the state that keeps them (`state` sits below `net`).
pub use crate::state::{NetError, ServerMessage};
pub use events::{EventStream, Named};
pub use fetch::{
    absolute_url, get_if_changed, get_text, handed, offer_early, post_json, send_json, Fetched,
    PAGING_HEADERS, POSTING_HEADERS,
};

/// How long a request may take before Folio gives up and says so.
pub const DEFAULT_TIMEOUT_MS: u32 = 15_000;
