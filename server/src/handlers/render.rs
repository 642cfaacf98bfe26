//! `GET /read?src=<url>[&comments=<url>][&preset=<name>][&mapping=<url or JSON>][&lang=<tag>]`: an article of
//! another site's API rendered like `/read/{id}` (issue 15), with the widget's own adapter (presets, mapping
//! documents, detection), so the page shows what `<folio-reader>` with the same attributes would. Only from the
//! origins the operator listed (`--render-origin`), through `remote`'s safe fetch; anything refused answers an
//! HTML page that says why (403 refused, 502 the other side failed, 504 too slow), and is logged.
//!
//! The comment list is the one `comments` names, else the one the article (or the preset's `comments.url`) names;
//! it must be on the list too. A `mapping` is the document itself or its URL (fetched under the same policy). The
//! page data the browser takes over from (`folio::shells::island::PageData`) carries the mapping's text and the
//! `comments` setting, so the browser reads and follows exactly what the server drew.

use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use folio::hooks::Preloaded;
use folio::shells::page::{render_page, PageInput};
use folio::source::mapping::{is_inline, MappingChoice};
use serde::Deserialize;

use super::read::{error_page, html};
use crate::remote::{fetch, FetchError};
use crate::state::AppState;

/// The query, named like the widget's attributes (`theme` and `images` are the browser's business: ignored).
#[derive(Debug, Default, Deserialize)]
pub struct RenderQuery {
    /// The article's URL.
    pub src: Option<String>,
    /// The comment list's URL, when the article does not name it.
    pub comments: Option<String>,
    /// A shipped mapping, by name.
    pub preset: Option<String>,
    /// A mapping document's URL, or the document itself.
    pub mapping: Option<String>,
    /// The interface language.
    pub lang: Option<String>,
}

/// A refused or failed page: logged with the reason, answered with it.
fn refused(what: &str, status: StatusCode, why: &str) -> Response {
    tracing::warn!("GET /read?src=…: {what}: {why}");
    error_page(status, what, why)
}

fn fetch_failed(e: &FetchError) -> Response {
    refused("not rendered", e.status(), &e.to_string())
}

/// `None` for an empty value, as the widget reads an empty attribute.
fn given(value: Option<String>) -> Option<String> {
    value.filter(|v| !v.trim().is_empty())
}

/// `GET /read?src=…`.
pub async fn render_remote(
    State(state): State<AppState>,
    query: Result<Query<RenderQuery>, QueryRejection>,
) -> Response {
    let policy = state.render.clone();
    if !policy.is_enabled() {
        return fetch_failed(&FetchError::NotEnabled);
    }
    let Ok(Query(q)) = query else {
        return refused(
            "bad request",
            StatusCode::BAD_REQUEST,
            "the query string could not be read",
        );
    };
    let Some(src) = given(q.src) else {
        return refused(
            "bad request",
            StatusCode::BAD_REQUEST,
            "src is missing: /read?src=<the article's API URL>",
        );
    };
    let preset = given(q.preset);
    // A mapping document given by URL is fetched under the same policy; the page hands its text to the browser
    // (`folio::shells::island::PageData`), which reads with it and fetches it no second time.
    let mapping: Option<String> = match given(q.mapping) {
        None => None,
        Some(m) if is_inline(&m) => Some(m),
        Some(url) => match fetch(&policy, &url).await {
            Ok(doc) => Some(doc.text),
            Err(e) => return fetch_failed(&e),
        },
    };
    // The settings are checked before the article is fetched, with the widget's own messages.
    let mapping_text = mapping.as_deref();
    if let Err(e) = MappingChoice::from_settings(preset.as_deref(), mapping_text) {
        return refused("bad request", StatusCode::BAD_REQUEST, &e.to_string());
    }
    let article = match fetch(&policy, &src).await {
        Ok(doc) => doc.text,
        Err(e) => return fetch_failed(&e),
    };
    // The article is read here once to learn its comment list; the model is not `Send`, so it stays in this block.
    let derived = {
        let choice = MappingChoice::from_settings(preset.as_deref(), mapping_text);
        choice
            .and_then(|c| Preloaded::read(&article, &src, &c, None))
            .map(|pre| pre.article.comments_url.as_deref().map(str::to_string))
    };
    let derived = match derived {
        Ok(url) => url,
        Err(e) => {
            let why = format!("the article at {src} could not be read: {e}");
            return refused("not rendered", StatusCode::BAD_GATEWAY, &why);
        }
    };
    // A `comments` setting naming another list than the article's: that list (under the same policy), and the
    // setting handed on, so the browser follows the same list.
    let (comments_url, comments_setting) = match given(q.comments) {
        Some(c) => match url::Url::parse(&src).and_then(|base| base.join(&c)) {
            Ok(u) if Some(u.as_str()) == derived.as_deref() => (derived, None),
            Ok(u) => (Some(u.to_string()), Some(u.to_string())),
            Err(_) => {
                let why = format!("comments={c:?} is not a URL");
                return refused("bad request", StatusCode::BAD_REQUEST, &why);
            }
        },
        None => (derived, None),
    };
    let comments = match comments_url {
        None => None,
        // Comments inside the article document (a mapping's `{self}`): no second fetch.
        Some(url) if url == src => Some((article.clone(), url, Vec::new())),
        Some(url) => match fetch(&policy, &url).await {
            Ok(doc) => Some((doc.text, url, doc.paging)),
            // What the policy refuses is refused; a list that fails to load leaves the article readable, and the
            // browser tries the list again when it takes the page over, as the widget would.
            Err(e) if e.status().is_client_error() => return fetch_failed(&e),
            Err(e) => {
                tracing::warn!("GET /read?src=…: rendered without its comments: {e}");
                None
            }
        },
    };
    let Ok(template) = tokio::fs::read_to_string(state.dist.join("index.html")).await else {
        return refused(
            "server error",
            StatusCode::INTERNAL_SERVER_ERROR,
            "the page template (index.html) could not be read",
        );
    };
    let (comments, comment_headers) = match comments {
        Some((text, url, headers)) => (Some((text, url)), headers),
        None => (None, Vec::new()),
    };
    let input = PageInput {
        template,
        article: (article, src),
        comments,
        comment_headers,
        preset,
        mapping,
        comments_setting,
        lang: given(q.lang),
    };
    match render_page(input).await {
        Ok(page) => html(StatusCode::OK, page),
        Err(e) => refused("not rendered", StatusCode::BAD_GATEWAY, &e.to_string()),
    }
}
