//! The small objects the documents nest: authors (and the anonymous one), section crumbs and tags. Each is
//! either a plain string or an object with a label or name and a link.

use std::rc::Rc;

use serde_json::Value;

use super::super::error::SourceError;
use super::super::url::safe_image;
use super::read::{link, object, plain, text};
use crate::model::{Author, Crumb, Tag};

/// A labelled link (a breadcrumb, a tag): a bare string is its label; an object has `label` (required, named
/// `field` in the error) and `url`.
fn labelled(
    v: &Value,
    path: &str,
    base: Option<&str>,
    field: &'static str,
) -> Result<(Rc<str>, Option<Rc<str>>), SourceError> {
    if let Value::String(s) = v {
        return Ok((s.trim().into(), None));
    }
    let o = object(v, path)?;
    let label = plain(o, "label", path)?.ok_or_else(|| SourceError::MissingField {
        field,
        path: format!("{path}/label"),
    })?;
    Ok((label, link(o, "url", path, base)?))
}

pub(super) fn crumb(v: &Value, path: &str, base: Option<&str>) -> Result<Crumb, SourceError> {
    let (label, url) = labelled(v, path, base, "section label")?;
    Ok(Crumb { label, url })
}

pub(super) fn author(v: &Value, path: &str, base: Option<&str>) -> Result<Author, SourceError> {
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

pub(super) fn tag(v: &Value, path: &str, base: Option<&str>) -> Result<Tag, SourceError> {
    let (label, url) = labelled(v, path, base, "tag label")?;
    Ok(Tag { label, url })
}
