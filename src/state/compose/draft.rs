//! The reader's draft: what is typed in the compose form, how it is stored locally between visits, and what is
//! posted from it (the form fields, and the local copy of the comment drawn while it is sent).

use std::rc::Rc;

use serde_json::{json, Value};

use crate::model::{Author, Comment};
use crate::source::date::from_epoch_ms;
use crate::source::mapping::PostForm;
use crate::source::markdown::markdown_to_html;
use crate::source::sanitize::Policy;

/// What the reader has typed: saved locally as they type, so a reload or a failed post loses nothing.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Draft {
    /// Display name.
    pub name: String,
    /// E-mail, optional.
    pub email: String,
    /// The comment text (Markdown).
    pub body: String,
}

impl Draft {
    /// The `localStorage` key of the draft for a reply to `parent` (or a new comment) on `article`.
    pub fn storage_key(article: &str, parent: Option<&str>) -> String {
        format!("folio:draft:{article}:{}", parent.unwrap_or("-"))
    }

    /// Read a stored draft (`{"name", "email", "body"}`, each optional); a corrupt one is ignored rather than
    /// trusted. Read from a `Value` by hand: a serde derive would cost the embed more bytes than these lines.
    pub fn from_storage(text: &str) -> Option<Self> {
        let v = serde_json::from_str::<Value>(text).ok()?;
        let field = |key: &str| -> Option<String> {
            match v.get(key) {
                None | Some(Value::Null) => Some(String::new()),
                Some(Value::String(s)) => Some(s.clone()),
                Some(_) => None,
            }
        };
        v.is_object().then_some(())?;
        Some(Self {
            name: field("name")?,
            email: field("email")?,
            body: field("body")?,
        })
    }

    /// The JSON stored for this draft.
    pub fn to_storage(&self) -> String {
        crate::source::json_text(
            &json!({ "name": self.name, "email": self.email, "body": self.body }),
        )
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
            warning: None,
            emoji: Rc::new([]),
        }
    }
}
