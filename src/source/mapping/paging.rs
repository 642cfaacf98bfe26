//! Pagination: from one page of comments, the URL of the next (or `None` when this was the last), and the
//! "load more" stubs of mappings that page that way. What the headers say is in [`PageInfo`]; the query parameter
//! is set by [`query`].

mod query;

use std::rc::Rc;

use serde_json::Value;

use super::doc::{Mapping, Pagination};
use super::value::{self, Doc};
use crate::model::MoreStub;
use crate::source::error::SourceError;
use crate::source::url::safe_link;

pub use super::headers::PageInfo;
pub use query::set_param;

/// The next page's URL after `url`, whose document was `root`.
pub fn next_page(
    m: &Mapping,
    root: &Value,
    url: &str,
    page: &PageInfo,
) -> Result<Option<String>, SourceError> {
    let Some(p) = m.comments.as_ref().and_then(|c| c.pagination.as_ref()) else {
        return Ok(None);
    };
    let doc = Doc::new(root);
    if page.items == 0 {
        return Ok(None);
    }
    Ok(match p {
        Pagination::Page {
            param,
            per_page_param,
            per_page,
            first,
            pages,
            pages_header,
        } => {
            // The page count: from the body, else a page-count header, else a total-count header and the page size.
            let total_pages = value::number(doc, pages.as_ref(), root)?
                .map(|n| n.max(0) as u32)
                .or_else(|| page.pages_header(pages_header.as_deref()))
                .or_else(|| {
                    let size = per_page.filter(|&n| n > 0)? as usize;
                    Some(page.total_header()?.div_ceil(size) as u32)
                });
            let full = per_page.is_none_or(|n| page.items >= n as usize);
            let more = total_pages.map_or(full, |t| page.number < t);
            more.then(|| {
                let n = first.unwrap_or(1) + page.number;
                let u = set_param(url, param, &n.to_string());
                match (per_page_param, per_page) {
                    (Some(k), Some(v)) => set_param(&u, k, &v.to_string()),
                    _ => u,
                }
            })
        }
        Pagination::Offset {
            param,
            limit_param,
            limit,
        } => {
            let offset = page.number as usize * *limit as usize;
            // A total-count header ends the list exactly; without one, a short page is the last.
            let more = page
                .total_header()
                .map_or(page.items >= *limit as usize, |t| offset < t);
            more.then(|| {
                let u = set_param(url, param, &offset.to_string());
                match limit_param {
                    Some(k) => set_param(&u, k, &limit.to_string()),
                    None => u,
                }
            })
        }
        Pagination::Cursor { cursor, param } => value::text(doc, Some(cursor), root)?
            .filter(|c| !c.is_empty())
            .map(|c| set_param(url, param, &c)),
        Pagination::NextUrl { next } => {
            value::text(doc, Some(next), root)?.and_then(|n| safe_link(Some(url), &n))
        }
        Pagination::LinkHeader => page.link_next().and_then(|n| safe_link(Some(url), &n)),
        // "More" stubs are expanded by their own requests (or shown as a count); no page follows.
        Pagination::MoreStubs { .. } => None,
    })
}

/// The "load more" stub that `item` (an item the mapping skips) stands for, under `parent`, when the mapping pages
/// with `more_stubs` and the item has a positive count; its URL is read on the article object (the thread's page).
pub fn more_stub(
    m: &Mapping,
    doc: Doc<'_>,
    item: &Value,
    parent: Option<Rc<str>>,
    owner: Option<&Value>,
    article: Option<&Value>,
    base: Option<&str>,
) -> Result<Option<MoreStub>, SourceError> {
    let Some(Pagination::MoreStubs { count, url, fetch }) =
        m.comments.as_ref().and_then(|c| c.pagination.as_ref())
    else {
        return Ok(None);
    };
    let Some(count) = value::number(doc, count.as_ref(), item)?.filter(|&n| n > 0) else {
        return Ok(None);
    };
    let url = match article {
        Some(a) => value::text(Doc::new(a), url.as_ref(), a)?,
        None => None,
    };
    // The parent comment's own object says where its left-out replies are (top-level stubs have none).
    let fetch = match owner {
        Some(o) => value::text(doc, fetch.as_ref(), o)?,
        None => None,
    };
    Ok(Some(MoreStub {
        fetch: fetch.and_then(|u| safe_link(base, &u)).map(Rc::from),
        parent,
        count: usize::try_from(count).unwrap_or(usize::MAX),
        // The stub's link is a page of the site, not of the API.
        url: url
            .and_then(|u| safe_link(m.site.as_deref().or(base), &u))
            .map(Rc::from),
    }))
}

#[cfg(test)]
mod tests;
