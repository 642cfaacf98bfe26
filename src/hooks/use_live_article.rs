//! A live article's updates (docs/folio-json.md, "Live articles"): through the article's event stream when it names
//! one (`message` and `changed` events carry an entry, `body` events a correction), else by polling the article
//! with `If-None-Match` and reading it again through the [`Adapter`] (so a mapped live blog goes live too). The
//! stream-or-poll choice and the polling are `live_poll`'s, shared with live comments. Everything lands in the
//! [`LiveState`] reducer: new entries wait there until the reader asks for them.

use std::rc::Rc;

use yew::prelude::*;

use super::live_poll::{follow, Stop};
use super::{use_effect_on, Source};
use crate::model::Article;
use crate::net::{absolute_url, EventStream, Fetched, Named};
use crate::source::Adapter;
use crate::state::{LiveAction, LiveState};

/// The live state of `article` (read from `src` through `source`), kept up to date while it is marked live, and
/// the callback that shows the entries that arrived.
#[hook]
pub fn use_live_article(
    article: Rc<Article>,
    source: Source,
    src: AttrValue,
) -> (LiveState, Callback<()>) {
    let state = use_reducer({
        let article = article.clone();
        move || LiveState::new(&article)
    });
    let dispatcher = state.dispatcher();
    let deps = (article.live, article.events.clone(), src, source);
    use_effect_on(deps, move |(live, events, src, source)| {
        let mut cleanup: Stop = Box::new(|| ());
        if *live {
            let adapter = source.0.clone();
            // Absolute, so the links of pushed entries resolve as the article's own did.
            let url: Rc<str> = Rc::from(absolute_url(src).unwrap_or_else(|_| src.to_string()));
            let dispatch = Callback::from(move |a: LiveAction| dispatcher.dispatch(a));
            let on_fetched = {
                let (adapter, dispatch) = (adapter.clone(), dispatch.clone());
                Rc::new(move |f: Fetched| {
                    // A poll that does not read is skipped: the article on screen stays as it is.
                    if let Ok(a) = adapter.reread_article(&f.text, Some(&f.url)) {
                        dispatch.emit(LiveAction::Polled(Rc::new(a)));
                    }
                })
            };
            let (events, base) = (events.clone(), url.clone());
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
    let show = {
        let dispatcher = state.dispatcher();
        Callback::from(move |()| dispatcher.dispatch(LiveAction::ShowIncoming))
    };
    ((*state).clone(), show)
}

/// The article's stream: an entry in each `message` (new) and `changed` event, a correction in each `body` event.
/// A malformed event is skipped.
fn stream(
    events: &str,
    adapter: Rc<Adapter>,
    base: Rc<str>,
    dispatch: Callback<LiveAction>,
    on_closed: impl Fn() + 'static,
) -> Option<EventStream> {
    let entry = {
        let (adapter, base, dispatch) = (adapter.clone(), base.clone(), dispatch.clone());
        move |text: String| {
            if let Some(e) = adapter.read_entry(&text, Some(&base)) {
                dispatch.emit(LiveAction::Received(vec![e]));
            }
        }
    };
    let correction = move |text: String| {
        if let Some((body, updated)) = adapter.read_correction(&text, Some(&base)) {
            dispatch.emit(LiveAction::Corrected { body, updated });
        }
    };
    let named: Vec<Named> = vec![
        ("changed", Box::new(entry.clone())),
        ("body", Box::new(correction)),
    ];
    EventStream::open_with(events, entry, named, on_closed)
}
