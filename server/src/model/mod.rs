//! The Folio JSON documents this server writes: the comment object and the comment list, and a live article's
//! entries and body corrections (see `docs/folio-json.md`).

mod live;

use serde::Serialize;

pub use live::{Correction, Entry, NewEntry};

/// The format version written in every document.
pub const FOLIO_VERSION: &str = "1";
/// The longest comment body accepted, in characters; also advertised as `post.max_length`.
pub const MAX_BODY_CHARS: usize = 5000;

/// A comment as the API shows it. Absent optional fields are left out of the JSON.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Comment {
    /// Unique within the article: a seed id, or `p<number>` for posted comments.
    pub id: String,
    /// The answered comment's id; serialised as `null` for a top-level comment.
    pub parent: Option<String>,
    /// Who wrote it. The email is never part of this.
    pub author: Author,
    /// RFC 3339 UTC; absent only for a seed comment that had no usable date.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// The text, in `format`.
    pub body: String,
    /// `markdown`, `html` (seeds only) or `text`.
    pub format: String,
    /// Votes, when the seed had them.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub score: Option<i64>,
    /// Removed comments stay as placeholders so their replies keep their place.
    pub deleted: bool,
    /// Written by the article's author; only written out when true.
    #[serde(skip_serializing_if = "is_false")]
    pub article_author: bool,
}

/// The public part of a comment's author.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Author {
    /// Display name.
    pub name: String,
    /// Link to the author's page.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Picture URL.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub avatar: Option<String>,
}

/// The comment list document of one article.
#[derive(Debug, Serialize)]
pub struct CommentList {
    /// Always [`FOLIO_VERSION`].
    pub folio: &'static str,
    /// The article id.
    pub article: String,
    /// The number of comments in the whole thread (more than `comments` holds when the list is paged).
    pub total: usize,
    /// The next page's root-relative URL, when the list is paged and more follow (`paging`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next: Option<String>,
    /// Where and how to post.
    pub post: PostInfo,
    /// A Server-Sent Events stream of the comments posted from now on (root-relative); left out (empty) with
    /// `--no-events`, and clients poll the list instead.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub events: String,
    /// Ordered by date, then by the order they were stored.
    pub comments: Vec<Comment>,
}

/// The `post` member of a comment list.
#[derive(Debug, Serialize)]
pub struct PostInfo {
    /// Root-relative, so it resolves the same from `/api/…` and from `/demo/comments/…`.
    pub url: String,
    /// [`MAX_BODY_CHARS`].
    pub max_length: usize,
}

impl CommentList {
    /// Wraps an article's comments into the list document.
    pub fn new(article: &str, comments: Vec<Comment>) -> Self {
        CommentList {
            folio: FOLIO_VERSION,
            article: article.to_owned(),
            total: comments.len(),
            next: None,
            post: PostInfo {
                url: format!("/api/articles/{article}/comments"),
                max_length: MAX_BODY_CHARS,
            },
            events: format!("/api/articles/{article}/events"),
            comments,
        }
    }
}

fn is_false(value: &bool) -> bool {
    !*value
}

/// Article ids are `^[a-z0-9][a-z0-9-]{0,100}$`: safe as a file name, so no path tricks.
pub fn is_valid_article_id(id: &str) -> bool {
    let bytes = id.as_bytes();
    let allowed = |b: &u8| b.is_ascii_lowercase() || b.is_ascii_digit() || *b == b'-';
    match bytes.first() {
        Some(first) if *first != b'-' && allowed(first) => {
            bytes.len() <= 101 && bytes.iter().all(allowed)
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests;
