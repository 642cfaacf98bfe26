//! The `comments` section: where the comments are, the fields of one comment, and how to post.

use std::collections::BTreeMap;

use serde::Deserialize;
use serde_json::Value;

use super::{Field, Pagination, Threading};

/// Where comments come from and how they fit together.
#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct CommentsMap {
    /// URL template, with `{path}` placeholders read from the article object (`.../comments?post={id}`).
    /// Absent: the article's `comments_url`; `"{self}"`: the article document itself (comments inside it).
    #[serde(default)]
    pub url: Option<String>,
    /// Where the comment items are in the comments document; default: the document, if it is an array.
    #[serde(default)]
    pub items: Option<Field>,
    /// How comments are threaded.
    #[serde(default)]
    pub threading: Threading,
    /// Fields of one comment.
    #[serde(default)]
    pub comment: CommentMap,
    /// The total the API reports.
    #[serde(default)]
    pub total: Option<Field>,
    /// How further pages are found.
    #[serde(default)]
    pub pagination: Option<Pagination>,
    /// How new comments are posted; absent or `read_only`: read-only.
    #[serde(default)]
    pub post: Option<PostMap>,
    /// The platform does not take anonymous comments.
    #[serde(default)]
    pub read_only: bool,
}

/// Fields of one comment.
#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct CommentMap {
    /// Read the comment's fields inside this wrapper object (Reddit's `data`).
    pub wrapper: Option<String>,
    /// Leave out items for which this is true (read on the item before the wrapper): "more" stubs, the opening post.
    pub skip: Option<Field>,
    pub id: Option<Field>,
    pub author: Option<Field>,
    pub author_url: Option<Field>,
    pub avatar: Option<Field>,
    pub date: Option<Field>,
    pub body: Option<Field>,
    pub score: Option<Field>,
    pub deleted: Option<Field>,
    pub by_article_author: Option<Field>,
}

/// How a new comment is posted.
#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct PostMap {
    /// URL template (`{path}` placeholders read from the article object), resolved against the comments URL.
    #[serde(default)]
    pub url: Option<String>,
    /// Or: where the comments document gives the post URL (Folio's `post`).
    #[serde(default)]
    pub url_from: Option<Field>,
    /// Where the comments document gives the length limit.
    #[serde(default)]
    pub max_length_from: Option<Field>,
    /// HTTP method (default `POST`).
    #[serde(default)]
    pub method: Option<String>,
    /// Extra request headers.
    #[serde(default)]
    pub headers: BTreeMap<String, String>,
    /// The JSON body; strings `{text}`, `{html}`, `{name}`, `{email}`, `{parent}`, `{parent_or_0}` and
    /// `{article.<path>}` are replaced, and objects with `"$if": "{parent}"` are `null` without a parent.
    /// Absent: Folio's own comment format.
    #[serde(default)]
    pub body: Option<Value>,
    /// How the response maps back to a comment (absent: Folio's format).
    #[serde(default)]
    pub response: Option<CommentMap>,
    /// A flag on the response: the comment waits for a moderator (WordPress `"status": "hold"`).
    #[serde(default)]
    pub held: Option<Field>,
    /// The server's length limit.
    #[serde(default)]
    pub max_length: Option<usize>,
}
