//! One post of a comment, repeatable: the same body with the same idempotency key, so a retry (from the form or from
//! the failed comment in the thread) is recognised by the server and never stores the comment twice.

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use super::compose_form::{failure_text, local_copy};
use crate::hooks::storage_remove;
use crate::i18n::Strings;
use crate::model::Comment;
use crate::net::{post_json, DEFAULT_TIMEOUT_MS};
use crate::source::folio_json::{comment, parse_json};
use crate::state::{ComposeAction, Draft, PendingPost, ThreadAction};

/// What one post needs; cloned into every attempt.
#[derive(Clone)]
pub struct PostJob {
    /// Where to post.
    pub url: Rc<str>,
    /// The JSON body, fixed when the reader pressed send.
    pub body: serde_json::Value,
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
            let result =
                post_json(&self.url, &self.body, Some(&self.key), DEFAULT_TIMEOUT_MS).await;
            *self.in_flight.borrow_mut() = false;
            match result {
                Ok(f) => {
                    // Stored. Show what the server returned, or, if it returned nothing usable, the text as sent.
                    let stored = parse_json(&f.text)
                        .and_then(|v| comment(&v, "", Some(&f.url)))
                        .unwrap_or_else(|_| {
                            local_copy(&self.draft, self.parent.clone(), &self.key)
                        });
                    storage_remove(&self.draft_key);
                    self.form.dispatch(ComposeAction::Sent);
                    self.thread.emit(ThreadAction::Posted(stored.clone()));
                    self.thread.emit(ThreadAction::Settled(self.local_id()));
                    // 202 Accepted: held for moderation (the reference server's `--moderate`).
                    self.done.emit((stored, f.status == 202));
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
