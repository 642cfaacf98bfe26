//! `PATCH` and `DELETE /api/articles/{id}/comments/{cid}`: a poster edits or deletes their own comment within the
//! edit window, proving authorship with the token they were given at posting time
//! (`Authorization: Bearer <token>`). A deleted comment stays as a placeholder so its replies keep their place. On a
//! `--moderate` server an edited comment is held for review again. A listed comment that is edited or deleted is
//! sent to the event streams as `changed` (the placeholder, for a delete). Edits and deletes, refused ones included, count
//! against `--edit-rate-limit`.

use axum::body::Bytes;
use axum::extract::rejection::{BytesRejection, PathRejection};
use axum::extract::{Path, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;

use super::Client;
use crate::errors::ApiError;
use crate::input;
use crate::state::AppState;
use crate::timefmt::now_millis;
use crate::token;

/// One answer for "no such comment", "a seed nobody can edit" and "not your token": telling them apart would let
/// anyone probe which ids exist (held comments included).
fn not_yours() -> ApiError {
    ApiError::Forbidden(
        "Only the poster can change this comment, with the token given when it was posted.".into(),
    )
}

/// Checks the client's edit budget, the token and the window; `Ok` means the caller may change the comment.
/// Refused attempts count too, so the limit also slows down anyone guessing tokens.
async fn authorise(
    state: &AppState,
    (article, cid): (&str, &str),
    client: Client,
    headers: &HeaderMap,
) -> Result<(), ApiError> {
    if let Client(Some(ip)) = client {
        state.check_rate("edits", &state.edit_limiter, ip).await?;
    }
    let owner = state
        .db
        .ownership(article, cid)
        .await?
        .ok_or_else(not_yours)?;
    let given = super::bearer(headers).unwrap_or("");
    let Some(expected) = owner.edit_hash.as_deref().filter(|t| !t.is_empty()) else {
        return Err(not_yours());
    };
    if !token::matches_digest(given, expected) {
        return Err(not_yours());
    }
    // Only the holder of the right token gets this far, so the reasons below reveal nothing to anyone else.
    if owner.deleted {
        return Err(ApiError::Forbidden("This comment was deleted.".into()));
    }
    let posted = owner.created_at.unwrap_or(0);
    if now_millis() > posted.saturating_add(state.edit_window_ms()) {
        return Err(ApiError::Forbidden(
            "The time to change this comment is over.".into(),
        ));
    }
    Ok(())
}

/// `PATCH`: `{"body": "…", "format": "markdown"|"text"}` replaces the text; answers the comment as listed.
pub async fn edit_comment(
    State(state): State<AppState>,
    ids: Result<Path<(String, String)>, PathRejection>,
    client: Client,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, ApiError> {
    let (article, cid) = super::article_and_comment(&state, ids).await?;
    authorise(&state, (&article, &cid), client, &headers).await?;
    input::check_content_type(super::content_type(&headers))?;
    let bytes = body
        .map_err(|_| ApiError::BadJson("The request body could not be read completely.".into()))?;
    let (text, format) = input::parse_edit(&bytes)?;
    let hold = state.moderate;
    let (updated, held) = state
        .db
        .update_body(&article, &cid, (text, format), hold)
        .await?
        .ok_or_else(not_yours)?;
    // Readers see a listed comment change in place; an edit held for review waits for the moderator.
    if !held {
        state.events.changed(&article, &updated);
    }
    // Held again on a moderated server: 202 and `Folio-Status: pending`, as for a new comment.
    let (status, folio_status) = if held {
        (StatusCode::ACCEPTED, "pending")
    } else {
        (StatusCode::OK, "published")
    };
    let mut response = (status, Json(updated)).into_response();
    let headers = response.headers_mut();
    headers.insert("folio-status", HeaderValue::from_static(folio_status));
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    Ok(response)
}

/// `DELETE`: the comment becomes a placeholder; 204.
pub async fn delete_comment(
    State(state): State<AppState>,
    ids: Result<Path<(String, String)>, PathRejection>,
    client: Client,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let (article, cid) = super::article_and_comment(&state, ids).await?;
    authorise(&state, (&article, &cid), client, &headers).await?;
    if let Some(placeholder) = state.db.mark_deleted(&article, &cid).await? {
        state.events.changed(&article, &placeholder);
    }
    Ok(StatusCode::NO_CONTENT.into_response())
}
