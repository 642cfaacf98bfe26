//! The reader's own comments that they may still change: for each, the edit token the server returned at posting
//! time (`Folio-Edit-Token`), until when it works (`Folio-Editable-Until`) and the text as written (the edit form
//! starts from it: the list only has the rendered HTML). Kept in `localStorage`, one entry per article; pure here,
//! so the logic is tested natively.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::source::date::parse_iso8601;

/// What proves the reader wrote one comment.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EditGrant {
    /// Sent back as `Authorization: Bearer <token>`.
    pub token: String,
    /// Milliseconds since the epoch after which the server refuses changes.
    pub until_ms: i64,
    /// The text as the reader last wrote it (Markdown).
    #[serde(default)]
    pub text: String,
}

impl EditGrant {
    /// A grant from the posting answer's headers; `None` without a token or a readable date (nothing to keep).
    pub fn from_headers(token: Option<&str>, until: Option<&str>, text: &str) -> Option<Self> {
        let token = token.map(str::trim).filter(|t| !t.is_empty())?;
        let until = parse_iso8601(until?)?;
        Some(Self {
            token: token.to_string(),
            until_ms: until.epoch_ms,
            text: text.to_string(),
        })
    }

    /// Whether the window is still open at `now_ms`.
    pub fn is_open(&self, now_ms: i64) -> bool {
        now_ms < self.until_ms
    }
}

/// The grants of one article, by comment id.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct EditGrants(pub BTreeMap<String, EditGrant>);

impl EditGrants {
    /// The `localStorage` key of an article's grants.
    pub fn storage_key(article: &str) -> String {
        format!("folio:edit:{article}")
    }

    /// Read stored grants; corrupt storage counts as none (the worst case is a missing Edit button).
    pub fn from_storage(text: &str) -> Self {
        serde_json::from_str(text).unwrap_or_default()
    }

    /// The JSON to store.
    pub fn to_storage(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// The grant for comment `id`, if its window is open at `now_ms`.
    pub fn open(&self, id: &str, now_ms: i64) -> Option<&EditGrant> {
        self.0.get(id).filter(|g| g.is_open(now_ms))
    }

    /// Keep a grant for comment `id`, dropping every grant whose window has closed (storage never grows without
    /// bound: only comments still editable are kept.
    pub fn insert(&mut self, id: &str, grant: EditGrant, now_ms: i64) {
        self.0.retain(|_, g| g.is_open(now_ms));
        self.0.insert(id.to_string(), grant);
    }

    /// After an edit: the new text.
    pub fn set_text(&mut self, id: &str, text: &str) {
        if let Some(g) = self.0.get_mut(id) {
            g.text = text.to_string();
        }
    }

    /// After a delete, or when the server refused the token: forget the grant.
    pub fn remove(&mut self, id: &str) {
        self.0.remove(id);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOW: i64 = 1_700_000_000_000;

    fn grant(until_ms: i64) -> EditGrant {
        EditGrant {
            token: "t".into(),
            until_ms,
            text: "Hi".into(),
        }
    }

    // The posting answer's headers make a grant; no token, or a date that cannot be read, makes none.
    #[test]
    fn grant_from_headers() {
        let g = EditGrant::from_headers(Some("abc"), Some("2023-11-14T22:13:20Z"), "Hi")
            .expect("a grant");
        assert_eq!(g.token, "abc");
        assert_eq!(g.until_ms, NOW);
        assert!(g.is_open(NOW - 1) && !g.is_open(NOW));
        assert_eq!(
            EditGrant::from_headers(None, Some("2023-11-14T22:13:20Z"), ""),
            None
        );
        assert_eq!(
            EditGrant::from_headers(Some(" "), Some("2023-11-14T22:13:20Z"), ""),
            None
        );
        assert_eq!(EditGrant::from_headers(Some("abc"), Some("soon"), ""), None);
        assert_eq!(EditGrant::from_headers(Some("abc"), None, ""), None);
    }

    // Only grants whose window is open are offered, and inserting one prunes the expired ones.
    #[test]
    fn expired_grants_are_not_offered_and_are_pruned() {
        let mut g = EditGrants::default();
        g.insert("old", grant(NOW - 1), NOW - 10);
        g.insert("new", grant(NOW + 60_000), NOW);
        assert_eq!(g.open("new", NOW).map(|x| x.token.as_str()), Some("t"));
        assert_eq!(g.open("old", NOW), None);
        assert!(!g.0.contains_key("old"), "pruned when a new grant was kept");
        assert_eq!(g.open("unknown", NOW), None);
    }

    // Grants round-trip through storage under a per-article key; corrupt storage is no grants at all.
    #[test]
    fn storage_round_trip() {
        let mut g = EditGrants::default();
        g.insert("c1", grant(NOW + 1), NOW);
        assert_eq!(EditGrants::from_storage(&g.to_storage()), g);
        assert_eq!(EditGrants::from_storage("{not json"), EditGrants::default());
        assert_eq!(
            EditGrants::from_storage(r#"{"c1": 3}"#),
            EditGrants::default()
        );
        assert_eq!(
            EditGrants::storage_key("night-trains"),
            "folio:edit:night-trains"
        );
    }

    // An edit keeps the new text for the next edit; a delete forgets the grant.
    #[test]
    fn edit_then_delete() {
        let mut g = EditGrants::default();
        g.insert("c1", grant(NOW + 1), NOW);
        g.set_text("c1", "Hello");
        assert_eq!(g.open("c1", NOW).map(|x| x.text.as_str()), Some("Hello"));
        g.set_text("unknown", "x");
        assert_eq!(g.0.len(), 1, "no grant made up by an edit");
        g.remove("c1");
        assert_eq!(g.open("c1", NOW), None);
    }
}
