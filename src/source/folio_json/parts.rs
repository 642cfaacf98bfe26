//! The small objects the documents nest: authors (and the anonymous one), section crumbs and tags. Each is
//! either a plain string or an object with a label or name and a link.

use std::rc::Rc;

use serde_json::Value;

use super::super::error::SourceError;
use super::super::url::safe_image;
use super::read::{link, object, plain, text};
use crate::model::{Author, Crumb, Tag};

pub(super) fn crumb(v: &Value, path: &str, base: Option<&str>) -> Result<Crumb, SourceError> {
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
