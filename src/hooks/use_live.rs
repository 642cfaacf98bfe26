//! Live comments, for every source that can have them: the list's Server-Sent Events stream when it names one,
//! else polling the first page through `net` (timeout, abort, no cookies) and the [`Adapter`], so a WordPress or
//! Drupal thread goes live as well as Folio's own (the stream-or-poll choice is `live_poll::follow`, shared with
//! live articles). New comments wait in the thread state as arrivals; the section announces them and inserts them
//! when the reader asks. Changed comments (the stream's `changed` events, or a poll's list) replace the ones shown
//! in place.

use std::rc::Rc;

use yew::prelude::*;

use super::live_poll::{follow, Stop};
use super::use_effect_on;
use crate::net::{EventStream, Fetched};
use crate::source::Adapter;
use crate::state::ThreadAction;

/// What live updates follow: the adapter, the list's URL, and its stream's when it names one.
pub type LiveSource = (Rc<Adapter>, Rc<str>, Option<Rc<str>>);

/// Keep the thread live while `source` is set (once the list is loaded): through the list's event stream when it
/// names one, else (or once the server refuses the stream, e.g. at its per-reader limit) by polling.
#[hook]
pub fn use_live(source: Option<LiveSource>, dispatch: Callback<ThreadAction>) {
    use_effect_on(source, move |source| {
        let mut cleanup: Stop = Box::new(|| ());
        if let Some((adapter, url, events)) = source.clone() {
            // A poll's comments go to the thread as changes (known ones that differ replace theirs in place; an
            // edit or a delete changes the list's ETag) and as arrivals (known ones are ignored there).
            let on_fetched = {
                let (adapter, dispatch) = (adapter.clone(), dispatch.clone());
                Rc::new(move |f: Fetched| {
                    if let Ok(page) = adapter.read_page(&f.text, &f.url, 1, &f.headers) {
                        dispatch.emit(ThreadAction::Changed(page.list.comments.clone()));
                        dispatch.emit(ThreadAction::Arrived(page.list.comments));
                    }
                })
            };
            let base = url.clone();
            cleanup = follow(
                url,
                move |on_closed| {
                    events.and_then(|e| stream(&e, adapter, base, dispatch, on_closed))
                },
                on_fetched,
            );
        }
        move || cleanup()
    });
}

fn stream(
    events: &str,
    adapter: Rc<Adapter>,
    base: Rc<str>,
    dispatch: Callback<ThreadAction>,
    on_closed: impl Fn() + 'static,
) -> Option<EventStream> {
    // A malformed event is skipped: the next reload shows the list as the server has it.
    let read = move |text: String| adapter.read_comment(&text, Some(&base));
    let (read_new, dispatch_new) = (read.clone(), dispatch.clone());
    let on_message = move |text: String| {
        if let Some(c) = read_new(text) {
            dispatch_new.emit(ThreadAction::Arrived(vec![c]));
        }
    };
    let on_changed = move |text: String| {
        if let Some(c) = read(text) {
            dispatch.emit(ThreadAction::Changed(vec![c]));
        }
    };
    EventStream::open(events, on_message, on_changed, on_closed)
}
