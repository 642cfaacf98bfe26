//! A live article's entries and body corrections as the API shows them (docs/folio-json.md, "Live articles").

use serde::Serialize;

use super::Author;

/// One entry of a live article, as the article document and its event stream carry it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Entry {
    /// Unique within the article: the seed's id, or `e<number>` for entries published here.
    pub id: String,
    /// RFC 3339 UTC.
    pub published: String,
    /// RFC 3339 UTC, once it was edited.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub updated: Option<String>,
    /// Who wrote it (a name).
    pub author: Author,
    /// Its headline.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The text, in `body_format`.
    pub body: String,
    /// `html`, `markdown` or `text`.
    pub body_format: String,
}

/// A correction of an article's body: the `body` event's data, and what replaces the file's body.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Correction {
    /// The corrected body, in `body_format`.
    pub body: String,
    /// `html`, `markdown` or `text`.
    pub body_format: String,
    /// RFC 3339 UTC.
    pub updated: String,
}

/// An entry as an editor sends it, checked (`input::live`); the store gives it its id and dates.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct NewEntry {
    /// The id to store it under; `None`: the store picks `e<number>`.
    pub id: Option<String>,
    /// The author's name.
    pub author: String,
    /// The headline.
    pub title: Option<String>,
    /// The text.
    pub body: String,
    /// Its format.
    pub format: String,
    /// Unix milliseconds of publication (now, or a seed entry's date when an edit stores it for the first time).
    pub published_at: i64,
}
