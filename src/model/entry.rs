use std::rc::Rc;

use super::{sort_vec_by, Author, SafeHtml, Timestamp};

/// One timestamped update of a live article (a live blog's entry): drawn newest first, each with its own anchor.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    /// Unique within the article: the key that tells a new entry from a changed one, and its anchor
    /// (`#entry-<id>`).
    pub id: Rc<str>,
    /// When it was first published (entries without a date sort last).
    pub published: Option<Timestamp>,
    /// When it was last changed, if it was.
    pub updated: Option<Timestamp>,
    /// Who wrote it.
    pub author: Option<Author>,
    /// Its headline, plain text.
    pub title: Option<Rc<str>>,
    /// Its text, sanitised, in top-level blocks.
    pub body: Rc<[SafeHtml]>,
}

/// The order a live blog is drawn in: newest publication first; undated entries last; ties by id, so the order is
/// the same on every reload.
pub fn newest_first(a: &Entry, b: &Entry) -> std::cmp::Ordering {
    let at = |e: &Entry| e.published.as_ref().map(|t| t.epoch_ms);
    at(b).cmp(&at(a)).then_with(|| b.id.cmp(&a.id))
}

/// Sorts a live blog's entries [`newest_first`], through the crate's one sort (`model::sort_vec_by`).
pub fn sort_newest_first(entries: &mut Vec<Entry>) {
    sort_vec_by(entries, newest_first);
}
