//! `GET /healthz` and `GET /readyz`, for balancers and orchestrators: liveness (the process answers requests) and
//! readiness (it can also reach its database; a 503 takes the instance out of the rotation until it can again).

use axum::extract::State;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};

use crate::state::AppState;

/// `GET /healthz`: 200 as long as the server answers at all.
pub async fn healthz() -> Response {
    plain(StatusCode::OK, "ok\n")
}

/// `GET /readyz`: 200 when the database answers a trivial query, 503 otherwise.
pub async fn readyz(State(state): State<AppState>) -> Response {
    if state.db.ping().await {
        plain(StatusCode::OK, "ready\n")
    } else {
        plain(StatusCode::SERVICE_UNAVAILABLE, "database unreachable\n")
    }
}

fn plain(status: StatusCode, text: &'static str) -> Response {
    let mut response = (status, text).into_response();
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}
