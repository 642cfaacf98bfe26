//! The HTTP surface: the comment API, the live `/demo/comments/<id>.json`, the static fallback.
//!
//! Routes:
//! - `GET  /api/articles/{id}/comments` and `GET /demo/comments/{id}.json`: the comment list;
//! - `POST /api/articles/{id}/comments`: post a comment (JSON, at most 64 KiB);
//! - any other `/api/…`: 404 JSON;
//! - everything else: the files of the dist directory, `index.html` for SPA routes.

use std::any::Any;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use axum::body::Bytes;
use axum::extract::rejection::{BytesRejection, PathRejection};
use axum::extract::{DefaultBodyLimit, Path, Request, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::cors::{AllowOrigin, CorsLayer};

use crate::db::{self, Db, PostOutcome};
use crate::errors::ApiError;
use crate::model::{is_valid_article_id, CommentList};
use crate::post;
use crate::statics::Statics;
use crate::timefmt::now_millis;

/// Largest accepted request body: a 5000-character comment in 4-byte characters is 20 KB, so
/// 64 KiB leaves room for JSON escaping without inviting abuse.
pub const MAX_REQUEST_BYTES: usize = 64 * 1024;

/// What every handler needs.
#[derive(Clone)]
pub struct AppState {
    /// The comment store.
    pub db: Db,
    /// The dist directory, where `demo/articles/<id>.json` decides which articles exist.
    pub dist: Arc<PathBuf>,
    /// The static file server for the same directory.
    pub statics: Statics,
}

/// Builds the whole application. `allow_origins` are exact origins (or `*`) that get CORS.
pub fn router(state: AppState, allow_origins: &[String]) -> Router {
    let comments = get(list_comments)
        .post(post_comment)
        .layer(DefaultBodyLimit::max(MAX_REQUEST_BYTES));
    let app = Router::new()
        .route("/api/articles/{id}/comments", comments)
        .route("/demo/comments/{file}", get(demo_comments))
        .fallback(fallback)
        .method_not_allowed_fallback(method_not_allowed)
        .with_state(state)
        .layer(CatchPanicLayer::custom(panic_response));
    match cors_layer(allow_origins) {
        Some(cors) => app.layer(cors),
        None => app,
    }
}

/// CORS only for the configured origins: same-origin use needs none, and a reader's browser
/// must not let arbitrary sites post in their name.
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
            .allow_methods([Method::GET, Method::POST])
            .allow_headers([header::CONTENT_TYPE])
            .max_age(Duration::from_secs(3600)),
    )
}

async fn list_comments(
    State(state): State<AppState>,
    id: Result<Path<String>, PathRejection>,
) -> Result<Response, ApiError> {
    // A path that does not even decode names no article.
    let Path(id) = id.map_err(|_| unknown_article())?;
    comment_list(&state, id).await
}

/// `/demo/comments/<id>.json` is the live list; any other file there is a plain static file.
async fn demo_comments(
    State(state): State<AppState>,
    file: Result<Path<String>, PathRejection>,
    req: Request,
) -> Response {
    match file {
        Ok(Path(file)) => match file.strip_suffix(".json") {
            Some(id) => comment_list(&state, id.to_owned()).await.into_response(),
            None => state.statics.serve(req).await,
        },
        Err(_) => state.statics.serve(req).await,
    }
}

async fn comment_list(state: &AppState, id: String) -> Result<Response, ApiError> {
    ensure_article(state, &id).await?;
    let article = id.clone();
    let comments = state
        .db
        .run(move |conn| db::list(conn, &article))
        .await
        .map_err(|_| ApiError::Server)?;
    let mut response = Json(CommentList::new(&id, comments)).into_response();
    // The list changes with every post: always revalidate.
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    Ok(response)
}

async fn post_comment(
    State(state): State<AppState>,
    id: Result<Path<String>, PathRejection>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, ApiError> {
    let Path(id) = id.map_err(|_| unknown_article())?;
    ensure_article(&state, &id).await?;
    post::check_content_type(
        headers
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok()),
    )?;
    let bytes = body.map_err(|rejection| {
        if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
            ApiError::PayloadTooLarge
        } else {
            ApiError::BadJson("The request body could not be read completely.".into())
        }
    })?;
    let mut row = post::parse(&bytes)?;

    let article = id.clone();
    let outcome = state
        .db
        .run(move |conn| {
            // Stamped under the connection lock, so posting order and date order agree.
            row.created_at = Some(now_millis());
            db::insert_post(conn, &article, &row)
        })
        .await
        .map_err(|_| ApiError::Server)?;
    match outcome {
        PostOutcome::Stored(comment) => {
            let mut response = (StatusCode::CREATED, Json(*comment)).into_response();
            response
                .headers_mut()
                .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
            Ok(response)
        }
        PostOutcome::UnknownParent => Err(ApiError::field(
            "parent",
            "The comment you are answering does not exist in this article.",
        )),
    }
}

/// An article exists iff `<dist>/demo/articles/<id>.json` is a file. The id pattern is checked
/// first, so the id can never walk out of that directory.
async fn ensure_article(state: &AppState, id: &str) -> Result<(), ApiError> {
    if !is_valid_article_id(id) {
        return Err(unknown_article());
    }
    let file = state
        .dist
        .join("demo")
        .join("articles")
        .join(format!("{id}.json"));
    match tokio::fs::metadata(&file).await {
        Ok(meta) if meta.is_file() => Ok(()),
        _ => Err(unknown_article()),
    }
}

fn unknown_article() -> ApiError {
    ApiError::NotFound("There is no article with this id.".into())
}

async fn fallback(State(state): State<AppState>, req: Request) -> Response {
    let path = req.uri().path();
    if path == "/api" || path.starts_with("/api/") {
        return ApiError::NotFound("There is no API endpoint at this address.".into())
            .into_response();
    }
    state.statics.serve(req).await
}

async fn method_not_allowed() -> ApiError {
    ApiError::MethodNotAllowed
}

/// Last line of defence: a bug must still answer in the API's error shape, not drop the
/// connection.
fn panic_response(_panic: Box<dyn Any + Send + 'static>) -> Response {
    eprintln!("folio-server: a request handler panicked");
    ApiError::Server.into_response()
}
