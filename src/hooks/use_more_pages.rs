use std::cell::RefCell;
use std::rc::Rc;

use futures::future::{abortable, AbortHandle};
use yew::prelude::*;

use super::Source;
use super::{comment_page::fetch_page, use_effect_on};
use crate::state::{ThreadAction, ThreadState};

/// Fetch the API's further comment pages on demand: returns the callback that fetches the next one (the "Load more
/// comments" button), and fetches them by itself while a linked comment is looked for
/// ([`ThreadState::wants_page`]). Each page goes into the thread as [`ThreadAction::PageLoaded`]; a fetch still in
/// flight is aborted when the section goes away.
#[hook]
pub fn use_more_pages(
    source: Source,
    state: &ThreadState,
    dispatch: Callback<ThreadAction>,
) -> Callback<()> {
    let in_flight = use_mut_ref(|| None::<AbortHandle>);
    {
        let in_flight = in_flight.clone();
        use_effect_on((), move |_| {
            move || {
                if let Some(h) = in_flight.borrow_mut().take() {
                    h.abort();
                }
            }
        });
    }
    let load_more = {
        let (next, number, fetching) = (
            state.pages.next.clone(),
            state.pages.loaded.saturating_add(1),
            state.pages.fetching,
        );
        Callback::from(move |()| {
            let Some(url) = next.clone().filter(|_| !fetching) else {
                return;
            };
            fetch(url, number, source.clone(), dispatch.clone(), &in_flight);
        })
    };
    {
        let load_more = load_more.clone();
        use_effect_on(
            (state.wants_page(), state.pages.loaded),
            move |(wants, _)| {
                if *wants {
                    load_more.emit(());
                }
            },
        );
    }
    load_more
}

fn fetch(
    url: Rc<str>,
    number: u32,
    source: Source,
    dispatch: Callback<ThreadAction>,
    in_flight: &Rc<RefCell<Option<AbortHandle>>>,
) {
    dispatch.emit(ThreadAction::PageRequested);
    let (task, handle) = abortable(async move {
        let action = match fetch_page(&source.0, &url, number).await {
            Ok(loaded) => ThreadAction::PageLoaded {
                from: url,
                list: loaded.list,
            },
            Err(e) => ThreadAction::PageFailed(e),
        };
        dispatch.emit(action);
    });
    *in_flight.borrow_mut() = Some(handle);
    wasm_bindgen_futures::spawn_local(async move {
        let _ = task.await;
    });
}
