//! The threading models that turn each API's way of saying "this answers that" into parent ids (flat parent
//! field, materialised path, reply-to position), and child-id threading, where each reply is its own request.

use std::rc::Rc;

use serde_json::Value;

use super::super::doc::{CommentMap, Mapping, Threading};
use super::super::path::Path;
use super::super::value::{self, first, flatten, Doc};
use super::{one, section, unwrap, MAX_COMMENTS};
use crate::model::Comment;
use crate::source::error::SourceError;
use crate::source::url::safe_link;

pub(super) fn parent_of(
    doc: Doc<'_>,
    threading: &Threading,
    cm: &CommentMap,
    item: &Value,
    comment: &Comment,
) -> Result<Option<Rc<str>>, SourceError> {
    let v = unwrap(cm, item);
    Ok(match threading {
        Threading::None | Threading::Nested { .. } | Threading::ChildIds { .. } => None,
        Threading::Flat { parent, no_parent } => {
            let found = first(doc, parent, v)?.map(|(p, _)| p);
            match found {
                None => None,
                Some(p) if no_parent.iter().any(|n| value::loose_eq(n, p)) => None,
                Some(_) => value::id(doc, Some(parent), v)?.filter(|p| &**p != "0"),
            }
        }
        Threading::Path { field, separator } => {
            let sep = separator.as_deref().unwrap_or(".");
            let path = value::text(doc, Some(field), v)?.unwrap_or_default();
            let segments: Vec<&str> = path.split(sep).filter(|s| !s.is_empty()).collect();
            match segments.len() {
                0 | 1 => None,
                n => Some(Rc::from(segments[n - 2])).filter(|p| *p != comment.id),
            }
        }
        Threading::ReplyToPosition { reply_to, .. } => value::id(doc, Some(reply_to), v)?,
    })
}

/// The child ids an item lists (child-id threading), as strings.
pub fn child_ids(m: &Mapping, item: &Value) -> Vec<String> {
    let Some(Threading::ChildIds { ids, .. }) = m.comments.as_ref().map(|c| &c.threading) else {
        return Vec::new();
    };
    let Ok(p) = Path::parse(ids) else {
        return Vec::new();
    };
    flatten(p.select(item, item))
        .into_iter()
        .filter_map(|v| match v {
            Value::Number(n) => Some(n.to_string()),
            Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
            _ => None,
        })
        .collect()
}

/// The URL of one item under child-id threading, `{id}` replaced.
pub fn item_url(m: &Mapping, id: &str, base: Option<&str>) -> Option<String> {
    let Some(Threading::ChildIds { item_url, .. }) = m.comments.as_ref().map(|c| &c.threading)
    else {
        return None;
    };
    let id: String = id
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
        .collect();
    safe_link(base, &item_url.replace("{id}", &id))
}

/// The item cap under child-id threading (each item is one request).
pub fn max_items(m: &Mapping) -> usize {
    match m.comments.as_ref().map(|c| &c.threading) {
        Some(Threading::ChildIds { max_items, .. }) => max_items.unwrap_or(200).min(MAX_COMMENTS),
        _ => MAX_COMMENTS,
    }
}

/// Map one separately fetched item (child-id threading) as a reply to `parent`.
pub fn map_item(
    m: &Mapping,
    item: &Value,
    parent: Option<Rc<str>>,
    base: Option<&str>,
) -> Result<Option<Comment>, SourceError> {
    let c = section(m)?;
    Ok(
        one(Doc::new(item), &c.comment, item, "item", base)?.map(|mut comment| {
            comment.parent = parent;
            comment
        }),
    )
}
