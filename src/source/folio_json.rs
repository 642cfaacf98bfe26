//! The Folio JSON format (docs/folio-json.md) → model. Reads `serde_json::Value` rather than typed structs so that
//! every wrong type is reported with its JSON path, and optional fields that are absent are simply left out.

use std::rc::Rc;

use serde_json::{Map, Value};

use super::date::{from_unix, parse_iso8601};
use super::error::SourceError;
use super::markdown::{markdown_blocks, markdown_to_html};
use super::sanitize::{sanitize, sanitize_blocks, Policy, SafeHtml};
use super::url::{safe_image, safe_link};
use crate::model::{
    Article, Author, Comment, CommentList, Crumb, Hero, PostTarget, Related, Tag, TextDirection,
    Timestamp,
};

/// The comment length limit assumed when a server does not state one.
pub const DEFAULT_MAX_LENGTH: usize = 5000;

pub use super::error::parse_json;

/// An article document, fetched from `base` (used to resolve relative URLs).
pub fn parse_article(text: &str, base: Option<&str>) -> Result<Article, SourceError> {
    article_from_value(&parse_json(text)?, base)
}

/// A comment list document, fetched from `base`.
pub fn parse_comments(text: &str, base: Option<&str>) -> Result<CommentList, SourceError> {
    comments_from_value(&parse_json(text)?, base)
}

/// Map an article document.
pub fn article_from_value(v: &Value, base: Option<&str>) -> Result<Article, SourceError> {
    let o = object(v, "")?;
    let title = text(o, "title", "")?
        .map(str::trim)
        .filter(|t| !t.is_empty());
    let title = title.ok_or(SourceError::MissingField {
        field: "title",
        path: "/title".into(),
    })?;
    let body_text = text(o, "body", "")?.ok_or(SourceError::MissingField {
        field: "body",
        path: "/body".into(),
    })?;
    let format = text(o, "body_format", "")?.unwrap_or("html");
    let body = match format {
        "html" => sanitize_blocks(body_text, Policy::Article, base),
        "markdown" => markdown_blocks(body_text, Policy::Article, base),
        "text" => body_text
            .split("\n\n")
            .filter(|p| !p.trim().is_empty())
            .map(crate::source::sanitize::from_plain_text)
            .collect(),
        other => {
            return Err(bad(
                "/body_format",
                format!("unknown format \"{other}\" (html, markdown or text)"),
            ))
        }
    };
    let lang = text(o, "lang", "")?.map(Rc::from);
    let dir = match text(o, "dir", "")? {
        Some("rtl") => TextDirection::Rtl,
        Some("ltr") => TextDirection::Ltr,
        Some("auto") => TextDirection::Auto,
        Some(other) => return Err(bad("/dir", format!("\"{other}\" is not ltr, rtl or auto"))),
        None => lang
            .as_deref()
            .map_or(TextDirection::Auto, TextDirection::of_language),
    };
    Ok(Article {
        id: id(o.get("id"), "/id")?.unwrap_or_else(|| Rc::from(title)),
        url: text(o, "url", "")?
            .and_then(|u| safe_link(base, u))
            .map(Rc::from),
        section: list(o, "section", "", |v, p| crumb(v, p, base))?.into(),
        label: plain(o, "label", "")?,
        title: Rc::from(title),
        standfirst: plain(o, "standfirst", "")?,
        authors: list(o, "authors", "", |v, p| author(v, p, base))?.into(),
        published: date(o, "published", "")?,
        updated: date(o, "updated", "")?,
        hero: o
            .get("hero")
            .filter(|h| !h.is_null())
            .map(|h| hero(h, "/hero", base))
            .transpose()?
            .flatten(),
        body: body.into(),
        related: list(o, "related", "", |v, p| related(v, p, base))?
            .into_iter()
            .flatten()
            .collect(),
        tags: list(o, "tags", "", |v, p| tag(v, p, base))?.into(),
        lang,
        dir,
        audio: text(o, "audio", "")?
            .and_then(|u| safe_image(base, u))
            .map(Rc::from),
        live: flag(o, "live", "")?,
        comments_url: text(o, "comments", "")?
            .and_then(|u| safe_link(base, u))
            .map(Rc::from),
    })
}

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

fn crumb(v: &Value, path: &str, base: Option<&str>) -> Result<Crumb, SourceError> {
    match v {
        Value::String(s) => Ok(Crumb {
            label: s.trim().into(),
            url: None,
        }),
        _ => {
            let o = object(v, path)?;
            let label = plain(o, "label", path)?.ok_or_else(|| SourceError::MissingField {
                field: "section label",
                path: format!("{path}/label"),
            })?;
            Ok(Crumb {
                label,
                url: link(o, "url", path, base)?,
            })
        }
    }
}

fn author(v: &Value, path: &str, base: Option<&str>) -> Result<Author, SourceError> {
    match v {
        Value::String(s) if !s.trim().is_empty() => Ok(Author {
            name: s.trim().into(),
            url: None,
            avatar: None,
        }),
        Value::String(_) => Ok(anonymous()),
        _ => {
            let o = object(v, path)?;
            Ok(Author {
                name: plain(o, "name", path)?.unwrap_or_else(|| anonymous().name),
                url: link(o, "url", path, base)?,
                avatar: text(o, "avatar", path)?
                    .and_then(|u| safe_image(base, u))
                    .map(Rc::from),
            })
        }
    }
}

pub(crate) fn anonymous() -> Author {
    Author {
        name: "Anonymous".into(),
        url: None,
        avatar: None,
    }
}

