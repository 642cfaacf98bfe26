//! An [`ApiError`] as an HTTP answer: the status, the JSON body, `Retry-After` when waiting helps, and never cached.

use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};
use serde::Serialize;

use super::ApiError;

/// The JSON of an error answer.
#[derive(Serialize)]
pub(super) struct ErrorBody<'a> {
    pub(super) error: ErrorDetail<'a>,
}

/// `error`: what went wrong, for programs (`code`, `field`) and for people (`message`).
#[derive(Serialize)]
pub(super) struct ErrorDetail<'a> {
    pub(super) code: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) field: Option<&'static str>,
    pub(super) message: &'a str,
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut response = (self.status(), axum::Json(self.body())).into_response();
        let retry = match self {
            ApiError::RateLimited(secs) => Some(secs.max(1)),
            // A slot is freed the moment one of the client's readers leaves; there is no window to wait for.
            ApiError::TooManyStreams => Some(15),
            _ => None,
        };
        if let Some(secs) = retry {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(secs));
        }
        // An error is about this request only; a cache must not replay it.
        response
            .headers_mut()
            .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
        response
    }
}
