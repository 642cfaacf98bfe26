//! A live article's `entries` (docs/folio-json.md, "Live articles"), one entry, and a body correction: what the
//! article document carries and what its event stream pushes, read with the same code.

use std::rc::Rc;

use serde_json::Value;

use super::super::error::SourceError;
use super::article::body_blocks;
use super::parts::author;
use super::read::{date, id, list, object, plain, text};
use crate::model::{sort_newest_first, Entry, SafeHtml, Timestamp};

/// The article's `entries`, newest first whatever order the document lists them in.
pub(super) fn entries(
    o: &serde_json::Map<String, Value>,
    base: Option<&str>,
) -> Result<Rc<[Entry]>, SourceError> {
    let mut all = list(o, "entries", "", |v, p| entry(v, p, base))?;
    sort_newest_first(&mut all);
    Ok(all.into())
}

/// One entry at `path`: `id` and `body` required; `published`, `updated`, `author` (a name or `{name, url?,
/// avatar?}`), `title` and `body_format` (`html` by default) optional.
pub(super) fn entry(v: &Value, path: &str, base: Option<&str>) -> Result<Entry, SourceError> {
    let o = object(v, path)?;
    let id = id(o.get("id"), &format!("{path}/id"))?.ok_or_else(|| SourceError::MissingField {
        field: "entry id",
        path: format!("{path}/id"),
    })?;
    let body = text(o, "body", path)?.ok_or_else(|| SourceError::MissingField {
        field: "entry body",
        path: format!("{path}/body"),
    })?;
    let format = text(o, "body_format", path)?.unwrap_or("html");
    Ok(Entry {
        id,
        published: date(o, "published", path)?,
        updated: date(o, "updated", path)?,
        author: o
            .get("author")
            .filter(|a| !a.is_null())
            .map(|a| author(a, &format!("{path}/author"), base))
            .transpose()?,
        title: plain(o, "title", path)?,
        body: body_blocks(body, format, &format!("{path}/body_format"), base)?.into(),
    })
}

/// A stream's entry event (`message` or `changed`): one entry object.
pub fn read_entry(text: &str, base: Option<&str>) -> Result<Entry, SourceError> {
    entry(&super::parse_json(text)?, "", base)
}

/// A stream's `body` event, a correction of the article's body: `{body, body_format?, updated?}`, read like the
/// article's own fields.
pub fn read_correction(
    text: &str,
    base: Option<&str>,
) -> Result<(Rc<[SafeHtml]>, Option<Timestamp>), SourceError> {
    let v = super::parse_json(text)?;
    let o = object(&v, "")?;
    let body = super::read::text(o, "body", "")?.ok_or(SourceError::MissingField {
        field: "body",
        path: "/body".into(),
    })?;
    let format = super::read::text(o, "body_format", "")?.unwrap_or("html");
    Ok((
        body_blocks(body, format, "/body_format", base)?.into(),
        date(o, "updated", "")?,
    ))
}
