//! The moderator's endpoints, for comments held by `--moderate`:
//! - `GET  /api/moderation/held`: the queue, `{"held": [{"article": "…", "comment": {…}}, …]}`, oldest first;
//! - `POST /api/moderation/{article}/{cid}/approve`: publish it (200 with the comment; live listeners get it, as a
//!   new comment, or as `changed` when it is an edit of a comment listed before);
//! - `POST /api/moderation/{article}/{cid}/reject`: drop it for good (204).
//!
//! Every call needs `Authorization: Bearer <token>` with the token of `--moderator-token` (or
//! `FOLIO_MODERATOR_TOKEN`). Without one configured the endpoints are off (403 saying so): there is no default
//! token that could be guessed.

use axum::extract::rejection::PathRejection;
use axum::extract::{Path, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::json;

use crate::errors::ApiError;
use crate::state::AppState;
use crate::token;

/// Checks the moderator's bearer token.
fn authorise(state: &AppState, headers: &HeaderMap) -> Result<(), ApiError> {
    let Some(expected) = state.moderator_token.as_deref() else {
        return Err(ApiError::Forbidden(
            "Moderation is off: start the server with --moderator-token (or FOLIO_MODERATOR_TOKEN).".into(),
        ));
    };
    let given = super::bearer(headers).unwrap_or("");
    if token::matches_digest(given, expected) {
        Ok(())
    } else {
        Err(ApiError::Forbidden(
            "Only a moderator can do this, with the server's moderator token.".into(),
        ))
    }
}

fn no_such_held() -> ApiError {
    ApiError::NotFound(
        "There is no comment with this id waiting for review in this article.".into(),
    )
}

/// `GET /api/moderation/held`.
pub async fn held_comments(
    State(state): State<AppState>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    authorise(&state, &headers)?;
    let held = state.db.held().await?;
    let items: Vec<_> = held
        .into_iter()
        .map(|(article, comment)| json!({ "article": article, "comment": comment }))
        .collect();
    let mut response = Json(json!({ "held": items })).into_response();
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    Ok(response)
}

/// The article and comment a moderation request names, once the moderator token and the article are checked.
async fn target(
    state: &AppState,
    ids: Result<Path<(String, String)>, PathRejection>,
    headers: &HeaderMap,
) -> Result<(String, String), ApiError> {
    authorise(state, headers)?;
    super::article_and_comment(state, ids).await
}

/// `POST /api/moderation/{article}/{cid}/approve`.
pub async fn approve(
    State(state): State<AppState>,
    ids: Result<Path<(String, String)>, PathRejection>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let (article, cid) = target(&state, ids, &headers).await?;
    let (comment, listed_before) = state
        .db
        .approve(&article, &cid)
        .await?
        .ok_or_else(no_such_held)?;
    // Published now: readers with the thread open see it arrive like any new comment, or an approved edit replace
    // the version they have.
    if listed_before {
        state.events.changed(&article, &comment);
    } else {
        state.events.publish(&article, &comment);
    }
    Ok(Json(comment).into_response())
}

/// `POST /api/moderation/{article}/{cid}/reject`.
pub async fn reject(
    State(state): State<AppState>,
    ids: Result<Path<(String, String)>, PathRejection>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let (article, cid) = target(&state, ids, &headers).await?;
    let found = state.db.reject(&article, &cid).await?;
    if found {
        Ok(StatusCode::NO_CONTENT.into_response())
    } else {
        Err(no_such_held())
    }
}
