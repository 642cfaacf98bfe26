//! The HTTP surface: the comment API, the live `/demo/comments/<id>.json`, the static fallback.
//!
//! Routes:
//! - `GET  /api/articles/{id}/comments` and `GET /demo/comments/{id}.json`: the comment list;
//! - `POST /api/articles/{id}/comments`: post a comment (JSON, at most 64 KiB), honouring `Idempotency-Key`, a
//!   honeypot field, a per-address rate limit and the moderation flag;
//! - `PATCH`/`DELETE /api/articles/{id}/comments/{cid}`: the poster edits or deletes their comment (`manage`);
//! - `GET  /api/articles/{id}/events`: Server-Sent Events of new comments (`events`; not linked with `--no-events`);
//! - `GET /api/moderation/held`, `POST /api/moderation/{id}/{cid}/approve|reject`: the moderator's queue
//!   (`moderation`, with the `--moderator-token`);
//! - any other `/api/…`: 404 JSON;
//! - everything else: the files of the dist directory, `index.html` for SPA routes.

use std::any::Any;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use axum::body::Bytes;
use axum::extract::rejection::{BytesRejection, PathRejection};
use axum::extract::{DefaultBodyLimit, Path, Request, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, patch};
use axum::{Json, Router};
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::cors::{AllowOrigin, CorsLayer};

use crate::db::{self, Db, PostOptions, PostOutcome, Receipt};
use crate::errors::ApiError;
use crate::events::{stream_events, Events};
use crate::limiter::RateLimiter;
use crate::manage::{delete_comment, edit_comment};
use crate::model::{is_valid_article_id, Comment, CommentList};
use crate::moderation;
use crate::paging;
use crate::post;
use crate::statics::Statics;
use crate::timefmt::{format_rfc3339, now_millis};
use crate::token::fresh_token;

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
    /// New comments per address per minute.
    pub limiter: RateLimiter,
    /// Live listeners of new comments.
    pub events: Events,
    /// Hold new comments for review.
    pub moderate: bool,
    /// Seconds during which a poster may edit or delete their comment.
    pub edit_window_secs: u64,
    /// Comments per page of a list asked for without `per_page` (`paging`); 0: the whole list.
    pub page_size: usize,
    /// Leave the `events` link out of comment lists (`--no-events`): clients poll the list with `If-None-Match`.
    pub no_events: bool,
    /// The token of the moderator endpoints (`moderation`); `None`: they are off.
    pub moderator_token: Option<Arc<str>>,
}

/// Builds the whole application. `allow_origins` are exact origins (or `*`) that get CORS.
pub fn router(state: AppState, allow_origins: &[String]) -> Router {
    let comments = get(list_comments)
        .post(post_comment)
        .layer(DefaultBodyLimit::max(MAX_REQUEST_BYTES));
    let app = Router::new()
        .route("/api/articles/{id}/comments", comments)
        .route(
            "/api/articles/{id}/comments/{cid}",
            patch(edit_comment)
                .delete(delete_comment)
                .layer(DefaultBodyLimit::max(MAX_REQUEST_BYTES)),
        )
        .route("/api/articles/{id}/events", get(stream_events))
        .route("/api/moderation/held", get(moderation::held_comments))
        .route(
            "/api/moderation/{id}/{cid}/approve",
            axum::routing::post(moderation::approve),
        )
        .route(
            "/api/moderation/{id}/{cid}/reject",
            axum::routing::post(moderation::reject),
        )
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
            .allow_methods([Method::GET, Method::POST, Method::PATCH, Method::DELETE])
            .allow_headers([
                header::CONTENT_TYPE,
                header::AUTHORIZATION,
                header::IF_NONE_MATCH,
                header::HeaderName::from_static("idempotency-key"),
            ])
            .expose_headers([
                header::ETAG,
                header::RETRY_AFTER,
                // Paged lists: a cross-origin client reads the next page and the total from these.
                header::LINK,
                header::HeaderName::from_static("x-total-count"),
                header::HeaderName::from_static("folio-status"),
                header::HeaderName::from_static("folio-edit-token"),
                header::HeaderName::from_static("folio-editable-until"),
            ])
            .max_age(Duration::from_secs(3600)),
    )
}

async fn list_comments(
    State(state): State<AppState>,
    id: Result<Path<String>, PathRejection>,
    uri: Uri,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    // A path that does not even decode names no article.
    let Path(id) = id.map_err(|_| unknown_article())?;
    comment_list(&state, id, &uri, &headers).await
}

/// `/demo/comments/<id>.json` is the live list; any other file there is a plain static file.
async fn demo_comments(
    State(state): State<AppState>,
    file: Result<Path<String>, PathRejection>,
    req: Request,
) -> Response {
    match file {
        Ok(Path(file)) => match file.strip_suffix(".json") {
            Some(id) => {
                let headers = req.headers().clone();
                comment_list(&state, id.to_owned(), req.uri(), &headers)
                    .await
                    .into_response()
            }
            None => state.statics.serve(req).await,
        },
        Err(_) => state.statics.serve(req).await,
    }
}

async fn comment_list(
    state: &AppState,
    id: String,
    uri: &Uri,
    headers: &HeaderMap,
) -> Result<Response, ApiError> {
    let page = paging::parse_query(uri.query())?;
    ensure_article(state, &id).await?;
    let article = id.clone();
    let comments = state
        .db
        .run(move |conn| db::list(conn, &article))
        .await
        .map_err(|_| ApiError::Server)?;
    let mut list = CommentList::new(&id, comments);
    if state.no_events {
        list.events.clear();
    }
    let next = paging::apply(&mut list, page, state.page_size, uri.path());
    let total = list.total;
    let bytes = serde_json::to_vec(&list).map_err(|_| ApiError::Server)?;
    let etag = etag_of(&bytes);
    // Pollers send the tag they have; an unchanged list costs a 304 without a body.
    let unchanged = headers
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.split(',').any(|t| t.trim() == etag || t.trim() == "*"));
    let mut response = if unchanged {
        StatusCode::NOT_MODIFIED.into_response()
    } else {
        (
            [(
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/json"),
            )],
            bytes,
        )
            .into_response()
    };
    // The list changes with every post: always revalidate.
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    if let Ok(v) = HeaderValue::from_str(&etag) {
        response.headers_mut().insert(header::ETAG, v);
    }
    paging::headers(response.headers_mut(), next.as_deref(), total);
    Ok(response)
}

