//! `GET /api/articles/{id}/comments` and `GET /demo/comments/{id}.json`: the comment list in Folio JSON, paged on
//! request (`paging`), with a strong `ETag` so pollers revalidate for the price of a 304.

use axum::extract::rejection::PathRejection;
use axum::extract::{Path, Request, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode, Uri};
use axum::response::{IntoResponse, Response};

use crate::errors::ApiError;
use crate::model::CommentList;
use crate::paging;
use crate::state::AppState;

/// `GET /api/articles/{id}/comments`.
pub async fn list_comments(
    State(state): State<AppState>,
    id: Result<Path<String>, PathRejection>,
    uri: Uri,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let Path(id) = id.map_err(|_| ApiError::unknown_article())?;
    comment_list(&state, id, &uri, &headers).await
}

/// `/demo/comments/<id>.json` is the live list; any other file there is a plain static file.
pub async fn demo_comments(
    State(state): State<AppState>,
    file: Result<Path<String>, PathRejection>,
    req: Request,
) -> Response {
    let id = match &file {
        Ok(Path(file)) => file.strip_suffix(".json"),
        Err(_) => None,
    };
    match id {
        Some(id) => comment_list(&state, id.to_owned(), req.uri(), req.headers())
            .await
            .into_response(),
        None => state.statics.serve(req).await,
    }
}

/// The list of article `id` as the request asks for it (page, `If-None-Match`); 404 when there is no such article.
pub(crate) async fn comment_list(
    state: &AppState,
    id: String,
    uri: &Uri,
    headers: &HeaderMap,
) -> Result<Response, ApiError> {
    let page = paging::parse_query(uri.query())?;
    state.ensure_article(&id).await?;
    let comments = state.db.list(&id).await?;
    let mut list = CommentList::new(&id, comments);
    if state.no_events {
        list.events.clear();
    }
    let next = paging::apply(&mut list, page, state.page_size, uri.path());
    let total = list.total;
    // The list changes with every post: always revalidate.
    let mut response = revalidated_json(&list, headers)?;
    paging::headers(response.headers_mut(), next.as_deref(), total);
    Ok(response)
}

/// `value` as JSON with its `ETag`, or 304 without a body when the client already has that tag; `no-cache`, since
/// what it describes (a comment list, a live article) changes with every post or update.
pub(super) fn revalidated_json<T: serde::Serialize>(
    value: &T,
    headers: &HeaderMap,
) -> Result<Response, ApiError> {
    let bytes = serde_json::to_vec(value).map_err(|_| ApiError::Server)?;
    let etag = etag_of(&bytes);
    let mut response = if matches_etag(headers, &etag) {
        StatusCode::NOT_MODIFIED.into_response()
    } else {
        let json = HeaderValue::from_static("application/json");
        ([(header::CONTENT_TYPE, json)], bytes).into_response()
    };
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    if let Ok(v) = HeaderValue::from_str(&etag) {
        response.headers_mut().insert(header::ETAG, v);
    }
    Ok(response)
}

/// Pollers send the tag they have; an unchanged list costs a 304 without a body.
pub(super) fn matches_etag(headers: &HeaderMap, etag: &str) -> bool {
    headers
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.split(',').any(|t| t.trim() == etag || t.trim() == "*"))
}

/// A strong validator of the list's bytes. SipHash with fixed keys: stable across restarts for the same content.
pub(super) fn etag_of(bytes: &[u8]) -> String {
    use std::hash::Hasher;
    #[allow(deprecated)]
    // SipHasher's fixed keys are exactly what a stable tag needs; no security depends on it.
    let mut h = std::hash::SipHasher::new();
    h.write(bytes);
    format!("\"{:016x}-{:x}\"", h.finish(), bytes.len())
}
