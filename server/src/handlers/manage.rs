//! `PATCH` and `DELETE /api/articles/{id}/comments/{cid}`: a poster edits or deletes their own comment within the
//! edit window, proving authorship with the token they were given at posting time
//! (`Authorization: Bearer <token>`). A deleted comment stays as a placeholder so its replies keep their place.

use axum::body::Bytes;
use axum::extract::rejection::{BytesRejection, PathRejection};
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;

use crate::db;
use crate::errors::ApiError;
use crate::input;
use crate::state::AppState;
use crate::timefmt::now_millis;
use crate::token;

/// Checks the token and the window; `Ok` means the caller may change the comment.
async fn authorise(
    state: &AppState,
    article: &str,
    cid: &str,
    headers: &HeaderMap,
) -> Result<(), ApiError> {
    let (a, c) = (article.to_owned(), cid.to_owned());
    let owner = state
        .db
        .run(move |conn| db::ownership(conn, &a, &c))
        .await?
        .ok_or_else(ApiError::unknown_comment)?;
    let given = super::bearer(headers).unwrap_or("");
    let Some(expected) = owner.edit_token.as_deref().filter(|t| !t.is_empty()) else {
        return Err(ApiError::Forbidden(
            "This comment cannot be changed.".into(),
        ));
    };
    if !token::same(given, expected) {
        return Err(ApiError::Forbidden(
            "Only the poster can change this comment, with the token given when it was posted."
                .into(),
        ));
    }
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
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, ApiError> {
    let (article, cid) = super::article_and_comment(&state, ids).await?;
    authorise(&state, &article, &cid, &headers).await?;
    input::check_content_type(super::content_type(&headers))?;
    let bytes = body
        .map_err(|_| ApiError::BadJson("The request body could not be read completely.".into()))?;
    let (text, format) = input::parse_edit(&bytes)?;
    let updated = state
        .db
        .run(move |conn| db::update_body(conn, &article, &cid, &text, &format))
        .await?
        .ok_or_else(ApiError::unknown_comment)?;
    Ok(Json(updated).into_response())
}

/// `DELETE`: the comment becomes a placeholder; 204.
pub async fn delete_comment(
    State(state): State<AppState>,
    ids: Result<Path<(String, String)>, PathRejection>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let (article, cid) = super::article_and_comment(&state, ids).await?;
    authorise(&state, &article, &cid, &headers).await?;
    state
        .db
        .run(move |conn| db::mark_deleted(conn, &article, &cid))
        .await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}