fn hero(v: &Value, path: &str, base: Option<&str>) -> Result<Option<Hero>, SourceError> {
    let o = object(v, path)?;
    let Some(src) = text(o, "src", path)?.and_then(|s| safe_image(base, s)) else {
        return Ok(None); // An unusable image is left out, not an error: the article still reads.
    };
    let size = match (count(o, "width", path)?, count(o, "height", path)?) {
        (Some(w), Some(h)) if w > 0 && h > 0 => u32::try_from(w).ok().zip(u32::try_from(h).ok()),
        _ => None,
    };
    Ok(Some(Hero {
        src: src.into(),
        alt: plain(o, "alt", path)?.unwrap_or_else(|| "".into()),
        caption: plain(o, "caption", path)?,
        credit: plain(o, "credit", path)?,
        size,
    }))
}

fn related(v: &Value, path: &str, base: Option<&str>) -> Result<Option<Related>, SourceError> {
    let o = object(v, path)?;
    let title = plain(o, "title", path)?;
    let url = link(o, "url", path, base)?;
    let after = count(o, "after", path)?;
    Ok(title
        .zip(url)
        .map(|(title, url)| Related { title, url, after }))
}

fn tag(v: &Value, path: &str, base: Option<&str>) -> Result<Tag, SourceError> {
    match v {
        Value::String(s) => Ok(Tag {
            label: s.trim().into(),
            url: None,
        }),
        _ => {
            let o = object(v, path)?;
            let label = plain(o, "label", path)?.ok_or_else(|| SourceError::MissingField {
                field: "tag label",
                path: format!("{path}/label"),
            })?;
            Ok(Tag {
                label,
                url: link(o, "url", path, base)?,
            })
        }
    }
}

// ---- small readers that know their JSON path ----

fn object<'a>(v: &'a Value, path: &str) -> Result<&'a Map<String, Value>, SourceError> {
    v.as_object()
        .ok_or_else(|| wrong(if path.is_empty() { "/" } else { path }, "an object", v))
}

fn text<'a>(
    o: &'a Map<String, Value>,
    key: &str,
    path: &str,
) -> Result<Option<&'a str>, SourceError> {
    match o.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s)),
        Some(other) => Err(wrong(&format!("{path}/{key}"), "a string", other)),
    }
}

/// A plain-text field, trimmed; empty counts as absent.
fn plain(o: &Map<String, Value>, key: &str, path: &str) -> Result<Option<Rc<str>>, SourceError> {
    Ok(text(o, key, path)?
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(Rc::from))
}

fn link(
    o: &Map<String, Value>,
    key: &str,
    path: &str,
    base: Option<&str>,
) -> Result<Option<Rc<str>>, SourceError> {
    Ok(text(o, key, path)?
        .and_then(|u| safe_link(base, u))
        .map(Rc::from))
}

fn flag(o: &Map<String, Value>, key: &str, path: &str) -> Result<bool, SourceError> {
    match o.get(key) {
        None | Some(Value::Null) => Ok(false),
        Some(Value::Bool(b)) => Ok(*b),
        Some(other) => Err(wrong(&format!("{path}/{key}"), "true or false", other)),
    }
}

fn count(o: &Map<String, Value>, key: &str, path: &str) -> Result<Option<usize>, SourceError> {
    match o.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Number(n)) => match n.as_u64().and_then(|n| usize::try_from(n).ok()) {
            Some(n) => Ok(Some(n)),
            None => Err(bad(
                &format!("{path}/{key}"),
                format!("{n} is not a whole number of zero or more"),
            )),
        },
        Some(other) => Err(wrong(&format!("{path}/{key}"), "a number", other)),
    }
}

fn date(o: &Map<String, Value>, key: &str, path: &str) -> Result<Option<Timestamp>, SourceError> {
    let at = || format!("{path}/{key}");
    match o.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) if s.trim().is_empty() => Ok(None),
        Some(Value::String(s)) => parse_iso8601(s).map(Some).ok_or_else(|| {
            bad(
                &at(),
                format!("\"{s}\" is not an ISO 8601 date (like 2017-03-31T14:05:00Z)"),
            )
        }),
        Some(Value::Number(n)) => n
            .as_f64()
            .and_then(from_unix)
            .map(Some)
            .ok_or_else(|| bad(&at(), format!("{n} is out of range"))),
        Some(other) => Err(wrong(&at(), "a date", other)),
    }
}

fn id(v: Option<&Value>, path: &str) -> Result<Option<Rc<str>>, SourceError> {
    match v {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) if s.trim().is_empty() => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.trim().into())),
        Some(Value::Number(n)) => Ok(Some(n.to_string().into())),
        Some(other) => Err(wrong(path, "a string or a number", other)),
    }
}

fn id_or_none(v: Option<&Value>, path: &str) -> Result<Option<Rc<str>>, SourceError> {
    Ok(id(v, path)?.filter(|p| &**p != "0"))
}

fn list<T>(
    o: &Map<String, Value>,
    key: &str,
    path: &str,
    mut each: impl FnMut(&Value, &str) -> Result<T, SourceError>,
) -> Result<Vec<T>, SourceError> {
    match o.get(key) {
        None | Some(Value::Null) => Ok(Vec::new()),
        Some(Value::Array(items)) => items
            .iter()
            .enumerate()
            .map(|(i, v)| each(v, &format!("{path}/{key}/{i}")))
            .collect(),
        Some(other) => Err(wrong(&format!("{path}/{key}"), "an array", other)),
    }
}

fn wrong(path: &str, expected: &'static str, found: &Value) -> SourceError {
    SourceError::wrong(path, expected, found)
}

fn bad(path: &str, reason: String) -> SourceError {
    SourceError::bad(path, reason)
}

#[cfg(test)]
mod tests;
