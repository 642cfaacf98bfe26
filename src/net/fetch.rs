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
}

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

/// `POST` a JSON body. `idempotency_key` lets a server recognise a retried post.
pub async fn post_json(
    url: &str,
    body: &serde_json::Value,
    idempotency_key: Option<&str>,
    timeout_ms: u32,
) -> Result<Fetched, NetError> {
    let url = absolute_url(url)?;
    let builder = Request::post(&url)
        .header("Accept", "application/json")
        .header("Content-Type", "application/json");
    let builder = match idempotency_key {
        Some(key) => builder.header("Idempotency-Key", key),
        None => builder,
    };
    send(builder, &url, Some(body.to_string()), timeout_ms).await
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
    let response = request.send().await.map_err(|_| failed(&timed_out))?;
    let text = response.text().await.map_err(|_| failed(&timed_out))?;
    drop(timer);
    guard.0 = None;

    let status = response.status();
    let final_url = Some(response.url())
        .filter(|u| !u.is_empty())
        .unwrap_or_else(|| url.to_string());
    if response.ok() {
        Ok(Fetched {
            url: final_url,
            status,
            text,
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
