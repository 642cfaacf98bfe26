//! "N more replies" stubs from a comment's own reply count (Ghost's `count.replies`): an API that sends the first
//! few replies of each comment and says how many there are in all. The rest is a stub under the comment, fetched
//! from `replies_url` when the mapping has one.

use std::collections::HashMap;
use std::rc::Rc;

use serde_json::Value;

use super::super::doc::CommentMap;
use super::super::value::{self, Doc};
use crate::model::{Comment, MoreStub};
use crate::source::error::SourceError;
use crate::source::url::safe_link;

/// The stubs of the comments in `out` (each read on its object in `objects`, same order) whose `reply_count` is
/// more than the replies the list holds under them. `api`: the list's URL, which `replies_url` resolves against.
pub(super) fn reply_stubs<'a>(
    doc: Doc<'a>,
    cm: &'a CommentMap,
    out: &[Comment],
    objects: &[&'a Value],
    api: Option<&str>,
) -> Result<Vec<MoreStub>, SourceError> {
    let Some(count) = cm.reply_count.as_ref() else {
        return Ok(Vec::new());
    };
    let mut present: HashMap<&str, usize> = HashMap::new();
    for c in out {
        if let Some(p) = c.parent.as_deref() {
            *present.entry(p).or_default() += 1;
        }
    }
    let mut stubs = Vec::new();
    for (c, v) in out.iter().zip(objects) {
        let Some(all) = value::number(doc, Some(count), v)? else {
            continue;
        };
        let held = present.get(&*c.id).copied().unwrap_or(0);
        let left = usize::try_from(all).unwrap_or(0).saturating_sub(held);
        if left == 0 {
            continue;
        }
        let fetch = value::text(doc, cm.replies_url.as_ref(), v)?
            .and_then(|u| safe_link(api, u.trim()))
            .map(Rc::from);
        stubs.push(MoreStub {
            parent: Some(c.id.clone()),
            count: left,
            url: None,
            fetch,
        });
    }
    Ok(stubs)
}
