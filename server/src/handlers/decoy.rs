//! The honeypot's answer: a post that filled the hidden `website` field came from a bot, which is told it succeeded
//! so it learns nothing, while nothing is stored or shown.

use axum::http::StatusCode;
use axum::response::Response;

use super::receipt::{new_token, posted_response, Receipt};
use crate::db::NewRow;
use crate::errors::ApiError;
use crate::model::{Author, Comment};
use crate::timefmt::format_rfc3339;

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
        edit_token: Some(new_token()?),
        held: false,
    };
    Ok(posted_response(StatusCode::CREATED, comment, &receipt, 0))
}
