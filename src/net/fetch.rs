use std::cell::Cell;
use std::rc::Rc;

use gloo_net::http::{Request, RequestBuilder};
use gloo_timers::callback::Timeout;
use web_sys::{AbortController, RequestCredentials};

use super::NetError;

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

/// `GET` a document.
pub async fn get_text(url: &str, timeout_ms: u32) -> Result<Fetched, NetError> {
    let url = absolute_url(url)?;
    send(
        Request::get(&url).header("Accept", "application/json"),
        &url,
        None,
        timeout_ms,
    )
    .await
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
    let f = send(req, &url, None, timeout_ms).await?;
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
    send(builder, &url, body.map(|b| b.to_string()), timeout_ms).await
}

/// Aborts the request if the future is dropped before it finished (the component went away).
struct AbortOnDrop(Option<AbortController>);

impl Drop for AbortOnDrop {
    fn drop(&mut self) {
        if let Some(c) = self.0.take() {
            // A plain abort(): gloo-net panics on abort reasons that are not `Error`s.
            c.abort();
        }
    }
}

async fn send(
    builder: RequestBuilder,
    url: &str,
    body: Option<String>,
    timeout_ms: u32,
) -> Result<Fetched, NetError> {
    let unreachable = || NetError::Unreachable {
        url: url.to_string(),
    };
    let controller = AbortController::new().map_err(|_| unreachable())?;
    let signal = controller.signal();
    let timed_out = Rc::new(Cell::new(false));
    // gloo-net has no timeout of its own; the timer aborts the fetch and leaves a flag to tell why.
    let timer = {
        let (controller, timed_out) = (controller.clone(), timed_out.clone());
        Timeout::new(timeout_ms, move || {
            timed_out.set(true);
            controller.abort();
        })
    };
    let mut guard = AbortOnDrop(Some(controller));
    // Folio never sends cookies: readers are not tracked, and APIs need no credentials to be read.
    let builder = builder
        .credentials(RequestCredentials::Omit)
        .abort_signal(Some(&signal));
    let request = match body {
        Some(b) => builder.body(b),
        None => builder.build(),
    }
    .map_err(|_| unreachable())?;

    let failed = |timed_out: &Cell<bool>| {
        if timed_out.get() {
            NetError::Timeout {
                seconds: timeout_ms.div_ceil(1000),
            }
        } else if web_sys::window().is_some_and(|w| !w.navigator().on_line()) {
            NetError::Offline
        } else {
            unreachable()
        }
    };
    let response = match request.send().await {
        Ok(r) => r,
        Err(_) => {
            let e = failed(&timed_out);
            drop(timer);
            return Err(match e {
                NetError::Unreachable { .. } if answers_opaquely(url).await => {
                    NetError::CorsRefused {
                        url: url.to_string(),
                    }
                }
                e => e,
            });
        }
    };
    let text = response
        .text()
        .await
        .map_err(|_| match failed(&timed_out) {
            NetError::Unreachable { url } => NetError::Interrupted { url },
            e => e,
        })?;
    drop(timer);
    guard.0 = None;

    let status = response.status();
    let final_url = Some(response.url())
        .filter(|u| !u.is_empty())
        .unwrap_or_else(|| url.to_string());
    // 304 answers only a conditional request (`get_if_changed`): the browser turns its own cache's into 200s.
    if response.ok() || status == 304 {
        let headers = response.headers();
        Ok(Fetched {
            url: final_url,
            status,
            text,
            headers: PAGING_HEADERS
                .iter()
                .chain(POSTING_HEADERS.iter())
                .filter_map(|&n| headers.get(n).map(|v| (n.to_string(), v)))
                .collect(),
        })
    } else {
        let retry_after = response.headers().get("Retry-After");
        Err(NetError::from_status(
            status,
            &final_url,
            &text,
            retry_after.as_deref(),
        ))
    }
}

/// Does `url` answer a `no-cors` request? Such a request gets an opaque answer even without CORS headers, so when
/// the real request failed but this one succeeds, the server is there and only the origin check refused us.
/// (The probe is a plain GET to the same API, without credentials, bounded by a short timeout.)
async fn answers_opaquely(url: &str) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let Ok(controller) = AbortController::new() else {
        return false;
    };
    let init = web_sys::RequestInit::new();
    init.set_mode(web_sys::RequestMode::NoCors);
    init.set_credentials(RequestCredentials::Omit);
    init.set_signal(Some(&controller.signal()));
    let _timer = {
        let controller = controller.clone();
        Timeout::new(PROBE_TIMEOUT_MS, move || controller.abort())
    };
    let _guard = AbortOnDrop(Some(controller));
    let promise = window.fetch_with_str_and_init(url, &init);
    wasm_bindgen_futures::JsFuture::from(promise).await.is_ok()
}

/// How long the CORS probe may take: the server already answered the real request's preflight or not at all.
const PROBE_TIMEOUT_MS: u32 = 5_000;
