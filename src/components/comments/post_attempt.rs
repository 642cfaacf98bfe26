//! One post of a comment, repeatable: the same body with the same idempotency key, so a retry (from the form or from
//! the failed comment in the thread) is recognised by the server and never stores the comment twice.

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use super::compose_form::{failure_text, local_copy};
use super::own_comment::keep_grant;
use crate::hooks::storage_remove;
use crate::i18n::Strings;
use crate::model::Comment;
use crate::net::{post_json, send_json, Fetched, NetError, DEFAULT_TIMEOUT_MS};
use crate::source::folio_json::{comment, parse_json};
use crate::source::mapping::{post_held, post_response, Mapping};
use crate::state::{ComposeAction, Draft, PendingPost, ThreadAction};

/// A post through a mapping's template (WordPress, Drupal ...): how to send it and how to read the answer.
#[derive(Clone, Debug, PartialEq)]
pub struct MappedPost {
    /// The mapping: its `post.response` reads the answer, its `post.held` says whether it awaits review.
    pub mapping: Rc<Mapping>,
    /// `POST`, `PUT` ...
    pub method: String,
    /// The mapping's extra headers (a media type such as JSON:API's).
    pub headers: Vec<(String, String)>,
}

/// What one post needs; cloned into every attempt.
#[derive(Clone)]
pub struct PostJob {
    /// Where to post.
    pub url: Rc<str>,
    /// The JSON body, fixed when the reader pressed send.
    pub body: serde_json::Value,
    /// `None`: Folio's format, with the idempotency key; else the mapping's way (no `Idempotency-Key` header:
    /// platforms do not list it among their CORS headers, and would refuse the request for it).
    pub mapped: Option<MappedPost>,
    /// The article's id, under which the edit token of the stored comment is kept.
    pub article_id: Rc<str>,
    /// The idempotency key of this text.
    pub key: String,
    /// The text as written, for the comment drawn at once.
    pub draft: Draft,
    /// The comment answered.
    pub parent: Option<Rc<str>>,
    /// The draft's storage key, cleared once the server stored it.
    pub draft_key: String,
    /// The interface strings, for the failure message.
    pub strings: &'static Strings,
    /// The form's state.
    pub form: UseReducerDispatcher<crate::state::ComposeState>,
    /// Set while a post is in flight (checked synchronously: a double click cannot start two).
    pub in_flight: Rc<RefCell<bool>>,
    /// The thread: the comment is drawn at once as pending, and settled when stored.
    pub thread: Callback<ThreadAction>,
    /// Told about the stored comment and whether it awaits moderation.
    pub done: Callback<(Comment, bool)>,
}

impl PostJob {
    async fn send(&self) -> Result<Fetched, NetError> {
        match &self.mapped {
            None => post_json(&self.url, &self.body, Some(&self.key), DEFAULT_TIMEOUT_MS).await,
            Some(m) => {
                send_json(
                    &m.method,
                    &self.url,
                    &m.headers,
                    Some(&self.body),
                    None,
                    DEFAULT_TIMEOUT_MS,
                )
                .await
            }
        }
    }

    /// The stored comment (what the server returned, or, if it returned nothing usable, the text as sent) and
    /// whether it awaits a moderator: 202 Accepted or `Folio-Status: pending` (the reference server's
    /// `--moderate`), or the mapping's `held` flag on the answer (WordPress's `"status": "hold"`).
    fn read_answer(&self, f: &Fetched) -> (Comment, bool) {
        let base = Some(f.url.as_str());
        let parsed = match &self.mapped {
            None => parse_json(&f.text).and_then(|v| comment(&v, "", base)),
            Some(m) => post_response(&m.mapping, &f.text, base),
        };
        let mut stored =
            parsed.unwrap_or_else(|_| local_copy(&self.draft, self.parent.clone(), &self.key));
        // A mapping's `response` reads one comment's fields; where it sits in the thread is the parent the reader
        // answered (threading models are about lists, and a lone answer has no list to thread).
        if stored.parent.is_none() {
            stored.parent = self.parent.clone();
        }
        let pending_header = f
            .headers
            .iter()
            .any(|(n, v)| n == "folio-status" && v.trim() == "pending");
        let held = f.status == 202
            || pending_header
            || self
                .mapped
                .as_ref()
                .is_some_and(|m| post_held(&m.mapping, &f.text));
        (stored, held)
    }

    /// The local id of the comment drawn while this post is pending.
    pub fn local_id(&self) -> Rc<str> {
        format!("pending-{}", self.key).into()
    }

    /// Start one attempt; does nothing while another is in flight.
    pub fn attempt(self) {
        if *self.in_flight.borrow() {
            return;
        }
        *self.in_flight.borrow_mut() = true;
        self.form.dispatch(ComposeAction::Send(self.key.clone()));
        let local = Comment {
            id: self.local_id(),
            ..local_copy(&self.draft, self.parent.clone(), &self.key)
        };
        let retry = {
            let job = self.clone();
            Callback::from(move |()| job.clone().attempt())
        };
        self.thread.emit(ThreadAction::Pending(PendingPost {
            comment: local.clone(),
            failure: None,
            retry: retry.clone(),
        }));
        wasm_bindgen_futures::spawn_local(async move {
            let result = self.send().await;
            *self.in_flight.borrow_mut() = false;
            match result {
                Ok(f) => {
                    let (stored, held) = self.read_answer(&f);
                    keep_grant(&self.article_id, &stored.id, &f, &self.draft.body);
                    if held {
                        super::mark_held(&stored.id);
                    }
                    storage_remove(&self.draft_key);
                    self.form.dispatch(ComposeAction::Sent);
                    self.thread.emit(ThreadAction::Posted(stored.clone()));
                    self.thread.emit(ThreadAction::Settled(self.local_id()));
                    self.done.emit((stored, held));
                }
                Err(e) => {
                    self.thread.emit(ThreadAction::Pending(PendingPost {
                        comment: local,
                        failure: Some(failure_text(&e, self.strings)),
                        retry,
                    }));
                    self.form.dispatch(ComposeAction::Failed(e));
                }
            }
        });
    }
}
