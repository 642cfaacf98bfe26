//! Folio's HTTP requests: what a successful answer keeps ([`Fetched`]), and one function per kind of request.
//! How a request is sent (timeout, abort, no cookies, errors) is in [`send`]; answers the embed's loader started
//! before the module ran are in [`early`].

mod early;
mod send;

use gloo_net::http::{Request, RequestBuilder};

use super::NetError;
pub use early::{handed, offer_early};
use send::{send, Outgoing};

/// A successful (2xx) answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fetched {
    /// The absolute URL that answered (after redirects): the base for the document's relative URLs.
    pub url: String,
    /// The HTTP status.
    pub status: u16,
    /// The body as text; parsing is the `source` module's job.
    pub text: String,
    /// The response headers paging reads ([`PAGING_HEADERS`]), as lowercase name and value, in that order; absent
    /// ones are left out (a cross-origin API must list them in `Access-Control-Expose-Headers`).
    pub headers: Vec<(String, String)>,
}

/// The headers kept in [`Fetched::headers`]: RFC 8288 links and the total-count / total-pages headers of the common
/// APIs (`X-Total-Count`: JSON Server, GitLab, many Rails apps; `X-WP-*`: WordPress; `X-Total-Pages`: GitLab).
pub const PAGING_HEADERS: [&str; 5] = [
    "link",
    "x-total-count",
    "x-total-pages",
    "x-wp-total",
    "x-wp-totalpages",
];

/// Also kept in [`Fetched::headers`]: what the reference server tells only the poster of a comment (the token that
/// proves authorship, until when it works, and whether the comment is `published` or `pending` review), and the
/// `ETag` a poll sends back as `If-None-Match`.
pub const POSTING_HEADERS: [&str; 4] = [
    "folio-edit-token",
    "folio-editable-until",
    "folio-status",
    "etag",
];

/// Resolve `url` against the page's address, the way the browser would for a link.
pub fn absolute_url(url: &str) -> Result<String, NetError> {
    let bad = || NetError::BadUrl {
        url: url.to_string(),
    };
    let base = web_sys::window()
        .and_then(|w| w.location().href().ok())
        .ok_or_else(bad)?;
    let parsed = web_sys::Url::new_with_base(url.trim(), &base).map_err(|_| bad())?;
    match parsed.protocol().as_str() {
        "http:" | "https:" => Ok(parsed.href()),
        _ => Err(bad()),
    }
}

/// `GET` a document (or take the answer the embed's loader started for it: [`offer_early`]).
pub async fn get_text(url: &str, timeout_ms: u32) -> Result<Fetched, NetError> {
    let url = absolute_url(url)?;
    let outgoing = match early::take(&url) {
        Some((started, controller)) => Outgoing::Started(started, controller),
        None => Outgoing::New(
            Request::get(&url).header("Accept", "application/json"),
            None,
        ),
    };
    send(outgoing, &url, timeout_ms).await
}

/// `GET` a document again, unless it is unchanged: `etag` is the `ETag` of the copy the caller has. `Ok(None)`:
/// 304 Not Modified (an unchanged list costs no body). The answer's own `ETag` is in [`Fetched::headers`].
pub async fn get_if_changed(
    url: &str,
    etag: Option<&str>,
    timeout_ms: u32,
) -> Result<Option<Fetched>, NetError> {
    let url = absolute_url(url)?;
    let mut req = Request::get(&url).header("Accept", "application/json");
    if let Some(tag) = etag {
        req = req.header("If-None-Match", tag);
    }
    let f = send(Outgoing::New(req, None), &url, timeout_ms).await?;
    Ok((f.status != 304).then_some(f))
}

/// `POST` a JSON body. `idempotency_key` lets a server recognise a retried post.
pub async fn post_json(
    url: &str,
    body: &serde_json::Value,
    idempotency_key: Option<&str>,
    timeout_ms: u32,
) -> Result<Fetched, NetError> {
    send_json("POST", url, &[], Some(body), idempotency_key, timeout_ms).await
}

/// Send a JSON request with any method and extra headers: a mapping's post (`POST` or `PUT`, its own media type),
/// an edit (`PATCH`) or a delete (`DELETE`, `body: None`). An idempotency key is sent only when given: APIs that do
/// not list `Idempotency-Key` among their CORS headers would refuse the whole request for it.
pub async fn send_json(
    method: &str,
    url: &str,
    headers: &[(String, String)],
    body: Option<&serde_json::Value>,
    idempotency_key: Option<&str>,
    timeout_ms: u32,
) -> Result<Fetched, NetError> {
    let url = absolute_url(url)?;
    let method = gloo_net::http::Method::from_bytes(method.trim().to_ascii_uppercase().as_bytes())
        .map_err(|_| NetError::BadUrl { url: url.clone() })?;
    let mut builder = RequestBuilder::new(&url)
        .method(method)
        .header("Accept", "application/json");
    if body.is_some() {
        builder = builder.header("Content-Type", "application/json");
    }
    if let Some(key) = idempotency_key {
        builder = builder.header("Idempotency-Key", key);
    }
    // The mapping's headers come last, so its media type (JSON:API's) replaces the default.
    for (name, value) in headers {
        builder = builder.header(name, value);
    }
    let body = body.map(crate::source::json_text);
    send(Outgoing::New(builder, body), &url, timeout_ms).await
}
