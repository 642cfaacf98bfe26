//! The read-aloud player's hook: the reducer, the remembered speed, speech for every take, the Media Session.

use std::rc::Rc;

use yew::prelude::*;

use super::speech::{self, Heard};
use super::{media_session, use_owner_id, use_voice};
use crate::hooks::{storage_get, storage_set, use_after_hydration, use_effect_on};
use crate::i18n::Lang;
use crate::model::Article;
use crate::state::{
    rate_from_stored, rate_to_stored, spoken_items, MediaInfo, ReadAloud, ReadAloudAction, Status,
};

/// The speed the reader picked, remembered per site (like the text size): `"0.75"` … `"2"`.
pub const RATE_KEY: &str = "folio:speech-rate";

/// The remembered speed, as an index into the speeds offered.
fn stored_rate() -> Option<usize> {
    storage_get(RATE_KEY).as_deref().and_then(rate_from_stored)
}

/// What the read-aloud player draws from and acts through.
#[derive(Clone, PartialEq)]
pub struct ReadAloudHandle {
    /// The place, speed and status; its dispatcher takes the player's actions.
    pub state: UseReducerHandle<ReadAloud>,
    /// The browser has a voice for the article's language or the interface's: without one the player is not
    /// offered. Always false before the first effect (and so in server rendering).
    pub available: bool,
}

/// Read `article` aloud: its text (see [`spoken_items`]), a voice for its language (else for `ui`'s, watched
/// through `voiceschanged`), speech for every take of the reducer, and the Media Session while it plays.
#[hook]
pub fn use_read_aloud(article: Rc<Article>, ui: Lang) -> ReadAloudHandle {
    let owner = use_owner_id();
    let items = use_memo(article.clone(), |a| spoken_items(a));
    let state = use_reducer(|| ReadAloud {
        rate: stored_rate().unwrap_or(crate::state::NORMAL_RATE),
        ..ReadAloud::new((*items).clone())
    });
    // A page taken over from a server started at the normal speed (nothing stored then): the reader's comes in now.
    {
        let d = state.dispatcher();
        use_after_hydration(move || {
            if let Some(i) = stored_rate() {
                d.dispatch(ReadAloudAction::Rate(i));
            }
        });
    }
    // Remember a speed the reader picks (not the one it started with: a default never chosen is not stored).
    {
        let last = use_mut_ref(|| None::<usize>);
        use_effect_on(state.rate, move |&rate| {
            let before = last.borrow_mut().replace(rate);
            if before.is_some_and(|b| b != rate) {
                if let Some(text) = rate_to_stored(rate) {
                    storage_set(RATE_KEY, text);
                }
            }
        });
    }
    let voice = use_voice(article.lang.clone(), ui);
    {
        // One take, one utterance: speak the rest of the current piece, or be silent.
        let (s, d, voice) = (state.clone(), state.dispatcher(), voice.clone());
        use_effect_on(state.take, move |&take| match (s.utterance(), &voice) {
            (Some(text), Some(voice)) => {
                let offset = s.offset;
                let on_heard = Callback::from(move |h| {
                    d.dispatch(match h {
                        Heard::Boundary(at) => ReadAloudAction::Boundary {
                            take,
                            at: offset + at,
                        },
                        Heard::Ended => ReadAloudAction::Ended { take },
                        Heard::Stopped => ReadAloudAction::Interrupted { take },
                    })
                });
                speech::speak(owner, text, voice, s.speed(), on_heard);
            }
            _ => speech::stop(owner),
        });
    }
    use_effect_on((), move |_| move || speech::stop(owner));
    use_media_session(owner, &article, &state);
    ReadAloudHandle {
        state,
        available: voice.is_some(),
    }
}

/// While the article is being read (or paused), the Media Session shows it and its buttons drive the reader.
#[hook]
fn use_media_session(owner: u64, article: &Rc<Article>, state: &UseReducerHandle<ReadAloud>) {
    let info = use_memo(article.clone(), |a| MediaInfo::of(a));
    let active = state.status != Status::Stopped;
    let d = state.dispatcher();
    use_effect_on((active, info), move |(active, info)| {
        if *active {
            let act = |a: ReadAloudAction| {
                let d = d.clone();
                Callback::from(move |_| d.dispatch(a.clone()))
            };
            media_session::claim(
                owner,
                info,
                &[
                    ("play", act(ReadAloudAction::Play)),
                    ("pause", act(ReadAloudAction::Pause)),
                    ("nexttrack", act(ReadAloudAction::Next)),
                    ("previoustrack", act(ReadAloudAction::Previous)),
                ],
            );
        }
        move || media_session::release(owner)
    });
    let playing = state.status == Status::Playing;
    use_effect_on((active, playing), move |&(_, playing)| {
        media_session::playing(owner, playing)
    });
}
