//! `PATCH` and `DELETE /api/articles/{id}/comments/{cid}`: a poster edits or deletes their own comment within the
//! edit window, proving authorship with the token they were given at posting time
//! (`Authorization: Bearer <token>`). A deleted comment stays as a placeholder so its replies keep their place.

use axum::body::Bytes;
use axum::extract::rejection::{BytesRejection, PathRejection};
use axum::extract::{Path, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;

use crate::api::{ensure_article, unknown_article, AppState};
use crate::db;
use crate::errors::ApiError;
use crate::post;
use crate::timefmt::now_millis;
use crate::token;

fn bearer(headers: &HeaderMap) -> Option<&str> {
    headers
        .get(header::AUTHORIZATION)?
        .to_str()
        .ok()?
        .strip_prefix("Bearer ")
        .map(str::trim)
}

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
        .await
        .map_err(|_| ApiError::Server)?
        .ok_or_else(|| {
            ApiError::NotFound("There is no comment with this id in this article.".into())
        })?;
    let given = bearer(headers).unwrap_or("");
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
    let window_ms = i64::try_from(state.edit_window_secs.saturating_mul(1000)).unwrap_or(i64::MAX);
    let posted = owner.created_at.unwrap_or(0);
    if now_millis() > posted.saturating_add(window_ms) {
        return Err(ApiError::Forbidden(
            "The time to change this comment is over.".into(),
        ));
    }
    Ok(())
}

pub async fn edit_comment(
    State(state): State<AppState>,
    ids: Result<Path<(String, String)>, PathRejection>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, ApiError> {
    let Path((article, cid)) = ids.map_err(|_| unknown_article())?;
    ensure_article(&state, &article).await?;
    authorise(&state, &article, &cid, &headers).await?;
    post::check_content_type(
        headers
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok()),
    )?;
    let bytes = body
        .map_err(|_| ApiError::BadJson("The request body could not be read completely.".into()))?;
    let (text, format) = post::parse_edit(&bytes)?;
    let updated = state
        .db
        .run(move |conn| db::update_body(conn, &article, &cid, &text, &format))
        .await
        .map_err(|_| ApiError::Server)?
        .ok_or_else(|| {
            ApiError::NotFound("There is no comment with this id in this article.".into())
        })?;
    Ok(Json(updated).into_response())
}

pub async fn delete_comment(
    State(state): State<AppState>,
    ids: Result<Path<(String, String)>, PathRejection>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let Path((article, cid)) = ids.map_err(|_| unknown_article())?;
    ensure_article(&state, &article).await?;
    authorise(&state, &article, &cid, &headers).await?;
    state
        .db
        .run(move |conn| db::mark_deleted(conn, &article, &cid))
        .await
        .map_err(|_| ApiError::Server)?;
    Ok(StatusCode::NO_CONTENT.into_response())
}
