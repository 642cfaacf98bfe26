//! The answer to a post. The body is the comment exactly as the list shows it; what only the poster gets travels in
//! headers: `Folio-Edit-Token` (sent back as `Authorization: Bearer` to edit or delete), `Folio-Editable-Until`
//! (RFC 3339) and `Folio-Status` (`published`, or `pending` when held for moderation).

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;

use crate::db::{NewRow, Receipt};
use crate::errors::ApiError;
use crate::model::{Author, Comment};
use crate::timefmt::{format_rfc3339, now_millis, parse_iso8601};
use crate::token::fresh_token;

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
    if let Ok(v) = HeaderValue::from_str(&receipt.edit_token) {
        headers.insert("folio-edit-token", v);
    }
    if let Ok(v) = HeaderValue::from_str(&until) {
        headers.insert("folio-editable-until", v);
    }
    response
}

/// What a bot that filled the honeypot is told: a plausible 201 for a comment that does not exist.
pub(super) fn decoy(row: &NewRow) -> Result<Response, ApiError> {
    let comment = Comment {
        id: format!("p{}", row.created_at.unwrap_or(0) % 100_000),
        parent: row.parent.clone(),
        author: Author {
            name: row.author_name.clone(),
            url: None,
            avatar: None,
        },
        date: row.created_at.map(format_rfc3339),
        body: row.body.clone(),
        format: row.format.clone(),
        score: None,
        deleted: false,
        article_author: false,
    };
    let receipt = Receipt {
        edit_token: new_token()?,
        held: false,
    };
    Ok(posted_response(StatusCode::CREATED, comment, &receipt, 0))
}

/// A fresh edit token; a failing random generator is logged and the request fails rather than handing out a weak
/// one.
pub(super) fn new_token() -> Result<String, ApiError> {
    fresh_token().map_err(|err| {
        eprintln!("folio-server: no random edit token: {err}");
        ApiError::Server
    })
}
