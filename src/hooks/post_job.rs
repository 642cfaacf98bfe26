//! One post of a comment, repeatable: the same request with the same idempotency key, so a retry (from the form or
//! from the failed comment in the thread) is recognised by the server and never stores the comment twice.

use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};

use yew::Callback;

use super::storage_remove;
use crate::model::Comment;
use crate::net::{send_json, NetError, DEFAULT_TIMEOUT_MS};
use crate::source::adapter::Outgoing;
use crate::source::Adapter;
use crate::state::{EditGrant, PendingPost, ThreadAction};

/// The registry of a section's posts, by local id: the reader's posts not yet stored (a handful), so a list; a hash
/// map of its own type would add its own copy of the hash table's code to the wasm.
#[derive(Default)]
pub(crate) struct Jobs(RefCell<Vec<PostJob>>);

impl Jobs {
    /// The job of the post with local id `id`.
    pub fn get(&self, id: &str) -> Option<PostJob> {
        self.0.borrow().iter().find(|j| &*j.local.id == id).cloned()
    }

    /// Keep `job`, in place of an earlier attempt of the same post.
    fn keep(&self, job: PostJob) {
        let mut jobs = self.0.borrow_mut();
        jobs.retain(|j| j.local.id != job.local.id);
        jobs.push(job);
    }

    /// Forget the post with local id `id` (stored).
    fn forget(&self, id: &str) {
        self.0.borrow_mut().retain(|j| &*j.local.id != id);
    }
}

/// What one post needs; cloned into every attempt.
#[derive(Clone)]
pub(crate) struct PostJob {
    pub adapter: Rc<Adapter>,
    /// The request, fixed when the reader pressed send.
    pub outgoing: Outgoing,
    /// The comment as written, under its local id: drawn at once as pending.
    pub local: Comment,
    /// The text as written (Markdown), kept with the edit token for a later edit.
    pub text: String,
    /// The draft's storage key, cleared once the server stored the comment.
    pub draft_key: String,
    /// Set while an attempt is in flight (checked synchronously: a double click cannot start two).
    pub in_flight: Rc<Cell<bool>>,
    /// The section's reducer.
    pub dispatch: Callback<ThreadAction>,
    /// Told about the stored comment (the host's `folio:comment-posted`).
    pub on_posted: Callback<Comment>,
    /// The form: `Ok(held)` once stored, or why it failed.
    pub on_outcome: Callback<Result<bool, NetError>>,
    /// The section's registry, which forgets the job once stored (weak: the registry owns the jobs).
    pub jobs: Weak<Jobs>,
}

impl PostJob {
    /// Start one attempt; does nothing while another is in flight.
    pub fn attempt(self) {
        if self.in_flight.replace(true) {
            return;
        }
        if let Some(jobs) = self.jobs.upgrade() {
            jobs.keep(self.clone());
        }
        self.dispatch.emit(ThreadAction::Pending(PendingPost {
            comment: self.local.clone(),
            failure: None,
        }));
        wasm_bindgen_futures::spawn_local(async move {
            let o = &self.outgoing;
            let key = o.idempotency_key.as_deref();
            let result = send_json(
                &o.method,
                &o.url,
                &o.headers,
                Some(&o.body),
                key,
                DEFAULT_TIMEOUT_MS,
            )
            .await;
            self.in_flight.set(false);
            match result {
                Ok(f) => self.stored(f),
                Err(error) => {
                    self.dispatch.emit(ThreadAction::PostFailed {
                        local: self.local.id.clone(),
                        error: error.clone(),
                    });
                    self.on_outcome.emit(Err(error));
                }
            }
        });
    }

    /// The server stored it: the stored comment replaces the pending one (or, if the answer holds none that can be
    /// read, the text as written), its edit token is kept (bound to the origin it was posted to), and the draft is
    /// cleared.
    fn stored(&self, f: crate::net::Fetched) {
        let parent = self.local.parent.clone();
        let answer =
            self.adapter
                .read_post_answer(f.status, &f.headers, &f.text, Some(&f.url), parent);
        let stored = answer.comment.unwrap_or_else(|| Comment {
            id: self.local.id.replacen("pending-", "local-", 1).into(),
            ..self.local.clone()
        });
        let header = |name: &str| {
            f.headers
                .iter()
                .find(|(n, _)| n == name)
                .map(|(_, v)| v.as_str())
        };
        let grant = EditGrant::from_headers(
            header("folio-edit-token"),
            header("folio-editable-until"),
            &self.text,
            &self.outgoing.url,
        );
        if let Some(grant) = grant {
            let (id, now_ms) = (stored.id.clone(), js_sys::Date::now() as i64);
            self.dispatch
                .emit(ThreadAction::Granted { id, grant, now_ms });
        }
        if answer.held {
            self.dispatch.emit(ThreadAction::Held(stored.id.clone()));
        }
        storage_remove(&self.draft_key);
        if let Some(jobs) = self.jobs.upgrade() {
            jobs.forget(&self.local.id);
        }
        self.dispatch.emit(ThreadAction::Posted(stored.clone()));
        self.dispatch
            .emit(ThreadAction::Settled(self.local.id.clone()));
        self.on_posted.emit(stored);
        self.on_outcome.emit(Ok(answer.held));
    }
}
