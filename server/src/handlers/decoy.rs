//! The honeypot's answer: a post that filled the hidden `website` field came from a bot, which is told it succeeded
//! so it learns nothing, while nothing is stored or shown. The answer is built like a real one: the id from the
//! same sequence, the same parent check, the real edit window and status, a token of the real form. What a bot can
//! still notice (the comment is never listed nor streamed, its token edits nothing) is in `docs/security.md`.

use axum::http::StatusCode;
use axum::response::Response;

use super::receipt::{new_token, posted_response, Receipt};
use crate::db::NewRow;
use crate::errors::ApiError;
use crate::model::{Author, Comment};
use crate::state::AppState;
use crate::timefmt::format_rfc3339;

/// What a bot that filled the honeypot is told: a plausible 201 (202 on a `--moderate` server) for a comment that
/// does not exist.
pub(super) async fn decoy(
    state: &AppState,
    article: &str,
    row: NewRow,
) -> Result<Response, ApiError> {
    // Stamped by the store, as a real post is.
    let (id, created) = state
        .db
        .decoy_id(article, row.parent.clone())
        .await?
        .ok_or_else(super::unknown_parent)?;
    let comment = Comment {
        id,
        parent: row.parent,
        author: Author {
            name: row.author_name,
            url: None,
            avatar: None,
        },
        date: Some(format_rfc3339(created)),
        body: row.body,
        format: row.format,
        score: None,
        deleted: false,
        article_author: false,
    };
    let held = state.moderate;
    let receipt = Receipt {
        edit_token: Some(new_token()?),
        held,
    };
    let status = if held {
        StatusCode::ACCEPTED
    } else {
        StatusCode::CREATED
    };
    Ok(posted_response(
        status,
        comment,
        &receipt,
        state.edit_window_ms(),
    ))
}
