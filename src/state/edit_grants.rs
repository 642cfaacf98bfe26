//! The reader's own comments that they may still change: for each, the edit token the server returned at posting
//! time (`Folio-Edit-Token`), until when it works (`Folio-Editable-Until`) and the text as written (the edit form
//! starts from it: the list only has the rendered HTML). Kept in `localStorage`, one entry per article; pure here,
//! so the logic is tested natively.
//!
//! A grant is bound to the origin (scheme, host, port) of the URL the comment was posted to: the token is offered
//! only for edit and delete URLs of that origin, so a comment list that reuses the article's and the comment's
//! ids with another `post` URL never receives it. Stored grants without an origin (older storage) are dropped.

use serde_json::{json, Map, Value};

use crate::source::date::parse_iso8601;
use crate::source::url::origin_of;

/// What proves the reader wrote one comment.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EditGrant {
    /// Sent back as `Authorization: Bearer <token>`.
    pub token: String,
    /// Milliseconds since the epoch after which the server refuses changes.
    pub until_ms: i64,
    /// The text as the reader last wrote it (Markdown).
    pub text: String,
    /// The origin of the URL the comment was posted to ([`origin_of`]): the only origin the token is sent to.
    pub origin: String,
}

impl EditGrant {
    /// A grant from the answer to a post sent to `posted_to`; `None` without a token, a readable date or an http(s)
    /// origin of `posted_to` (nothing to keep).
    pub fn from_headers(
        token: Option<&str>,
        until: Option<&str>,
        text: &str,
        posted_to: &str,
    ) -> Option<Self> {
        let token = token.map(str::trim).filter(|t| !t.is_empty())?;
        let until = parse_iso8601(until?)?;
        Some(Self {
            token: token.to_string(),
            until_ms: until.epoch_ms,
            text: text.to_string(),
            origin: origin_of(posted_to)?,
        })
    }

    /// A stored grant (`{"token", "until_ms", "text", "origin"}`); `None` when it is not one, or has no origin (an
    /// older entry: it could not say where the token may go). Read from a `Value` by hand, not by a serde derive:
    /// the derive's code would cost the embed more bytes than these lines.
    fn from_value(v: &Value) -> Option<Self> {
        Some(Self {
            token: v.get("token")?.as_str()?.to_string(),
            until_ms: v.get("until_ms")?.as_i64()?,
            text: v
                .get("text")
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_string(),
            origin: v
                .get("origin")?
                .as_str()
                .filter(|o| !o.is_empty())?
                .to_string(),
        })
    }

    /// Whether the window is still open at `now_ms`.
    pub fn is_open(&self, now_ms: i64) -> bool {
        now_ms < self.until_ms
    }

    /// Whether the token may be sent to `url`: it has the origin the grant was issued for.
    pub fn allows(&self, url: &str) -> bool {
        !self.origin.is_empty() && origin_of(url).as_deref() == Some(self.origin.as_str())
    }
}

/// The grants of one article, by comment id, in the order they were given. A list, not a map: only the reader's
/// comments still in their edit window are kept (a handful), and a second map type would add its own B-tree code
/// to the wasm (serde_json's objects are the one map the lite module carries).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EditGrants(Vec<(String, EditGrant)>);

impl EditGrants {
    /// The `localStorage` key of an article's grants.
    pub fn storage_key(article: &str) -> String {
        format!("folio:edit:{article}")
    }

    /// Read stored grants (`{"<comment id>": grant, …}`); corrupt storage counts as none, and a corrupt entry is
    /// skipped (the worst case is a missing Edit button).
    pub fn from_storage(text: &str) -> Self {
        let Ok(Value::Object(map)) = serde_json::from_str::<Value>(text) else {
            return Self::default();
        };
        Self(
            map.iter()
                .filter_map(|(id, g)| Some((id.clone(), EditGrant::from_value(g)?)))
                .collect(),
        )
    }

    /// The JSON to store.
    pub fn to_storage(&self) -> String {
        // Inserted one by one: collecting into a map sorts first, and that sort is 4 KB of wasm of its own.
        let mut map = Map::new();
        for (id, g) in &self.0 {
            let grant = json!({
                "token": g.token, "until_ms": g.until_ms, "text": g.text, "origin": g.origin,
            });
            map.insert(id.clone(), grant);
        }
        crate::source::json_text(&Value::Object(map))
    }

    /// The grant for comment `id`, if its window is open at `now_ms` (wherever the token was issued for: to offer
    /// Edit and Delete, ask [`EditGrants::open_for`]).
    pub fn open(&self, id: &str, now_ms: i64) -> Option<&EditGrant> {
        self.get(id).filter(|g| g.is_open(now_ms))
    }

    /// The grant for comment `id` to send to `url` (the comment's edit and delete URL, or the post URL it is built
    /// from): open at `now_ms` and issued for `url`'s origin. Another origin has no grant (no Edit, no Delete).
    pub fn open_for(&self, id: &str, url: &str, now_ms: i64) -> Option<&EditGrant> {
        self.open(id, now_ms).filter(|g| g.allows(url))
    }

    /// Keep a grant for comment `id`, dropping every grant whose window has closed (storage never grows without
    /// bound: only comments still editable are kept.
    pub fn insert(&mut self, id: &str, grant: EditGrant, now_ms: i64) {
        self.0.retain(|(kept, g)| g.is_open(now_ms) && kept != id);
        self.0.push((id.to_string(), grant));
    }

    /// After an edit: the new text.
    pub fn set_text(&mut self, id: &str, text: &str) {
        if let Some((_, g)) = self.0.iter_mut().find(|(kept, _)| kept == id) {
            g.text = text.to_string();
        }
    }

    /// After a delete, or when the server refused the token: forget the grant.
    pub fn remove(&mut self, id: &str) {
        self.0.retain(|(kept, _)| kept != id);
    }

    /// The grant kept for comment `id`, open or not.
    pub fn get(&self, id: &str) -> Option<&EditGrant> {
        self.0.iter().find(|(kept, _)| kept == id).map(|(_, g)| g)
    }

    /// The ids of the comments with a grant kept, oldest grant first.
    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(|(id, _)| id.as_str())
    }
}

#[cfg(test)]
mod tests;
