//! The sentence for a request that failed on the reader's behalf (a post, an edit, a delete): what did not happen,
//! why in words, and the server's own message.

use crate::i18n::Strings;
use crate::state::LoadError;
use crate::state::NetError;

use super::describe_error;

/// `lead` (what did not happen), then why, in words, then the server's own message.
pub fn failure_with(lead: &str, e: &NetError, s: &Strings) -> String {
    let (reason, _) = describe_error(&LoadError::Net(e.clone()), s);
    let server = e
        .server_message()
        .and_then(|m| m.message.clone())
        .map(|m| format!(" {m}"))
        .unwrap_or_default();
    format!("{lead} {reason}{server}")
}

/// A failed post: it was not posted, it is still here, and why.
pub fn failure_text(e: &NetError, s: &Strings) -> String {
    failure_with(s.post_failed, e, s)
}
