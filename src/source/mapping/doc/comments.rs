//! The `comments` section: where the comments are, the fields of one comment, and how to post.

use std::collections::BTreeMap;

use serde_json::Value;

use super::fields::Fields;
use super::read::{count, expected, join, string, Read};
use super::{Field, Pagination, Threading};

/// Where comments come from and how they fit together.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CommentsMap {
    /// URL template, with `{path}` placeholders read from the article object (`.../comments?post={id}`).
    /// Absent: the article's `comments_url`; `"{self}"`: the article document itself (comments inside it).
    pub url: Option<String>,
    /// Where the comment items are in the comments document; default: the document, if it is an array.
    pub items: Option<Field>,
    /// How comments are threaded.
    pub threading: Threading,
    /// Fields of one comment.
    pub comment: CommentMap,
    /// The total the API reports.
    pub total: Option<Field>,
    /// The total as the article object gives it (Mastodon's `replies_count`), when `total` gives none.
    pub article_total: Option<Field>,
    /// How further pages are found.
    pub pagination: Option<Pagination>,
    /// How new comments are posted; absent or `read_only`: read-only.
    pub post: Option<PostMap>,
    /// The platform does not take anonymous comments.
    pub read_only: bool,
}

/// Fields of one comment.
#[derive(Clone, Debug, Default, PartialEq)]
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
    /// A content warning: the comment is drawn collapsed behind this text (Mastodon's `spoiler_text`).
    pub warning: Option<Field>,
    /// A flag: collapsed behind a generic warning when `warning` gives no text (Mastodon's `sensitive`).
    pub sensitive: Option<Field>,
    /// The comment's custom emoji.
    pub emoji: Option<EmojiMap>,
    /// How many replies the comment has in all, as the API counts them (Ghost's `count.replies`): when the list
    /// holds fewer, an "N more replies" stub under the comment stands for the rest.
    pub reply_count: Option<Field>,
    /// Where those left-out replies are fetched, read on the comment and resolved against the list's URL; the
    /// answer is a document of the list's own shape (Ghost's `/members/api/comments/<id>/replies/`).
    pub replies_url: Option<Field>,
}

/// Where a comment's custom emoji are: a list (`each`), and on each item its shortcode and picture.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct EmojiMap {
    /// The emoji items (Mastodon's `emojis`).
    pub each: Option<Field>,
    /// The shortcode, without colons (`shortcode`).
    pub code: Option<Field>,
    /// The picture (`static_url`: not animated).
    pub url: Option<Field>,
}

impl EmojiMap {
    fn read(v: &Value, path: &str) -> Read<Self> {
        let mut f = Fields::new(v, path)?;
        let e = Self {
            each: f.opt_field("each"),
            code: f.opt_field("code"),
            url: f.opt_field("url"),
        };
        f.finish().map(|()| e)
    }
}

/// How a new comment is posted.
#[derive(Clone, Debug, PartialEq)]
pub struct PostMap {
    /// URL template (`{path}` placeholders read from the article object), resolved against the comments URL.
    pub url: Option<String>,
    /// Or: where the comments document gives the post URL (Folio's `post`).
    pub url_from: Option<Field>,
    /// Where the comments document gives the length limit.
    pub max_length_from: Option<Field>,
    /// HTTP method (default `POST`).
    pub method: Option<String>,
    /// Extra request headers.
    pub headers: BTreeMap<String, String>,
    /// The JSON body; strings `{text}`, `{html}`, `{name}`, `{email}`, `{parent}`, `{parent_or_0}` and
    /// `{article.<path>}` are replaced, and objects with `"$if": "{parent}"` are `null` without a parent.
    /// Absent: Folio's own comment format.
    pub body: Option<Value>,
    /// How the response maps back to a comment (absent: Folio's format).
    pub response: Option<CommentMap>,
    /// A flag on the response: the comment waits for a moderator (WordPress `"status": "hold"`).
    pub held: Option<Field>,
    /// The server's length limit.
    pub max_length: Option<usize>,
}

impl CommentsMap {
    /// Reads the `comments` section.
    pub(super) fn read(v: &Value, path: &str) -> Read<Self> {
        let mut f = Fields::new(v, path)?;
        let comments = Self {
            url: f.opt_str("url"),
            items: f.opt_field("items"),
            threading: f.with("threading", false, Threading::read),
            comment: f.with("comment", false, CommentMap::read),
            total: f.opt_field("total"),
            article_total: f.opt_field("article_total"),
            pagination: f.opt_with("pagination", Pagination::read),
            post: f.opt_with("post", PostMap::read),
            read_only: f.bool("read_only"),
        };
        f.finish().map(|()| comments)
    }
}

impl CommentMap {
    fn read(v: &Value, path: &str) -> Read<Self> {
        let mut f = Fields::new(v, path)?;
        let comment = Self {
            wrapper: f.opt_str("wrapper"),
            skip: f.opt_field("skip"),
            id: f.opt_field("id"),
            author: f.opt_field("author"),
            author_url: f.opt_field("author_url"),
            avatar: f.opt_field("avatar"),
            date: f.opt_field("date"),
            body: f.opt_field("body"),
            score: f.opt_field("score"),
            deleted: f.opt_field("deleted"),
            by_article_author: f.opt_field("by_article_author"),
            warning: f.opt_field("warning"),
            sensitive: f.opt_field("sensitive"),
            emoji: f.opt_with("emoji", EmojiMap::read),
            reply_count: f.opt_field("reply_count"),
            replies_url: f.opt_field("replies_url"),
        };
        f.finish().map(|()| comment)
    }
}

impl PostMap {
    fn read(v: &Value, path: &str) -> Read<Self> {
        let mut f = Fields::new(v, path)?;
        let post = Self {
            url: f.opt_str("url"),
            url_from: f.opt_field("url_from"),
            max_length_from: f.opt_field("max_length_from"),
            method: f.opt_str("method"),
            headers: f.with("headers", false, headers),
            body: f.opt("body").cloned(),
            response: f.opt_with("response", CommentMap::read),
            held: f.opt_field("held"),
            max_length: f.opt_with("max_length", count),
        };
        f.finish().map(|()| post)
    }
}

/// Request headers: an object of strings.
fn headers(v: &Value, path: &str) -> Read<BTreeMap<String, String>> {
    let map = v
        .as_object()
        .ok_or_else(|| expected(path, "an object", v))?;
    map.iter()
        .map(|(k, h)| Ok((k.clone(), string(h, &join(path, k))?)))
        .collect()
}
