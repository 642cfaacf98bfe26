//! `POST /api/articles/{id}/comments`: a new comment (JSON; `routes` caps the body at 64 KiB), honouring
//! `Idempotency-Key` (a repeat of the same request only, within the key window), a honeypot field, the per-address
//! rate limit (replays included) and `--moderate`. The answer is built in `receipt`.

use axum::body::Bytes;
use axum::extract::rejection::{BytesRejection, PathRejection};
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;

use super::decoy::decoy;
use super::receipt::{new_token, posted_response, Receipt};
use super::Client;
use crate::db::{Post, PostOutcome};
use crate::errors::ApiError;
use crate::input;
use crate::state::AppState;
use crate::token::digest;

/// Stores the comment: 201 when new, 200 for a replay of one already stored, 202 when it waits for a moderator,
/// 422 when the key stored a different request.
pub async fn post_comment(
    State(state): State<AppState>,
    id: Result<Path<String>, PathRejection>,
    Client(client): Client,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, ApiError> {
    let id = super::article(&state, id).await?;
    input::check_content_type(super::content_type(&headers))?;
    let bytes = body.map_err(|rejection| {
        if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
            ApiError::PayloadTooLarge
        } else {
            ApiError::BadJson("The request body could not be read completely.".into())
        }
    })?;
    let key = idempotency_key(&headers)?;
    let row = input::parse(&bytes)?;
    // Every post counts, replays included: a key must not be a way around the limit.
    if let Some(ip) = client {
        state.check_rate("posts", &state.limiter, ip).await?;
    }
    if input::honeypot_filled(&bytes) {
        return decoy(&state, &id, row).await;
    }

    let token = new_token()?;
    let held = state.moderate;
    let post = Post {
        row,
        key,
        key_window_ms: state.key_window_ms(),
        held,
        edit_hash: digest(&token),
    };
    // The store stamps the date inside its transaction, so posting order and date order agree.
    let outcome = state.db.insert_post(&id, post).await?;
    let (comment, receipt, status) = match outcome {
        PostOutcome::Stored(c) => {
            if !held {
                state.events.publish(&id, &c);
            }
            let status = if held {
                StatusCode::ACCEPTED
            } else {
                StatusCode::CREATED
            };
            (
                *c,
                Receipt {
                    edit_token: Some(token),
                    held,
                },
                status,
            )
        }
        PostOutcome::Replayed(c, held) => {
            let status = if held {
                StatusCode::ACCEPTED
            } else {
                StatusCode::OK
            };
            (
                *c,
                Receipt {
                    edit_token: None,
                    held,
                },
                status,
            )
        }
        PostOutcome::KeyReused => return Err(ApiError::KeyReused),
        PostOutcome::UnknownParent => return Err(super::unknown_parent()),
    };
    Ok(posted_response(
        status,
        comment,
        &receipt,
        state.edit_window_ms(),
    ))
}

/// The `Idempotency-Key` header, checked, if the client sent one.
fn idempotency_key(headers: &HeaderMap) -> Result<Option<String>, ApiError> {
    let Some(v) = headers.get("idempotency-key") else {
        return Ok(None);
    };
    let key = v.to_str().map_err(|_| {
        ApiError::BadJson("The Idempotency-Key header must be visible ASCII.".into())
    })?;
    input::check_idempotency_key(key)?;
    Ok(Some(key.to_owned()))
}
