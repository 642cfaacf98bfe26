//! `GET /read/{id}`: the server's own article as a finished page (issue 15, server rendering). The article, its
//! share links and the first page of its comments are in the HTML, with the head tags and JSON-LD crawlers read,
//! drawn by the widget's own components (`folio::shells::page`) into the SPA's `index.html`; the SPA's script is
//! still in it. The article and the comment list are the documents `GET /demo/articles/{id}.json` and
//! `GET /demo/comments/{id}.json` answer (a live article with its editors' entries and its stream), so the page
//! shows exactly what the widget would fetch, and the browser goes on live from there.
//!
//! `GET /embed-snippet/{id}`: the `<folio-reader>` element for that article with a plain copy of it inside, for a
//! host page to paste: crawlers and readers without script read the copy, the widget replaces it when it starts.

use axum::body::to_bytes;
use axum::extract::rejection::PathRejection;
use axum::extract::{Path, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use folio::shells::page::{embed_snippet, render_page, PageError, PageInput};

use super::article::{article_file, is_live, live_document, live_events};
use super::comments::comment_list;
use crate::errors::ApiError;
use crate::state::AppState;

/// A comment list larger than this is not put into a page (the widget pages through it instead).
const MAX_LIST_BYTES: usize = 16 * 1024 * 1024;

/// The origin the reader asked for, from `Host`: the article's and comments' absolute URLs (links, canonical,
/// JSON-LD) are on it. Only host-name characters are accepted; anything else reads as `localhost`.
pub(super) fn origin(headers: &HeaderMap) -> String {
    let host = headers
        .get(header::HOST)
        .and_then(|v| v.to_str().ok())
        .filter(|h| {
            !h.is_empty()
                && h.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b".-:[]".contains(&b))
        })
        .unwrap_or("localhost");
    format!("http://{host}")
}

/// An HTML answer that is revalidated on every use.
pub(super) fn html(status: StatusCode, body: String) -> Response {
    let mut r = (status, body).into_response();
    let headers = r.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    // The comments change with every post: revalidate, like the list itself.
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    r
}

/// `text` made safe for HTML text and attribute values.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A page that says why there is no article: `title` as its heading, `why` (a sentence, escaped) below it.
pub(super) fn error_page(status: StatusCode, title: &str, why: &str) -> Response {
    let (title, why) = (escape(title), escape(why));
    html(
        status,
        format!(
            "<!doctype html><html lang=\"en\"><meta charset=\"utf-8\"><title>{title}</title>\
             <h1>{title}</h1><p role=\"alert\">{why}</p></html>"
        ),
    )
}

fn not_found() -> Response {
    html(
        StatusCode::NOT_FOUND,
        "<!doctype html><title>Not found</title><h1>No such article</h1>".into(),
    )
}

/// The headers of a comment list the widget pages by (`Link`, total counts), as the browser's fetch keeps them:
/// the page hands them on, so the list goes on to its next page once the SPA has taken it over.
pub fn paging_headers(headers: &HeaderMap) -> Vec<(String, String)> {
    folio::net::PAGING_HEADERS
        .iter()
        .filter_map(|name| {
            let value = headers.get(*name)?.to_str().ok()?;
            Some((name.to_string(), value.to_string()))
        })
        .collect()
}

/// Article `id` as `GET /demo/articles/{id}.json` answers it: a live article's document (its file with the stored
/// entries, the correction and its stream), so the page shows, and the browser goes on from, what the widget
/// would fetch; any other article's file as it is.
async fn article_text(state: &AppState, id: &str) -> Result<String, ApiError> {
    let file = article_file(state, id).await?;
    if !is_live(&file) {
        return serde_json::to_string(&file).map_err(|_| ApiError::Server);
    }
    let doc = live_document(
        file,
        state.db.entries(id).await?,
        state.db.correction(id).await?,
        live_events(state, id),
    );
    serde_json::to_string(&doc).map_err(|_| ApiError::Server)
}

/// What a page of article `id` is made of, or the response that says why there is none.
pub(super) async fn page_input(
    state: &AppState,
    id: &str,
    headers: &HeaderMap,
) -> Result<PageInput, Response> {
    let id = id.to_string();
    if state.ensure_article(&id).await.is_err() {
        return Err(not_found());
    }
    let (Ok(article), Ok(template)) = (
        article_text(state, &id).await,
        tokio::fs::read_to_string(state.dist.join("index.html")).await,
    ) else {
        return Err(html(
            StatusCode::INTERNAL_SERVER_ERROR,
            "<!doctype html><title>Error</title><h1>The article could not be read</h1>".into(),
        ));
    };
    let list_path = format!("/demo/comments/{id}.json");
    let (comments, comment_headers) = match list_path.parse::<Uri>() {
        Ok(uri) => match comment_list(state, id.clone(), &uri, &HeaderMap::new()).await {
            Ok(r) if r.status() == StatusCode::OK => {
                let headers = paging_headers(r.headers());
                let text = to_bytes(r.into_body(), MAX_LIST_BYTES)
                    .await
                    .ok()
                    .and_then(|b| String::from_utf8(b.to_vec()).ok());
                (text, headers)
            }
            _ => (None, Vec::new()),
        },
        Err(_) => (None, Vec::new()),
    };
    let origin = origin(headers);
    Ok(PageInput {
        template,
        article: (article, format!("{origin}/demo/articles/{id}.json")),
        comments: comments.map(|text| (text, format!("{origin}{list_path}"))),
        comment_headers,
        preset: Some("folio".into()),
        mapping: None,
        comments_setting: None,
        lang: None,
    })
}

/// Article `id`'s page made by `make` (`what` names it in the log), or the response that says why there is none.
async fn answer<F, Fut>(
    state: &AppState,
    id: Result<Path<String>, PathRejection>,
    headers: &HeaderMap,
    what: &str,
    make: F,
) -> Response
where
    F: FnOnce(PageInput) -> Fut,
    Fut: std::future::Future<Output = Result<String, PageError>>,
{
    let Ok(Path(id)) = id else {
        return not_found();
    };
    let input = match page_input(state, &id, headers).await {
        Ok(input) => input,
        Err(response) => return response,
    };
    finish(input, what, make).await
}

/// The page `make` draws from `input`, or the 500 page that says it could not be drawn.
pub(super) async fn finish<F, Fut>(input: PageInput, what: &str, make: F) -> Response
where
    F: FnOnce(PageInput) -> Fut,
    Fut: std::future::Future<Output = Result<String, PageError>>,
{
    match make(input).await {
        Ok(page) => html(StatusCode::OK, page),
        Err(e) => {
            eprintln!("folio-server: {what} could not be rendered: {e}");
            html(
                StatusCode::INTERNAL_SERVER_ERROR,
                "<!doctype html><title>Error</title><h1>The article could not be shown</h1>".into(),
            )
        }
    }
}

/// `GET /read/{id}`.
pub async fn read_page(
    State(state): State<AppState>,
    id: Result<Path<String>, PathRejection>,
    headers: HeaderMap,
) -> Response {
    answer(&state, id, &headers, "a page", render_page).await
}

/// `GET /embed-snippet/{id}`.
pub async fn embed_snippet_page(
    State(state): State<AppState>,
    id: Result<Path<String>, PathRejection>,
    headers: HeaderMap,
) -> Response {
    answer(
        &state,
        id,
        &headers,
        "an embed snippet",
        |input| async move { embed_snippet(&input) },
    )
    .await
}
