//! Sending one request: the timeout (a timer that aborts the fetch), the abort when the caller drops the future,
//! no cookies, and turning a failure into a [`NetError`] (with a `no-cors` probe that tells a CORS refusal from an
//! unreachable server). A request the embed's loader started early ([`Outgoing::Started`]) is read the same
//! way.

use std::cell::Cell;
use std::rc::Rc;

use gloo_net::http::{RequestBuilder, Response};
use gloo_timers::callback::Timeout;
use wasm_bindgen::JsCast;
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

/// A request to make: one to send, or one the page started before this module ran (the embed's loader fetches the
/// article beside the module: [`offer_early`](super::offer_early)), with the controller that aborts it.
pub(super) enum Outgoing {
    /// Built by the caller, with its body if it has one: sent here, without cookies.
    New(RequestBuilder, Option<String>),
    /// Already under way: its pending `fetch()` and its abort controller.
    Started(js_sys::Promise, AbortController),
}

/// Make the request `outgoing` to `url`, giving up after `timeout_ms`. A request the loader started gets the same
/// timeout (counted from now), abort and errors as one sent here.
pub(super) async fn send(
    outgoing: Outgoing,
    url: &str,
    timeout_ms: u32,
) -> Result<Fetched, NetError> {
    let unreachable = || NetError::Unreachable {
        url: url.to_string(),
    };
    let controller = match &outgoing {
        Outgoing::Started(_, controller) => controller.clone(),
        Outgoing::New(..) => AbortController::new().map_err(|_| unreachable())?,
    };
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
    let answer = match outgoing {
        Outgoing::Started(started, _) => wasm_bindgen_futures::JsFuture::from(started)
            .await
            .ok()
            .and_then(|raw| raw.dyn_into::<web_sys::Response>().ok())
            .map(Response::from),
        Outgoing::New(builder, body) => {
            // Folio never sends cookies: readers are not tracked, and APIs need no credentials to be read.
            let builder = builder
                .credentials(RequestCredentials::Omit)
                .abort_signal(Some(&signal));
            let request = match body {
                Some(b) => builder.body(b),
                None => builder.build(),
            }
            .map_err(|_| unreachable())?;
            request.send().await.ok()
        }
    };
    let failed = |timed_out: &Cell<bool>| failure(timed_out.get(), url, timeout_ms);
    let Some(response) = answer else {
        let e = failed(&timed_out);
        drop(timer);
        return Err(refused_or(e, url).await);
    };
    let text = response
        .text()
        .await
        .map_err(|_| interrupted(failed(&timed_out)))?;
    drop(timer);
    guard.0 = None;
    fetched(&response, text, url)
}

/// Why a request got no answer: the timeout, the browser being offline, or else the server unreachable.
fn failure(timed_out: bool, url: &str, timeout_ms: u32) -> NetError {
    if timed_out {
        NetError::Timeout {
            seconds: timeout_ms.div_ceil(1000),
        }
    } else if web_sys::window().is_some_and(|w| !w.navigator().on_line()) {
        NetError::Offline
    } else {
        NetError::Unreachable {
            url: url.to_string(),
        }
    }
}

/// An unreachable server that answers a `no-cors` probe is there: the origin check refused us.
async fn refused_or(e: NetError, url: &str) -> NetError {
    match e {
        NetError::Unreachable { .. } if answers_opaquely(url).await => NetError::CorsRefused {
            url: url.to_string(),
        },
        e => e,
    }
}

/// The body failed after the answer began: the connection was cut (unless the timeout or the network says why).
fn interrupted(e: NetError) -> NetError {
    match e {
        NetError::Unreachable { url } => NetError::Interrupted { url },
        e => e,
    }
}

/// What a complete answer gives: [`Fetched`] for a 2xx (or a 304), else the error its status names.
fn fetched(response: &Response, text: String, url: &str) -> Result<Fetched, NetError> {
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
