//! Comment mapping: the items of a comments document turned into a [`CommentList`]. One comment's fields are
//! read in [`one`](mod@one), parents found by the threading models in [`threading`], the post URL in
//! [`post_target`](mod@post_target).

mod one;
mod post_target;
mod reply_stubs;
mod threading;

use std::collections::HashMap;
use std::rc::Rc;

use serde_json::Value;

use super::article::name_of;
use super::doc::{CommentsMap, Mapping, Threading};
use super::paging::more_stub;
use super::path::Path;
use super::value::{self, flatten, values, Doc};
use crate::model::{Comment, CommentList};
use crate::source::error::SourceError;

pub(super) use one::{one, unwrap};
pub use post_target::post_target;
use threading::parent_of;
pub use threading::{child_ids, item_url, map_item, max_items};

/// The most comments one list may hold; beyond it the rest is dropped rather than freezing the page.
pub const MAX_COMMENTS: usize = 5000;

/// The comments section of a mapping, or a mapping error saying there is none.
pub fn section(m: &Mapping) -> Result<&CommentsMap, SourceError> {
    m.comments.as_ref().ok_or_else(|| SourceError::BadMapping {
        reason: format!("the {} has no `comments` section", name_of(m)),
    })
}

/// Map a comments document (`root`, fetched from `api`). `article` is the article object, for the post URL and
/// `equals_article` flags. Links and images in comments resolve against the mapping's `site` when it has one; the
/// API's own URLs (posting, fetching replies) against `api`.
pub fn map_comments(
    m: &Mapping,
    root: &Value,
    article: Option<&Value>,
    api: Option<&str>,
) -> Result<CommentList, SourceError> {
    let c = section(m)?;
    let doc = Doc { root, article };
    let base = m.site.as_deref().or(api);
    let items: Vec<&Value> = match &c.items {
        Some(f) => flatten(values(doc, f, root)?.0),
        None => match root {
            Value::Array(a) => a.iter().collect(),
            _ => Vec::new(),
        },
    };
    let mut out: Vec<Comment> = Vec::new();
    // Each comment's own object, for the reply counts read after threading.
    let mut objects: Vec<&Value> = Vec::new();
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
                    more.extend(more_stub(m, doc, item, parent, owner, article, api)?);
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
                objects.push(inner);
            }
        }
        _ => {
            for (i, item) in items.iter().enumerate().take(MAX_COMMENTS) {
                let path = format!("items[{i}]");
                if let Some(mut comment) = one(doc, &c.comment, item, &path, base)? {
                    comment.parent = parent_of(doc, &c.threading, &c.comment, item, &comment)?;
                    out.push(comment);
                    objects.push(unwrap(&c.comment, item));
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
    more.extend(reply_stubs::reply_stubs(
        doc, &c.comment, &out, &objects, api,
    )?);
    let total = match (value::number(doc, c.total.as_ref(), root)?, article) {
        (None, Some(a)) => value::number(doc, c.article_total.as_ref(), a)?,
        (n, _) => n,
    }
    .and_then(|n| usize::try_from(n).ok());
    Ok(CommentList {
        comments: out,
        total,
        post: post_target(m, root, article, api)?,
        // Finding the next page needs the response's headers and the page number: the caller's job (`next_page`).
        next: None,
        more,
    })
}
