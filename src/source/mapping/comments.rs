//! Comment mapping: items, one comment's fields, and the threading models that turn each API's way of saying
//! "this answers that" into parent ids.

use std::collections::HashMap;
use std::rc::Rc;

use serde_json::Value;

use super::article::name_of;
use super::body::{self, check_format, comment_body};
use super::doc::{CommentMap, CommentsMap, Field, Mapping, Threading};
use super::paging::more_stub;
use super::path::Path;
use super::value::{self, body_source, first, flag, flatten, plain, text, values, Doc};
use crate::model::{Author, Comment, CommentList, PostTarget};
use crate::source::error::SourceError;
use crate::source::folio_json::{anonymous, DEFAULT_MAX_LENGTH};
use crate::source::sanitize::SafeHtml;
use crate::source::url::{safe_image, safe_link};

/// The most comments one list may hold; beyond it the rest is dropped rather than freezing the page.
pub const MAX_COMMENTS: usize = 5000;

/// The comments section of a mapping, or a mapping error saying there is none.
pub fn section(m: &Mapping) -> Result<&CommentsMap, SourceError> {
    m.comments.as_ref().ok_or_else(|| SourceError::BadMapping {
        reason: format!("the {} has no `comments` section", name_of(m)),
    })
}

/// Map a comments document (`root`, fetched from `base`). `article` is the article object, for the post URL.
pub fn map_comments(
    m: &Mapping,
    root: &Value,
    article: Option<&Value>,
    base: Option<&str>,
) -> Result<CommentList, SourceError> {
    let c = section(m)?;
    let doc = Doc { root };
    let items: Vec<&Value> = match &c.items {
        Some(f) => flatten(values(doc, f, root)?.0),
        None => match root {
            Value::Array(a) => a.iter().collect(),
            _ => Vec::new(),
        },
    };
    let mut out: Vec<Comment> = Vec::new();
    let mut more = Vec::new();
    match &c.threading {
        Threading::Nested { children } => {
            let children =
                Path::parse(children).map_err(|reason| SourceError::BadMapping { reason })?;
            // Depth-first without recursion: (item, parent id and parent object, error path).
            type Parent<'v> = Option<(Rc<str>, &'v Value)>;
            let mut stack: Vec<(&Value, Parent<'_>, String)> = items
                .iter()
                .enumerate()
                .rev()
                .map(|(i, v)| (*v, None, format!("items[{i}]")))
                .collect();
            while let Some((item, parent, path)) = stack.pop() {
                if out.len() >= MAX_COMMENTS {
                    break;
                }
                let Some(mut comment) = one(doc, &c.comment, item, &path, base)? else {
                    let owner = parent.as_ref().map(|(_, raw)| *raw);
                    let parent = parent.map(|(id, _)| id);
                    more.extend(more_stub(m, doc, item, parent, owner, article, base)?);
                    continue;
                };
                let parent = parent.map(|(id, _)| id);
                comment.parent = parent;
                let inner = unwrap(&c.comment, item);
                let kids = flatten(children.select(root, inner));
                for (i, k) in kids.into_iter().enumerate().rev() {
                    stack.push((
                        k,
                        Some((comment.id.clone(), inner)),
                        format!("{path}.children[{i}]"),
                    ));
                }
                out.push(comment);
            }
        }
        _ => {
            for (i, item) in items.iter().enumerate().take(MAX_COMMENTS) {
                let path = format!("items[{i}]");
                if let Some(mut comment) = one(doc, &c.comment, item, &path, base)? {
                    comment.parent = parent_of(doc, &c.threading, &c.comment, item, &comment)?;
                    out.push(comment);
                }
            }
        }
    }
    if let Threading::ReplyToPosition { position, .. } = &c.threading {
        // Replace position numbers by the ids of the comments at those positions.
        let mut by_position: HashMap<String, Rc<str>> = HashMap::new();
        for item in &items {
            let inner = unwrap(&c.comment, item);
            if let (Some(p), Some(id)) = (
                value::id(doc, Some(position), inner)?,
                value::id(doc, c.comment.id.as_ref(), inner)?,
            ) {
                by_position.insert(p.to_string(), id);
            }
        }
        for comment in &mut out {
            comment.parent = comment
                .parent
                .take()
                .and_then(|p| by_position.get(&*p).cloned());
        }
    }
    let total = value::number(doc, c.total.as_ref(), root)?.and_then(|n| usize::try_from(n).ok());
    Ok(CommentList {
        comments: out,
        total,
        post: post_target(m, root, article, base)?,
        // Finding the next page needs the response's headers and the page number: the caller's job (`next_page`).
        next: None,
        more,
    })
}

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
        (Some(t), _) => value::template(Doc { root: a }, t, a)?,
        (None, Some(f)) => text(
            Doc {
                root: comments_root,
            },
            Some(f),
            comments_root,
        )?,
        (None, None) => None,
    };
    let max = value::number(
        Doc {
            root: comments_root,
        },
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

/// The object a comment's fields are read from: the item, or its `wrapper`.
pub fn unwrap<'a>(cm: &CommentMap, item: &'a Value) -> &'a Value {
    match cm.wrapper.as_deref().map(Path::parse) {
        Some(Ok(p)) => p.first(item, item).unwrap_or(item),
        _ => item,
    }
}

/// Map one item; `None` when the mapping says to skip it (a "more" stub, the opening post).
pub fn one(
    doc: Doc<'_>,
    cm: &CommentMap,
    item: &Value,
    path: &str,
    base: Option<&str>,
) -> Result<Option<Comment>, SourceError> {
    if flag(Doc { root: doc.root }, cm.skip.as_ref(), item)? {
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

fn parent_of(
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
        one(Doc { root: item }, &c.comment, item, "item", base)?.map(|mut comment| {
            comment.parent = parent;
            comment
        }),
    )
}
