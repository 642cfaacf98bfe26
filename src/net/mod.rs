//! The only module that talks HTTP. One `get_text` and one `post_json`, each with a timeout, aborted when the
//! caller drops the future (a component that unmounts), and failing with a named [`NetError`].

mod error;
mod fetch;

pub use error::{NetError, ServerMessage};
pub use fetch::{
    absolute_url, get_text, post_json, send_json, Fetched, PAGING_HEADERS, POSTING_HEADERS,
};

/// How long a request may take before Folio gives up and says so.
pub const DEFAULT_TIMEOUT_MS: u32 = 15_000;
