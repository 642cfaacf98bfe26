//! The compose form's state: the draft (saved locally as it is typed, from one effect), the post status, and the
//! submit that turns the draft into a request through the section's adapter.

use std::cell::Cell;
use std::rc::Rc;

use yew::prelude::*;

#[cfg(feature = "posting")]
use super::post_job::PostJob;
#[cfg(feature = "posting")]
use super::use_section_io;
use super::{storage_get, storage_remove, storage_set, use_after_hydration, use_effect_on};
use crate::state::{ComposeAction, ComposeState, Draft};

/// Name and e-mail are remembered across articles under this key; the text is per article and parent.
const AUTHOR_KEY: &str = "folio:author";

thread_local! {
    static NEXT_FORM: Cell<usize> = const { Cell::new(0) };
}

/// A page-unique prefix for a form's element ids (labels need `for`; several forms and widgets share a page). A
/// counter, not state: it only has to differ between the forms of one page.
fn next_form_id() -> String {
    NEXT_FORM.with(|n| {
        n.set(n.get() + 1);
        format!("folio-form-{}", n.get())
    })
}

/// A random key for the `Idempotency-Key` header: enough entropy that two readers never collide.
fn fresh_key() -> String {
    let part = || format!("{:012x}", (js_sys::Math::random() * 2f64.powi(48)) as u64);
    format!("{}{}-{:x}", part(), part(), js_sys::Date::now() as u64)
}

/// The draft restored for `key`, with the remembered name and e-mail when it has none.
fn restored(key: &str) -> ComposeState {
    let remembered = storage_get(AUTHOR_KEY)
        .and_then(|t| Draft::from_storage(&t))
        .unwrap_or_default();
    let mut draft = storage_get(key)
        .and_then(|t| Draft::from_storage(&t))
        .unwrap_or_default();
    if draft.name.is_empty() {
        draft.name = remembered.name;
        draft.email = remembered.email;
    }
    ComposeState {
        draft,
        ..ComposeState::default()
    }
}

/// A request to send the draft: what the honeypot field holds, and where to tell `Ok(held)` or that it failed.
pub type Submit = (Option<String>, Callback<Result<bool, ()>>);

/// A compose form's handles.
pub struct Compose {
    /// The form's state (dispatch field edits to it).
    pub state: UseReducerHandle<ComposeState>,
    /// The page-unique id prefix of the form's fields.
    pub id: Rc<String>,
    /// Send the draft (the argument: what the honeypot field holds). Told back `Ok(held)` or the failure, which
    /// the state also records.
    pub submit: Callback<Submit>,
}

/// The compose form of a new comment (`parent: None`) or a reply, on article `article_id`, posting to `url`.
#[hook]
pub fn use_compose(article_id: Rc<str>, parent: Option<Rc<str>>, url: Rc<str>) -> Compose {
    let draft_key = Draft::storage_key(&article_id, parent.as_deref());
    let state = use_reducer({
        let key = draft_key.clone();
        move || restored(&key)
    });
    // A hydrated page drew the form as the server did, empty: the stored draft comes in now.
    {
        let (state, key) = (state.clone(), draft_key.clone());
        use_after_hydration(move || {
            state.dispatch(ComposeAction::Restore(restored(&key).draft));
        });
    }
    let id = use_memo((), |_| next_form_id());
    let in_flight: Rc<Cell<bool>> = use_memo((), |_| Cell::new(false));
    {
        let key = draft_key.clone();
        use_effect_on(state.draft.clone(), move |d| {
            if d.body.trim().is_empty() {
                storage_remove(&key);
            } else {
                storage_set(&key, &d.to_storage());
            }
            let author = Draft {
                name: d.name.clone(),
                email: d.email.clone(),
                body: String::new(),
            };
            storage_set(AUTHOR_KEY, &author.to_storage());
        });
    }
    #[cfg(feature = "posting")]
    let submit = use_posting(&state, in_flight, draft_key, parent, url);
    // Built without posting (the embed's lite module): the draft, stored as typed, is posted by the full module,
    // which takes this reader's place (hooks::module_switch); "Posting…" until then.
    #[cfg(not(feature = "posting"))]
    let submit = {
        let (state, switch) = (state.clone(), super::use_module_switch());
        let _ = (url, draft_key);
        Callback::from(move |(honeypot, _): Submit| {
            let Some(switch) = switch
                .as_ref()
                .filter(|_| state.can_send() && !in_flight.get())
            else {
                return;
            };
            in_flight.set(true);
            // A bot filled the hidden field: nothing is sent, and nobody is told.
            if honeypot.is_none() {
                state.dispatch(ComposeAction::Send(fresh_key()));
                switch.request.emit(super::Upgrade::Post {
                    parent: parent.clone(),
                });
            }
        })
    };
    Compose { state, id, submit }
}

/// The submit of a form whose `state` posts: the request through the section's adapter (`PostJob`), one at a time
/// (`in_flight`), the stored draft (`draft_key`) cleared once the server has it.
#[cfg(feature = "posting")]
#[hook]
fn use_posting(
    state: &UseReducerHandle<ComposeState>,
    in_flight: Rc<Cell<bool>>,
    draft_key: String,
    parent: Option<Rc<str>>,
    url: Rc<str>,
) -> Callback<Submit> {
    let io = use_section_io();
    {
        let state = state.clone();
        Callback::from(move |(honeypot, told): Submit| {
            // Checked synchronously: two clicks in one frame both see the old state, but not the old flag.
            let Some(io) = io.as_ref().filter(|_| state.can_send() && !in_flight.get()) else {
                return;
            };
            let key = state.idempotency_key.clone().unwrap_or_else(fresh_key);
            let form = state.draft.form(parent.as_deref());
            let adapter = io.source.0.clone();
            let Some(outgoing) = adapter.post_request(&form, &url, &key, honeypot) else {
                return; // a platform's post with the honeypot filled: a bot, sent nothing
            };
            state.dispatch(ComposeAction::Send(key.clone()));
            let now = crate::platform::now_ms();
            let local =
                state
                    .draft
                    .local_comment(format!("pending-{key}").into(), parent.clone(), now);
            let form_state = state.dispatcher();
            let on_outcome = Callback::from(move |r: Result<bool, crate::net::NetError>| match r {
                Ok(held) => {
                    form_state.dispatch(ComposeAction::Sent);
                    told.emit(Ok(held));
                }
                Err(e) => {
                    form_state.dispatch(ComposeAction::Failed(e));
                    told.emit(Err(()));
                }
            });
            PostJob {
                adapter,
                outgoing,
                local,
                text: state.draft.body.clone(),
                draft_key: draft_key.clone(),
                in_flight: in_flight.clone(),
                dispatch: io.dispatch.clone(),
                on_posted: io.on_posted.clone(),
                on_outcome,
                jobs: Rc::downgrade(&io.jobs),
            }
            .attempt();
        })
    }
}
