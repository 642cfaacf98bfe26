//! One comment's fields: the object they are read from (the item or its `wrapper`), then id, body (in its
//! format), author, date, score and flags. An item the mapping skips gives `None`.

use std::rc::Rc;

use serde_json::Value;

use super::super::body::{self, check_format, comment_body, Refs};
use super::super::doc::{CommentMap, EmojiMap, Field};
use super::super::path::Path;
use super::super::value::{self, body_source, flag, flatten, plain, text, values, Doc};
use crate::model::{Author, Comment, Emoji};
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
                comment_body(
                    &b,
                    &format,
                    &format!("{path}.{p}"),
                    base,
                    Refs::of(doc.root, spec),
                )?
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
        warning: match plain(doc, cm.warning.as_ref(), v)? {
            None if flag(doc, cm.sensitive.as_ref(), v)? => Some(Rc::from("")),
            w => w,
        },
        emoji: match &cm.emoji {
            Some(e) if !deleted => emoji(doc, e, v, base)?,
            _ => Rc::new([]),
        },
    }))
}

/// The most custom emoji one comment may carry (Mastodon allows far fewer in a post).
const MAX_EMOJI: usize = 64;

/// A comment's custom emoji: shortcodes of letters, digits and `_` (colons around them dropped) with a safe
/// image URL; others are left out, and their `:shortcode:` stays text.
fn emoji(
    doc: Doc<'_>,
    e: &EmojiMap,
    v: &Value,
    base: Option<&str>,
) -> Result<Rc<[Emoji]>, SourceError> {
    let Some(each) = &e.each else {
        return Ok(Rc::new([]));
    };
    let mut out = Vec::new();
    for item in flatten(values(doc, each, v)?.0).into_iter().take(MAX_EMOJI) {
        let code = text(doc, e.code.as_ref(), item)?;
        let code = code.as_deref().map_or("", |c| c.trim().trim_matches(':'));
        let ok = !code.is_empty() && code.chars().all(|c| c.is_alphanumeric() || c == '_');
        let url = text(doc, e.url.as_ref(), item)?.and_then(|u| safe_image(base, u.trim()));
        if let (true, Some(url)) = (ok, url) {
            out.push(Emoji {
                code: code.into(),
                url: url.into(),
            });
        }
    }
    Ok(out.into())
}
