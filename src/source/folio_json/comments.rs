//! A comment list document → [`CommentList`]: the comments (an object's `comments`, or a bare array), the total,
//! where to post and the next page; and one comment → [`Comment`].

use serde_json::{Map, Value};

use super::super::error::SourceError;
use super::super::markdown::markdown_to_html;
use super::super::sanitize::{sanitize, Policy, SafeHtml};
use super::super::url::safe_link;
use super::parts::{anonymous, author};
use super::read::{bad, count, date, flag, id, id_or_none, link, object, text, wrong};
use super::DEFAULT_MAX_LENGTH;
use crate::model::{Comment, CommentList, PostTarget};

/// Map a comment list document (an object with `comments`, or a bare array).
pub fn comments_from_value(v: &Value, base: Option<&str>) -> Result<CommentList, SourceError> {
    let (items, o) = match v {
        Value::Array(items) => (items.as_slice(), None),
        Value::Object(o) => match o.get("comments") {
            Some(Value::Array(items)) => (items.as_slice(), Some(o)),
            Some(other) => return Err(wrong("/comments", "an array", other)),
            None => {
                return Err(SourceError::MissingField {
                    field: "comments",
                    path: "/comments".into(),
                })
            }
        },
        other => return Err(wrong("", "an object or an array", other)),
    };
    let comments = items
        .iter()
        .enumerate()
        .map(|(i, c)| comment(c, &format!("/comments/{i}"), base))
        .collect::<Result<_, _>>()?;
    let (total, post, next) = match o {
        Some(o) => (
            count(o, "total", "")?,
            post_target(o, base)?,
            link(o, "next", "", base)?,
        ),
        None => (None, None, None),
    };
    Ok(CommentList {
        comments,
        total,
        post,
        next,
        more: Vec::new(),
    })
}

/// Map one comment; `path` locates it for error messages.
pub fn comment(v: &Value, path: &str, base: Option<&str>) -> Result<Comment, SourceError> {
    let o = object(v, path)?;
    let id = id(o.get("id"), &format!("{path}/id"))?.ok_or_else(|| SourceError::MissingField {
        field: "comment id",
        path: format!("{path}/id"),
    })?;
    // "No parent" is written as null, absent, 0 or "" depending on the platform.
    let parent = id_or_none(o.get("parent"), &format!("{path}/parent"))?;
    let deleted = flag(o, "deleted", path)?;
    let body = match (deleted, text(o, "body", path)?) {
        (true, _) | (false, None) => SafeHtml::default(),
        (false, Some(b)) => match text(o, "format", path)?.unwrap_or("markdown") {
            "html" => sanitize(b, Policy::Comment, base),
            "text" => crate::source::sanitize::from_plain_text(b),
            _ => markdown_to_html(b, Policy::Comment, base),
        },
    };
    let author = match o.get("author") {
        None | Some(Value::Null) => anonymous(),
        Some(a) => author(a, &format!("{path}/author"), base)?,
    };
    Ok(Comment {
        id,
        parent,
        author,
        date: date(o, "date", path)?,
        body,
        score: match o.get("score") {
            None | Some(Value::Null) => None,
            Some(Value::Number(n)) => n
                .as_i64()
                .or_else(|| n.as_f64().map(|f| f.clamp(-9e15, 9e15) as i64)),
            Some(other) => return Err(wrong(&format!("{path}/score"), "a number", other)),
        },
        deleted,
        by_article_author: flag(o, "article_author", path)?,
        warning: None,
        emoji: std::rc::Rc::new([]),
    })
}

fn post_target(
    o: &Map<String, Value>,
    base: Option<&str>,
) -> Result<Option<PostTarget>, SourceError> {
    let (url, max) = match o.get("post") {
        None | Some(Value::Null) => return Ok(None),
        Some(Value::String(url)) => (url.as_str(), None),
        Some(Value::Object(p)) => {
            let url = text(p, "url", "/post")?.ok_or(SourceError::MissingField {
                field: "post url",
                path: "/post/url".into(),
            })?;
            (url, count(p, "max_length", "/post")?)
        }
        Some(other) => return Err(wrong("/post", "a URL or an object", other)),
    };
    let url = safe_link(base, url).ok_or_else(|| bad("/post", "not an http(s) URL".into()))?;
    Ok(Some(PostTarget {
        url: url.into(),
        max_length: max.unwrap_or(DEFAULT_MAX_LENGTH),
    }))
}
