use std::rc::Rc;

use serde::{Deserialize, Serialize};

use super::NetError;
use crate::model::{Author, Comment};
use crate::source::date::from_epoch_ms;
use crate::source::mapping::PostForm;
use crate::source::markdown::markdown_to_html;
use crate::source::sanitize::Policy;

/// What the reader has typed: saved locally as they type, so a reload or a failed post loses nothing.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Draft {
    /// Display name.
    #[serde(default)]
    pub name: String,
    /// E-mail, optional.
    #[serde(default)]
    pub email: String,
    /// The comment text (Markdown).
    #[serde(default)]
    pub body: String,
}

impl Draft {
    /// The `localStorage` key of the draft for a reply to `parent` (or a new comment) on `article`.
    pub fn storage_key(article: &str, parent: Option<&str>) -> String {
        format!("folio:draft:{article}:{}", parent.unwrap_or("-"))
    }

    /// Read a stored draft; a corrupt one is ignored rather than trusted.
    pub fn from_storage(text: &str) -> Option<Self> {
        serde_json::from_str(text).ok()
    }

    /// The JSON stored for this draft.
    pub fn to_storage(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// The fields as they are posted: name and e-mail trimmed, the text as written.
    pub fn form(&self, parent: Option<&str>) -> PostForm {
        PostForm {
            text: self.body.clone(),
            name: self.name.trim().to_string(),
            email: self.email.trim().to_string(),
            parent: parent.map(str::to_string),
        }
    }

    /// The comment as the reader wrote it: drawn at once while it is sent, and kept when a server stores it but
    /// answers with nothing usable.
    pub fn local_comment(&self, id: Rc<str>, parent: Option<Rc<str>>, now_ms: i64) -> Comment {
        Comment {
            id,
            parent,
            author: Author {
                name: self.name.trim().into(),
                url: None,
                avatar: None,
            },
            date: Some(from_epoch_ms(now_ms)),
            body: markdown_to_html(&self.body, Policy::Comment, None),
            score: None,
            deleted: false,
            by_article_author: false,
        }
    }
}

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
        }
        self
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
mod tests {
    use super::*;

    fn filled() -> ComposeState {
        ComposeState::default()
            .apply(ComposeAction::Name("Ana".into()))
            .apply(ComposeAction::Body("Hola".into()))
    }

    // While a post is in flight a second send does nothing: a double click posts once.
    #[test]
    fn no_second_send_while_sending() {
        let s = filled().apply(ComposeAction::Send("k1".into()));
        assert_eq!(s.status, PostStatus::Sending);
        assert!(!s.can_send());
        let again = s.clone().apply(ComposeAction::Send("k2".into()));
        assert_eq!(again, s);
    }

    // A retry after a failure reuses the key; editing the text makes a new comment with a new key.
    #[test]
    fn retry_keeps_key_edit_changes_it() {
        let s = filled()
            .apply(ComposeAction::Send("k1".into()))
            .apply(ComposeAction::Failed(NetError::Offline));
        assert_eq!(s.draft.body, "Hola", "the text survives a failed post");
        let retry = s.clone().apply(ComposeAction::Send("k2".into()));
        assert_eq!(retry.idempotency_key.as_deref(), Some("k1"));
        let edited = s
            .apply(ComposeAction::Body("Hola!".into()))
            .apply(ComposeAction::Send("k3".into()));
        assert_eq!(edited.idempotency_key.as_deref(), Some("k3"));
    }

    // Success clears the text only, and empty comments cannot be sent.
    #[test]
    fn sent_clears_body_only() {
        let s = filled()
            .apply(ComposeAction::Send("k".into()))
            .apply(ComposeAction::Sent);
        assert_eq!(s.draft.name, "Ana");
        assert!(s.draft.body.is_empty());
        assert!(!s.can_send());
    }

    // Drafts round-trip through storage; corrupt storage is ignored.
    #[test]
    fn draft_storage() {
        let d = Draft {
            name: "A".into(),
            email: String::new(),
            body: "x\ny".into(),
        };
        assert_eq!(Draft::from_storage(&d.to_storage()), Some(d));
        assert_eq!(Draft::from_storage("{not json"), None);
        assert_eq!(Draft::storage_key("a1", Some("c3")), "folio:draft:a1:c3");
    }

    // The form's fields trimmed as they are posted; the comment drawn at once is the text rendered as written.
    #[test]
    fn form_and_local_comment() {
        let d = Draft {
            name: " Ana ".into(),
            email: " a@b.example ".into(),
            body: "Hola **mundo**".into(),
        };
        let f = d.form(Some("c1"));
        assert_eq!((f.name.as_str(), f.email.as_str()), ("Ana", "a@b.example"));
        assert_eq!(
            (f.text.as_str(), f.parent.as_deref()),
            ("Hola **mundo**", Some("c1"))
        );
        let c = d.local_comment("pending-k".into(), Some("c1".into()), 1_700_000_000_000);
        assert_eq!(
            (&*c.id, c.parent.as_deref(), &*c.author.name),
            ("pending-k", Some("c1"), "Ana")
        );
        assert!(c.body.as_str().contains("<strong>mundo</strong>"));
        assert_eq!(c.date.map(|d| d.epoch_ms), Some(1_700_000_000_000));
    }
}