/// A strong validator of the list's bytes. SipHash with fixed keys: stable across restarts for the same content.
fn etag_of(bytes: &[u8]) -> String {
    use std::hash::Hasher;
    #[allow(deprecated)]
    // SipHasher's fixed keys are exactly what a stable tag needs; no security depends on it.
    let mut h = std::hash::SipHasher::new();
    h.write(bytes);
    format!("\"{:016x}-{:x}\"", h.finish(), bytes.len())
}

/// The address the request came from (the TCP peer; proxies' headers are not trusted).
pub struct PeerIp(pub Option<std::net::IpAddr>);

impl<S: Send + Sync> axum::extract::FromRequestParts<S> for PeerIp {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(
        parts: &mut axum::http::request::Parts,
        _state: &S,
    ) -> Result<Self, Self::Rejection> {
        Ok(PeerIp(
            parts
                .extensions
                .get::<axum::extract::ConnectInfo<std::net::SocketAddr>>()
                .map(|c| c.0.ip()),
        ))
    }
}

async fn post_comment(
    State(state): State<AppState>,
    id: Result<Path<String>, PathRejection>,
    PeerIp(peer): PeerIp,
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
    let key = match headers.get("idempotency-key") {
        None => None,
        Some(v) => {
            let k = v.to_str().map_err(|_| {
                ApiError::BadJson("The Idempotency-Key header must be visible ASCII.".into())
            })?;
            post::check_idempotency_key(k)?;
            Some(k.to_owned())
        }
    };
    let mut row = post::parse(&bytes)?;
    if post::honeypot_filled(&bytes) {
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
                .await
                .map_err(|_| ApiError::Server)?
        }
        None => false,
    };
    if !known {
        if let Some(ip) = peer {
            state
                .limiter
                .check(ip, std::time::Instant::now())
                .map_err(ApiError::RateLimited)?;
        }
    }

    let article = id.clone();
    let options_key = key.clone();
    let (held, edit_token) = (state.moderate, new_token()?);
    let outcome = state
        .db
        .run(move |conn| {
            // Stamped under the connection lock, so posting order and date order agree.
            row.created_at = Some(now_millis());
            let options = PostOptions {
                key: options_key.as_deref(),
                held,
                edit_token,
            };
            db::insert_post(conn, &article, &row, &options)
        })
        .await
        .map_err(|_| ApiError::Server)?;
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
    // 201 for a new comment, 200 for a replay of one already stored, 202 when it waits for a moderator.
    let status = match (receipt.held, fresh) {
        (true, _) => StatusCode::ACCEPTED,
        (false, true) => StatusCode::CREATED,
        (false, false) => StatusCode::OK,
    };
    Ok(posted_response(
        status,
        comment,
        &receipt,
        state.edit_window_secs,
    ))
}

/// The answer to a post. The body is the comment exactly as the list shows it; what only the poster gets travels in
/// headers: `Folio-Edit-Token` (sent back as `Authorization: Bearer` to edit or delete), `Folio-Editable-Until`
/// (RFC 3339) and `Folio-Status` (`published`, or `pending` when held for moderation).
fn posted_response(
    status: StatusCode,
    comment: Comment,
    receipt: &Receipt,
    window_secs: u64,
) -> Response {
    let created = comment
        .date
        .as_deref()
        .and_then(crate::timefmt::parse_iso8601)
        .unwrap_or_else(now_millis);
    let window_ms = i64::try_from(window_secs.saturating_mul(1000)).unwrap_or(i64::MAX);
    let until = format_rfc3339(created.saturating_add(window_ms));
    let mut response = (status, Json(comment)).into_response();
    let headers = response.headers_mut();
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers.insert(
        "folio-status",
        HeaderValue::from_static(if receipt.held { "pending" } else { "published" }),
    );
    if let Ok(v) = HeaderValue::from_str(&receipt.edit_token) {
        headers.insert("folio-edit-token", v);
    }
    if let Ok(v) = HeaderValue::from_str(&until) {
        headers.insert("folio-editable-until", v);
    }
    response
}

/// What a bot that filled the honeypot is told: a plausible 201 for a comment that does not exist.
fn decoy(row: &db::NewRow) -> Result<Response, ApiError> {
    let comment = Comment {
        id: format!("p{}", row.created_at.unwrap_or(0) % 100_000),
        parent: row.parent.clone(),
        author: crate::model::Author {
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
        edit_token: new_token()?,
        held: false,
    };
    Ok(posted_response(StatusCode::CREATED, comment, &receipt, 0))
}

/// A fresh edit token; a failing random generator is logged and the request fails rather than handing out a weak one.
fn new_token() -> Result<String, ApiError> {
    fresh_token().map_err(|err| {
        eprintln!("folio-server: no random edit token: {err}");
        ApiError::Server
    })
}

/// An article exists iff `<dist>/demo/articles/<id>.json` is a file. The id pattern is checked
/// first, so the id can never walk out of that directory.
pub async fn ensure_article(state: &AppState, id: &str) -> Result<(), ApiError> {
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

pub fn unknown_article() -> ApiError {
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
