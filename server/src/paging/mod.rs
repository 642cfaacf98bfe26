//! Paged comment lists: `GET …/comments?per_page=N&page=K` answers with page K of N comments (in the list's order:
//! by date, then by storage order), the whole `total`, a `next` URL in the body and a `Link: <…>; rel="next"`
//! header while more pages follow. Without `per_page`, the server's `--page-size` applies (0: the whole list).

use axum::http::{header, HeaderMap, HeaderValue};

use crate::errors::ApiError;
use crate::model::CommentList;

/// The largest page a client may ask for: a bigger list is one request per 500 comments, never one huge answer.
pub const MAX_PER_PAGE: usize = 500;

/// What the query string asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PageRequest {
    /// 1-based page number.
    pub page: usize,
    /// Comments per page; `None`: the server's default.
    pub per_page: Option<usize>,
}

/// Reads `page` and `per_page` from a query string; other parameters are ignored. A value that is not a whole
/// number in range is a 400 naming the parameter, not a silent first page.
pub fn parse_query(query: Option<&str>) -> Result<PageRequest, ApiError> {
    let mut req = PageRequest {
        page: 1,
        per_page: None,
    };
    for pair in query.unwrap_or("").split('&') {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        match key {
            "page" => {
                req.page =
                    value.parse().ok().filter(|&n| n >= 1).ok_or_else(|| {
                        ApiError::field("page", "page must be a whole number from 1")
                    })?;
            }
            "per_page" => {
                req.per_page = Some(
                    value
                        .parse()
                        .ok()
                        .filter(|n| (1..=MAX_PER_PAGE).contains(n))
                        .ok_or_else(|| {
                            ApiError::field(
                                "per_page",
                                format!("per_page must be a whole number from 1 to {MAX_PER_PAGE}"),
                            )
                        })?,
                );
            }
            _ => {}
        }
    }
    Ok(req)
}

/// Cuts `list` down to the requested page (`default_size` 0: no paging unless asked) and returns the next page's
/// root-relative URL on `path`, which is also written into the list's `next`. `total` stays the whole count.
pub fn apply(
    list: &mut CommentList,
    req: PageRequest,
    default_size: usize,
    path: &str,
) -> Option<String> {
    let size = req
        .per_page
        .or((default_size > 0).then_some(default_size.min(MAX_PER_PAGE)))?;
    let start = (req.page - 1).saturating_mul(size);
    let end = start.saturating_add(size).min(list.comments.len());
    list.comments = if start < end {
        list.comments.drain(start..end).collect()
    } else {
        Vec::new()
    };
    let next = (end < list.total && start < end)
        .then(|| format!("{path}?page={}&per_page={size}", req.page + 1));
    list.next.clone_from(&next);
    next
}

/// The paging headers of a list answer: `X-Total-Count` always, `Link: <next>; rel="next"` while more follow (the
/// URL is root-relative, which RFC 8288 resolves against the request's URL).
pub fn headers(headers: &mut HeaderMap, next: Option<&str>, total: usize) {
    headers.insert("x-total-count", HeaderValue::from(total));
    if let Some(v) = next.and_then(|n| HeaderValue::from_str(&format!("<{n}>; rel=\"next\"")).ok())
    {
        headers.insert(header::LINK, v);
    }
}

#[cfg(test)]
mod tests;
