//! A mapped live blog's entries (`article.entries`), and the body reader the article and each entry share.

use std::rc::Rc;

use serde_json::Value;

use super::super::body::{article_body, check_format, Refs};
use super::super::doc::{EntriesMap, Field};
use super::super::value::{self, body_source, flatten, plain, text, values, Doc};
use crate::model::{sort_newest_first, Author, Entry, SafeHtml};
use crate::source::error::SourceError;

/// The body `field` reaches on `cur`, in its format (`format`, or the one `format_from` reads; `html` by default),
/// sanitised into blocks; `None` when the field reaches nothing.
pub(super) fn mapped_body(
    doc: Doc<'_>,
    field: &Field,
    cur: &Value,
    base: Option<&str>,
) -> Result<Option<Vec<SafeHtml>>, SourceError> {
    let Some((body_value, body_path, spec)) = body_source(doc, field, cur)? else {
        return Ok(None);
    };
    let format = match &spec.format_from {
        Some(p) => text(doc, Some(&Field::Path(p.clone())), cur)?,
        None => None,
    }
    .or_else(|| spec.format.clone())
    .unwrap_or_else(|| "html".into());
    check_format(&format).map_err(|e| match e {
        SourceError::BadMapping { reason } if spec.format_from.is_some() => {
            SourceError::bad(&body_path, reason)
        }
        e => e,
    })?;
    article_body(
        &body_value,
        &format,
        &body_path,
        base,
        Refs::of(doc.root, spec),
    )
    .map(Some)
}

/// The entries `map` finds on the article object `cur`, newest first. An item without an id or a body (or with an
/// empty one) is left out
/// (a live blog's pinned summary or an empty block is no reason to refuse the article).
pub(super) fn map_entries(
    doc: Doc<'_>,
    map: Option<&EntriesMap>,
    cur: &Value,
    base: Option<&str>,
) -> Result<Rc<[Entry]>, SourceError> {
    let Some((m, each)) = map.and_then(|m| Some((m, m.each.as_ref()?))) else {
        return Ok(Rc::new([]));
    };
    let (vs, _) = values(doc, each, cur)?;
    let mut out = Vec::new();
    for v in flatten(vs) {
        let (Some(id), Some(body_field)) = (value::id(doc, m.id.as_ref(), v)?, &m.body) else {
            continue;
        };
        let Some(body) = mapped_body(doc, body_field, v, base)?.filter(|b| !b.is_empty()) else {
            continue;
        };
        out.push(Entry {
            id,
            published: value::date(doc, m.published.as_ref(), v)?,
            updated: value::date(doc, m.updated.as_ref(), v)?,
            author: plain(doc, m.author.as_ref(), v)?.map(|name| Author {
                name,
                url: None,
                avatar: None,
            }),
            title: plain(doc, m.title.as_ref(), v)?,
            body: body.into(),
        });
    }
    sort_newest_first(&mut out);
    Ok(out.into())
}
