//! Sending one request: the timeout (a timer that aborts the fetch), the abort when the caller drops the future,
//! no cookies, and turning a failure into a [`NetError`] (with a `no-cors` probe that tells a CORS refusal from an
//! unreachable server).

use std::cell::Cell;
use std::rc::Rc;

use gloo_net::http::RequestBuilder;
use gloo_timers::callback::Timeout;
use web_sys::{AbortController, RequestCredentials};

use super::{Fetched, NetError, PAGING_HEADERS, POSTING_HEADERS};

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

pub(super) async fn send(
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
