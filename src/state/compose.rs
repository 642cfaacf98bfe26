//! The compose form's state: the draft ([`Draft`], in [`draft`]), where its post stands and the idempotency key
//! of the comment being sent, changed only through [`ComposeAction`]s.

mod draft;

use std::rc::Rc;

pub use draft::Draft;

use super::NetError;

/// Where a post stands.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum PostStatus {
    /// Nothing sent yet (or the last post succeeded).
    #[default]
    Idle,
    /// A post is in flight: the send button is disabled, so a double click cannot post twice.
    Sending,
    /// The last post failed; the text is still in the form.
    Failed(NetError),
}

/// The compose form: the draft, the post status and the idempotency key of the comment being sent.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ComposeState {
    /// What is typed.
    pub draft: Draft,
    /// Where the post stands.
    pub status: PostStatus,
    /// Sent with every attempt at the same text, so a retry after a timeout is recognised by the server.
    pub idempotency_key: Option<String>,
}

/// What the reader (or the network) does to the form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ComposeAction {
    /// A field changed.
    Name(String),
    /// A field changed.
    Email(String),
    /// A field changed.
    Body(String),
    /// The reader pressed send; carries a fresh key to use if this text has none yet.
    Send(String),
    /// The server stored the comment.
    Sent,
    /// The post failed.
    Failed(NetError),
    /// A draft read from storage after the form was first drawn (a page taken over from a server, which has no
    /// storage): each field is taken only where the reader has typed nothing yet, so no keystroke is lost.
    Restore(Draft),
}

impl ComposeState {
    /// Apply an action (pure; the component wraps it).
    pub fn apply(mut self, action: ComposeAction) -> Self {
        match action {
            ComposeAction::Name(v) => self.draft.name = v,
            ComposeAction::Email(v) => self.draft.email = v,
            ComposeAction::Body(v) => {
                if v != self.draft.body {
                    // New text is a new comment: a retry of the old one must not be confused with it.
                    self.idempotency_key = None;
                }
                self.draft.body = v;
            }
            ComposeAction::Send(fresh_key) => {
                if self.can_send() {
                    self.status = PostStatus::Sending;
                    self.idempotency_key.get_or_insert(fresh_key);
                }
            }
            ComposeAction::Sent => {
                // The name and e-mail stay for the next comment; only the text is cleared.
                self.draft.body.clear();
                self.status = PostStatus::Idle;
                self.idempotency_key = None;
            }
            ComposeAction::Failed(e) => self.status = PostStatus::Failed(e),
            ComposeAction::Restore(stored) => {
                let fill = |field: &mut String, stored: String| {
                    if field.is_empty() {
                        *field = stored;
                    }
                };
                fill(&mut self.draft.name, stored.name);
                fill(&mut self.draft.email, stored.email);
                fill(&mut self.draft.body, stored.body);
            }
        }
        self
    }

    /// What the server said about form field `field` when it refused the last post (a Folio error body names the
    /// field: `name`, `email`, `body`, or a path ending in it).
    pub fn field_error(&self, field: &str) -> Option<String> {
        let PostStatus::Failed(e) = &self.status else {
            return None;
        };
        let m = e.server_message()?;
        let f = m.field.as_deref()?;
        (f == field || f.ends_with(&format!(".{field}")))
            .then(|| m.message.clone())
            .flatten()
    }

    /// Sending is possible when nothing is in flight and there is text and a name.
    pub fn can_send(&self) -> bool {
        self.status != PostStatus::Sending
            && !self.draft.body.trim().is_empty()
            && !self.draft.name.trim().is_empty()
    }
}

impl yew::Reducible for ComposeState {
    type Action = ComposeAction;

    fn reduce(self: Rc<Self>, action: ComposeAction) -> Rc<Self> {
        Rc::new((*self).clone().apply(action))
    }
}

#[cfg(test)]
mod tests;
