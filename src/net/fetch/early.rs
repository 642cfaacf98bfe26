//! Requests started before the module ran. The embed's loader fetches a reader's article at the same time as the
//! WebAssembly, rather than after it (on a phone's network the article's round trip is a quarter of a second of
//! the time to the first word), and hands the pending answer over with the reader; the SPA's page (`index.html`)
//! does the same for its `?src=` ([`handed`], [`offer_early`]). The first `GET` of that URL ([`super::get_text`])
//! takes it instead of sending its own request; each answer is read once.

use std::cell::RefCell;

use web_sys::AbortController;

/// A pending `fetch()` and the controller that aborts it.
pub type Started = (js_sys::Promise, AbortController);

thread_local! {
    static OFFERED: RefCell<Vec<(String, Started)>> = const { RefCell::new(Vec::new()) };
}

/// How many answers are kept: one per reader on the page is the most there can be in use, and an answer nobody
/// asked for (a reader whose settings failed first) must not be kept for ever.
const KEPT: usize = 16;

/// Offer the pending answer `started` (a `fetch()` promise, and the controller given to it as its signal) of a
/// `GET` of the absolute URL `url`, made as [`super::get_text`] makes it (no credentials, `Accept:
/// application/json`). The reader's timeout and its going away abort it through `controller`.
pub fn offer_early(url: String, started: js_sys::Promise, controller: AbortController) {
    OFFERED.with(|offered| {
        let mut offered = offered.borrow_mut();
        if offered.len() == KEPT {
            drop(offered.remove(0));
        }
        offered.push((url, (started, controller)));
    });
}

/// A request handed over from JavaScript as `[absolute URL, pending fetch(), the AbortController of its signal]`,
/// taken apart; `None` if it is not one.
pub fn handed(request: &js_sys::Array) -> Option<(String, Started)> {
    use wasm_bindgen::JsCast;
    let url = request.get(0).as_string()?;
    let started = request.get(1).dyn_into().ok()?;
    let controller = request.get(2).dyn_into().ok()?;
    Some((url, (started, controller)))
}

/// The answer offered for `url`, taken out of the list.
pub(super) fn take(url: &str) -> Option<Started> {
    OFFERED.with(|offered| {
        let mut offered = offered.borrow_mut();
        let at = offered.iter().position(|(u, _)| u == url)?;
        Some(offered.remove(at).1)
    })
}
