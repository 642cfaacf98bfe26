//! `POST /api/articles/{id}/comments`: a new comment (JSON; `routes` caps the body at 64 KiB), honouring
//! `Idempotency-Key`, a honeypot field, the per-address rate limit and `--moderate`. The answer is built in
//! `receipt`.

use axum::body::Bytes;
use axum::extract::rejection::{BytesRejection, PathRejection};
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;

use super::receipt::{decoy, new_token, posted_response};
use super::PeerIp;
use crate::db::{self, PostOptions, PostOutcome};
use crate::errors::ApiError;
use crate::input;
use crate::state::AppState;
use crate::timefmt::now_millis;

/// Stores the comment: 201 when new, 200 for a replay of one already stored, 202 when it waits for a moderator.
pub async fn post_comment(
    State(state): State<AppState>,
    id: Result<Path<String>, PathRejection>,
    PeerIp(peer): PeerIp,
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
    let mut row = input::parse(&bytes)?;
    if input::honeypot_filled(&bytes) {
        // A bot: answered like a success so it learns nothing, and nothing is stored or shown.
        row.created_at = Some(now_millis());
        return decoy(&row);
    }
    // A retry of a post already stored is not a new comment: it must not count against the limit.
    let known = match &key {
        Some(k) => {
            let (a, k) = (id.clone(), k.clone());
            state
                .db
                .run(move |conn| db::key_known(conn, &a, &k))
                .await?
        }
        None => false,
    };
    if let (false, Some(ip)) = (known, peer) {
        state
            .limiter
            .check(ip, std::time::Instant::now())
            .map_err(ApiError::RateLimited)?;
    }

    let article = id.clone();
    let (held, edit_token) = (state.moderate, new_token()?);
    let outcome = state
        .db
        .run(move |conn| {
            // Stamped under the connection lock, so posting order and date order agree.
            row.created_at = Some(now_millis());
            let options = PostOptions {
                key: key.as_deref(),
                held,
                edit_token,
            };
            db::insert_post(conn, &article, &row, &options)
        })
        .await?;
    let (comment, receipt, fresh) = match outcome {
        PostOutcome::Stored(c, r) => (*c, r, true),
        PostOutcome::Replayed(c, r) => (*c, r, false),
        PostOutcome::UnknownParent => {
            return Err(ApiError::field(
                "parent",
                "The comment you are answering does not exist in this article.",
            ))
        }
    };
    if fresh && !receipt.held {
        state.events.publish(&id, &comment);
    }
    let status = match (receipt.held, fresh) {
        (true, _) => StatusCode::ACCEPTED,
        (false, true) => StatusCode::CREATED,
        (false, false) => StatusCode::OK,
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
