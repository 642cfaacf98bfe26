//! One comment's fields: the object they are read from (the item or its `wrapper`), then id, body (in its
//! format), author, date, score and flags. An item the mapping skips gives `None`.

use std::rc::Rc;

use serde_json::Value;

use super::super::body::{self, check_format, comment_body};
use super::super::doc::{CommentMap, Field};
use super::super::path::Path;
use super::super::value::{self, body_source, flag, plain, text, Doc};
use crate::model::{Author, Comment};
use crate::source::error::SourceError;
use crate::source::folio_json::anonymous;
use crate::source::sanitize::SafeHtml;
use crate::source::url::{safe_image, safe_link};

/// The object a comment's fields are read from: the item, or its `wrapper`.
pub(in crate::source::mapping) fn unwrap<'a>(cm: &CommentMap, item: &'a Value) -> &'a Value {
    match cm.wrapper.as_deref().map(Path::parse) {
        Some(Ok(p)) => p.first(item, item).unwrap_or(item),
        _ => item,
    }
}

/// Map one item; `None` when the mapping says to skip it (a "more" stub, the opening post).
pub(in crate::source::mapping) fn one(
    doc: Doc<'_>,
    cm: &CommentMap,
    item: &Value,
    path: &str,
    base: Option<&str>,
) -> Result<Option<Comment>, SourceError> {
    if flag(doc, cm.skip.as_ref(), item)? {
        return Ok(None);
    }
    let v = unwrap(cm, item);
    let id = match value::id(doc, cm.id.as_ref(), v)? {
        Some(id) => id,
        None => {
            return Err(SourceError::MissingMapped {
                field: format!("comment id (at {path})"),
                tried: cm.id.as_ref().map_or("no path".into(), value::tried),
                mapping: "comments mapping".into(),
            })
        }
    };
    let deleted = flag(doc, cm.deleted.as_ref(), v)?;
    let body = match (&cm.body, deleted) {
        (Some(f), false) => match body_source(doc, f, v)? {
            Some((b, p, spec)) => {
                let from = match &spec.format_from {
                    Some(ff) => text(doc, Some(&Field::Path(ff.clone())), v)?,
                    None => None,
                };
                let format = from
                    .or_else(|| spec.format.clone())
                    .unwrap_or_else(|| "html".into());
                let format =
                    if body::FORMATS.contains(&format.as_str()) || spec.format_from.is_none() {
                        format
                    } else {
                        "markdown".into() // an unknown per-comment format reads as Markdown, as in Folio JSON
                    };
                check_format(&format)?;
                comment_body(&b, &format, &format!("{path}.{p}"), base)?
            }
            None => SafeHtml::default(),
        },
        _ => SafeHtml::default(),
    };
    // A deleted comment keeps the name the API gives (often "[deleted]"): the view decides what to show.
    let name = plain(doc, cm.author.as_ref(), v)?;
    Ok(Some(Comment {
        id,
        parent: None,
        author: Author {
            name: name.unwrap_or_else(|| anonymous().name),
            url: text(doc, cm.author_url.as_ref(), v)?
                .and_then(|u| safe_link(base, u.trim()))
                .map(Rc::from),
            avatar: text(doc, cm.avatar.as_ref(), v)?
                .and_then(|u| safe_image(base, u.trim()))
                .map(Rc::from),
        },
        date: value::date(doc, cm.date.as_ref(), v)?,
        body,
        score: value::number(doc, cm.score.as_ref(), v)?,
        deleted,
        by_article_author: flag(doc, cm.by_article_author.as_ref(), v)?,
    }))
}
