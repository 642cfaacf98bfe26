//! The HTTP surface: which handler answers which address, and the layers around them all (CORS, body limits,
//! panics). Routes:
//! - `GET  /api/articles/{id}/comments` and `GET /demo/comments/{id}.json`: the comment list (`handlers::comments`);
//! - `POST /api/articles/{id}/comments`: post a comment (`handlers::posting`);
//! - `PATCH`/`DELETE /api/articles/{id}/comments/{cid}`: the poster edits or deletes their comment
//!   (`handlers::manage`);
//! - `GET  /api/articles/{id}/events`: Server-Sent Events of new comments (`handlers::events`; not linked with
//!   `--no-events`);
//! - `GET /api/moderation/held`, `POST /api/moderation/{id}/{cid}/approve|reject`: the moderator's queue
//!   (`handlers::moderation`, with the `--moderator-token`);
//! - `POST /api/articles/{id}/entries`, `PATCH /api/articles/{id}/entries/{eid}`, `PUT /api/articles/{id}/body`:
//!   editors update a live article, with the `--editor-token` (`handlers::live`);
//! - `GET  /api/articles/{id}/live`: the live article's Server-Sent Events stream (`handlers::live`);
//! - `GET  /demo/articles/{id}.json` of a live article: the file with its stored entries and correction, with an
//!   `ETag` (`handlers::article`; other files there are static);
//! - `GET /healthz` (the process answers) and `GET /readyz` (its database answers too; 503 otherwise), for
//!   balancers (`handlers::health`);
//! - `GET /read/{id}`: the article page with the article and its first comments already in the HTML
//!   (`handlers::read`, server rendering); `GET /embed-snippet/{id}`: `<folio-reader>` with a plain copy inside;
//! - `GET /read?src=…&comments=…&preset=…&mapping=…&lang=…`: another site's article rendered the same way, fetched
//!   only from the `--render-origin` list (`handlers::render`, `remote`);
//! - `GET /?src=…` naming one of the server's own articles: that article's rendered page (`handlers::index`);
//! - any other `/api/…`: 404 JSON;
//! - everything else: the files of the dist directory (`statics`), `index.html` for SPA routes.

use std::any::Any;
use std::time::Duration;

use axum::extract::{DefaultBodyLimit, Request, State};
use axum::http::{header, HeaderName, HeaderValue, Method};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, patch, post, put};
use axum::Router;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::cors::{AllowOrigin, CorsLayer};

use crate::errors::ApiError;
use crate::handlers::{
    article, comments, events, health, index, live, manage, moderation, posting, read, render,
};
use crate::state::AppState;

/// Largest accepted request body: a 5000-character comment in 4-byte characters is 20 KB, so 64 KiB leaves room
/// for JSON escaping without inviting abuse.
pub const MAX_REQUEST_BYTES: usize = 64 * 1024;

/// Builds the whole application. `allow_origins` are exact origins (or `*`) that get CORS.
pub fn router(state: AppState, allow_origins: &[String]) -> Router {
    let limit = || DefaultBodyLimit::max(MAX_REQUEST_BYTES);
    let app = Router::new()
        .route(
            "/api/articles/{id}/comments",
            get(comments::list_comments)
                .post(posting::post_comment)
                .layer(limit()),
        )
        .route(
            "/api/articles/{id}/comments/{cid}",
            patch(manage::edit_comment)
                .delete(manage::delete_comment)
                .layer(limit()),
        )
        .route("/api/articles/{id}/events", get(events::stream_events))
        .route(
            "/api/articles/{id}/entries",
            post(live::add_entry).layer(limit()),
        )
        .route(
            "/api/articles/{id}/entries/{eid}",
            patch(live::edit_entry).layer(limit()),
        )
        .route(
            "/api/articles/{id}/body",
            put(live::correct_body).layer(limit()),
        )
        .route("/api/articles/{id}/live", get(live::stream_live))
        .route("/api/moderation/held", get(moderation::held_comments))
        .route(
            "/api/moderation/{id}/{cid}/approve",
            post(moderation::approve),
        )
        .route(
            "/api/moderation/{id}/{cid}/reject",
            post(moderation::reject),
        )
        .route("/demo/comments/{file}", get(comments::demo_comments))
        .route("/demo/articles/{file}", get(article::demo_article))
        .route("/healthz", get(health::healthz))
        .route("/readyz", get(health::readyz))
        .route("/read", get(render::render_remote))
        .route("/read/{id}", get(read::read_page))
        .route("/embed-snippet/{id}", get(read::embed_snippet_page))
        .fallback(fallback)
        .method_not_allowed_fallback(method_not_allowed)
        .with_state(state)
        .layer(CatchPanicLayer::custom(panic_response));
    match cors_layer(allow_origins) {
        Some(cors) => app.layer(cors),
        None => app,
    }
}

/// CORS only for the configured origins: same-origin use needs none, and a reader's browser must not let arbitrary
/// sites post in their name.
fn cors_layer(origins: &[String]) -> Option<CorsLayer> {
    if origins.is_empty() {
        return None;
    }
    let allow = if origins.iter().any(|o| o == "*") {
        AllowOrigin::any()
    } else {
        AllowOrigin::list(origins.iter().filter_map(|o| HeaderValue::from_str(o).ok()))
    };
    Some(
        CorsLayer::new()
            .allow_origin(allow)
            .allow_methods([
                Method::GET,
                Method::POST,
                Method::PATCH,
                Method::PUT,
                Method::DELETE,
            ])
            .allow_headers([
                header::CONTENT_TYPE,
                header::AUTHORIZATION,
                header::IF_NONE_MATCH,
                HeaderName::from_static("idempotency-key"),
            ])
            .expose_headers([
                header::ETAG,
                header::RETRY_AFTER,
                // Paged lists: a cross-origin client reads the next page and the total from these.
                header::LINK,
                HeaderName::from_static("x-total-count"),
                HeaderName::from_static("folio-status"),
                HeaderName::from_static("folio-edit-token"),
                HeaderName::from_static("folio-editable-until"),
            ])
            .max_age(Duration::from_secs(3600)),
    )
}

/// Unknown `/api/…` addresses are 404 JSON; the SPA's `?src=` for an own article is its rendered page; everything
/// else is a static file.
async fn fallback(State(state): State<AppState>, req: Request) -> Response {
    let path = req.uri().path();
    if path == "/api" || path.starts_with("/api/") {
        return ApiError::NotFound("There is no API endpoint at this address.".into())
            .into_response();
    }
    if let Some((id, lang)) = index::own_article_request(&req) {
        if let Some(page) = index::own_article_page(&state, &id, lang, req.headers()).await {
            return page;
        }
    }
    state.statics.serve(req).await
}

async fn method_not_allowed() -> ApiError {
    ApiError::MethodNotAllowed
}

/// Last line of defence: a bug must still answer in the API's error shape, not drop the connection.
fn panic_response(_panic: Box<dyn Any + Send + 'static>) -> Response {
    tracing::error!("a request handler panicked");
    ApiError::Server.into_response()
}
