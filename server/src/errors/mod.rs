//! The API's error answers, all in the Folio error shape:
//! `{"error":{"code":"…","field":"…","message":"…"}}` (`field` only when one field is at fault).
//!
//! Every failure of an API route goes through [`ApiError`], so a client never sees axum's plain
//! text rejections or an empty body.

use axum::http::StatusCode;

use response::{ErrorBody, ErrorDetail};

/// A failed API request, turned into a JSON answer by its [`IntoResponse`](axum::response::IntoResponse) impl.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ApiError {
    /// 400: one field of the posted comment is missing or wrong.
    InvalidField {
        /// The field's name as the client sent it (`body`, `author.name`, …).
        field: &'static str,
        /// A sentence a person can read.
        message: String,
    },
    /// 400: the body is not JSON, not a JSON object, or not declared as JSON.
    BadJson(String),
    /// 404: no such article, comment list or API route.
    NotFound(String),
    /// 405: the route exists but not with this method.
    MethodNotAllowed,
    /// 413: the request body is larger than the server accepts.
    PayloadTooLarge,
    /// 403: an edit or delete without the right token, or after the edit window closed.
    Forbidden(String),
    /// 422: an `Idempotency-Key` already stored a different request.
    KeyReused,
    /// 429: too many new comments, or edits, from one client; retry after this many seconds.
    RateLimited(u64),
    /// 429: the client already holds as many event streams as it may (`--max-streams-per-address`).
    TooManyStreams,
    /// 500: the database or the server itself failed; details go to the log, not the client.
    Server,
}

impl ApiError {
    /// Shorthand for [`ApiError::InvalidField`].
    pub fn field(field: &'static str, message: impl Into<String>) -> Self {
        ApiError::InvalidField {
            field,
            message: message.into(),
        }
    }

    /// 404 for an article id that names no article (or does not even decode).
    pub fn unknown_article() -> Self {
        ApiError::NotFound("There is no article with this id.".into())
    }

    fn status(&self) -> StatusCode {
        match self {
            ApiError::InvalidField { .. } | ApiError::BadJson(_) => StatusCode::BAD_REQUEST,
            ApiError::NotFound(_) => StatusCode::NOT_FOUND,
            ApiError::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
            ApiError::PayloadTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            ApiError::Forbidden(_) => StatusCode::FORBIDDEN,
            ApiError::KeyReused => StatusCode::UNPROCESSABLE_ENTITY,
            ApiError::RateLimited(_) | ApiError::TooManyStreams => StatusCode::TOO_MANY_REQUESTS,
            ApiError::Server => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn body(&self) -> ErrorBody<'_> {
        let (code, field, message) = match self {
            ApiError::InvalidField { field, message } => {
                ("invalid_field", Some(*field), message.as_str())
            }
            ApiError::BadJson(message) => ("bad_json", None, message.as_str()),
            ApiError::NotFound(message) => ("not_found", None, message.as_str()),
            ApiError::MethodNotAllowed => (
                "method_not_allowed",
                None,
                "This address does not accept that HTTP method.",
            ),
            ApiError::PayloadTooLarge => (
                "payload_too_large",
                None,
                "The request body is too large: at most 64 KiB is accepted.",
            ),
            ApiError::Forbidden(message) => ("forbidden", None, message.as_str()),
            ApiError::KeyReused => (
                "idempotency_key_reused",
                None,
                "This Idempotency-Key was already used for a different comment; send a new key with a new comment.",
            ),
            ApiError::RateLimited(_) => (
                "rate_limited",
                None,
                "Too many comments or changes from your address in a short time. Please wait a minute.",
            ),
            ApiError::TooManyStreams => (
                "too_many_streams",
                None,
                "Too many live streams are open from your address. Close some pages, or reload later.",
            ),
            ApiError::Server => (
                "server_error",
                None,
                "The server could not complete the request. Please try again later.",
            ),
        };
        ErrorBody {
            error: ErrorDetail {
                code,
                field,
                message,
            },
        }
    }
}

/// A failed store call was logged where it failed ([`Sqlite::run`](crate::db::Sqlite::run)); the client gets a plain 500.
impl From<crate::db::DbError> for ApiError {
    fn from(_: crate::db::DbError) -> Self {
        ApiError::Server
    }
}

mod response;
#[cfg(test)]
mod tests;
