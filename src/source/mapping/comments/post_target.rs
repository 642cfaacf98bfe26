//! Where to post a comment, read through the mapping's `post` section.

use serde_json::Value;

use super::super::doc::Mapping;
use super::super::value::{self, text, Doc};
use crate::model::PostTarget;
use crate::source::error::SourceError;
use crate::source::folio_json::DEFAULT_MAX_LENGTH;
use crate::source::url::safe_link;

/// Where to post: the URL the compose form posts to, whether in Folio's own format or through the mapping's `body`
/// template (`post::posts_template`); `None` for read-only platforms.
pub fn post_target(
    m: &Mapping,
    comments_root: &Value,
    article: Option<&Value>,
    base: Option<&str>,
) -> Result<Option<PostTarget>, SourceError> {
    let Some(c) = &m.comments else {
        return Ok(None);
    };
    let (Some(p), false) = (&c.post, c.read_only) else {
        return Ok(None);
    };
    let empty = Value::Null;
    let a = article.unwrap_or(&empty);
    let url = match (&p.url, &p.url_from) {
        (Some(t), _) => value::template(Doc::new(a), t, a, &[])?,
        (None, Some(f)) => text(Doc::new(comments_root), Some(f), comments_root)?,
        (None, None) => None,
    };
    let max = value::number(
        Doc::new(comments_root),
        p.max_length_from.as_ref(),
        comments_root,
    )?
    .and_then(|n| usize::try_from(n).ok())
    .or(p.max_length);
    Ok(url.and_then(|u| safe_link(base, &u)).map(|url| PostTarget {
        url: url.into(),
        max_length: max.unwrap_or(DEFAULT_MAX_LENGTH),
    }))
}
