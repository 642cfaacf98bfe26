//! The answer to a post. The body is the comment exactly as the list shows it; what only the poster gets travels in
//! headers: `Folio-Edit-Token` (sent back as `Authorization: Bearer` to edit or delete), `Folio-Editable-Until`
//! (RFC 3339) and `Folio-Status` (`published`, or `pending` when held for moderation). A replay of a stored post
//! gets neither the token nor the time: the store keeps only the token's digest, and a key must not be a way to
//! obtain someone else's token.

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;

use crate::errors::ApiError;
use crate::model::Comment;
use crate::timefmt::{format_rfc3339, now_millis, parse_iso8601};
use crate::token::fresh_token;

/// What the poster gets besides the comment.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Receipt {
    /// Proves authorship for editing or deleting within the window; `None` for a replay.
    pub edit_token: Option<String>,
    /// Held for moderation: stored but not listed.
    pub held: bool,
}

/// The response for a stored (or replayed, or held) comment, editable for `window_ms` after its date.
pub(super) fn posted_response(
    status: StatusCode,
    comment: Comment,
    receipt: &Receipt,
    window_ms: i64,
) -> Response {
    let created = comment
        .date
        .as_deref()
        .and_then(parse_iso8601)
        .unwrap_or_else(now_millis);
    let until = format_rfc3339(created.saturating_add(window_ms));
    let mut response = (status, Json(comment)).into_response();
    let headers = response.headers_mut();
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers.insert(
        "folio-status",
        HeaderValue::from_static(if receipt.held { "pending" } else { "published" }),
    );
    let Some(token) = &receipt.edit_token else {
        return response;
    };
    if let Ok(v) = HeaderValue::from_str(token) {
        headers.insert("folio-edit-token", v);
    }
    if let Ok(v) = HeaderValue::from_str(&until) {
        headers.insert("folio-editable-until", v);
    }
    response
}

/// A fresh edit token; a failing random generator is logged and the request fails rather than handing out a weak
/// one.
pub(super) fn new_token() -> Result<String, ApiError> {
    fresh_token().map_err(|err| {
        tracing::error!("no random edit token: {err}");
        ApiError::Server
    })
}
