//! Pagination: from one page of comments, the URL of the next (or `None` when this was the last).

use std::rc::Rc;

use serde_json::Value;

use super::doc::{Mapping, Pagination};
use super::value::{self, Doc};
use crate::model::MoreStub;
use crate::source::error::SourceError;
use crate::source::url::{encode_component, safe_link};

/// What is known about the page just read.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PageInfo {
    /// 1 for the first page.
    pub number: u32,
    /// How many items it held.
    pub items: usize,
    /// Its response headers that paging reads (lowercase name, value), as the network layer keeps them: `Link`,
    /// `X-Total-Count`, `X-Total-Pages`, `X-WP-Total`, `X-WP-TotalPages`. Empty when the transport hides them (a
    /// cross-origin API that does not list them in `Access-Control-Expose-Headers`).
    pub headers: Vec<(String, String)>,
}

impl PageInfo {
    /// The value of header `name` (any case), trimmed.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.trim())
    }

    /// The `rel="next"` target of the `Link` header.
    pub fn link_next(&self) -> Option<String> {
        self.header("link").and_then(next_from_link)
    }

    /// The item total a header reports (`X-Total-Count`, WordPress `X-WP-Total`).
    pub fn total_header(&self) -> Option<usize> {
        ["x-total-count", "x-wp-total"]
            .iter()
            .find_map(|n| self.header(n)?.parse().ok())
    }

    /// The page count a header reports: `named` (the mapping's `pages_header`) if given, else WordPress's
    /// `X-WP-TotalPages` or GitLab's `X-Total-Pages`.
    pub fn pages_header(&self, named: Option<&str>) -> Option<u32> {
        match named {
            Some(n) => self.header(n)?.parse().ok(),
            None => ["x-wp-totalpages", "x-total-pages"]
                .iter()
                .find_map(|n| self.header(n)?.parse().ok()),
        }
    }
}

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
    let doc = Doc { root };
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
        Some(a) => value::text(Doc { root: a }, url.as_ref(), a)?,
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
        url: url.and_then(|u| safe_link(base, &u)).map(Rc::from),
    }))
}

/// The `rel="next"` target of an RFC 8288 `Link` header.
pub fn next_from_link(header: &str) -> Option<String> {
    header.split(',').find_map(|part| {
        let (target, params) = part.split_once(';')?;
        let is_next = params.split(';').any(|p| {
            let p = p.trim().to_ascii_lowercase();
            p == "rel=\"next\"" || p == "rel=next"
        });
        let t = target.trim();
        is_next.then(|| t.trim_start_matches('<').trim_end_matches('>').to_string())
    })
}

/// `url` with query parameter `key` set to `value` (added or replaced), percent-encoding the value.
pub fn set_param(url: &str, key: &str, value: &str) -> String {
    let (rest, fragment) = match url.split_once('#') {
        Some((r, f)) => (r, Some(f)),
        None => (url, None),
    };
    let (path, query) = rest.split_once('?').unwrap_or((rest, ""));
    let encoded = encode_component(value);
    let mut pairs: Vec<String> = query
        .split('&')
        .filter(|p| !p.is_empty() && p.split('=').next() != Some(key))
        .map(str::to_string)
        .collect();
    pairs.push(format!("{key}={encoded}"));
    let mut out = format!("{path}?{}", pairs.join("&"));
    if let Some(f) = fragment {
        out.push('#');
        out.push_str(f);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mapping(pagination: &str) -> Mapping {
        serde_json::from_str(&format!(
            r#"{{"article": {{}}, "comments": {{"pagination": {pagination}}}}}"#
        ))
        .expect("valid mapping")
    }

    fn page(number: u32, items: usize) -> PageInfo {
        PageInfo {
            number,
            items,
            ..PageInfo::default()
        }
    }

    fn with_headers(mut p: PageInfo, headers: &[(&str, &str)]) -> PageInfo {
        p.headers = headers
            .iter()
            .map(|(n, v)| (n.to_string(), v.to_string()))
            .collect();
        p
    }

    // Page numbers advance while pages are full, and stop at the reported page count.
    #[test]
    fn page_style() {
        let m = mapping(
            r#"{"style": "page", "param": "page", "per_page_param": "per_page", "per_page": 2}"#,
        );
        let v = serde_json::json!({});
        let next = next_page(&m, &v, "https://x.org/c?post=1", &page(1, 2)).expect("ok");
        assert_eq!(
            next.as_deref(),
            Some("https://x.org/c?post=1&page=2&per_page=2")
        );
        assert_eq!(
            next_page(&m, &v, "https://x.org/c", &page(1, 1)).expect("ok"),
            None
        );
        let m = mapping(r#"{"style": "page", "param": "p", "pages": "meta.pages"}"#);
        let v = serde_json::json!({"meta": {"pages": 3}});
        assert!(next_page(&m, &v, "https://x.org/c?p=2", &page(2, 5))
            .expect("ok")
            .is_some_and(|u| u.ends_with("p=3")));
        assert_eq!(
            next_page(&m, &v, "https://x.org/c?p=3", &page(3, 5)).expect("ok"),
            None
        );
    }

    // Offsets, cursors, next URLs and Link headers.
    #[test]
    fn other_styles() {
        let v = serde_json::json!({"after": "t1_x y", "next": "/c?page=2"});
        let m = mapping(
            r#"{"style": "offset", "param": "offset", "limit_param": "limit", "limit": 10}"#,
        );
        assert_eq!(
            next_page(&m, &v, "https://x.org/c", &page(2, 10))
                .expect("ok")
                .as_deref(),
            Some("https://x.org/c?offset=20&limit=10")
        );
        let m = mapping(r#"{"style": "cursor", "cursor": "after", "param": "after"}"#);
        assert_eq!(
            next_page(&m, &v, "https://x.org/c?after=a", &page(1, 3))
                .expect("ok")
                .as_deref(),
            Some("https://x.org/c?after=t1_x%20y")
        );
        let m = mapping(r#"{"style": "next_url", "next": "next"}"#);
        assert_eq!(
            next_page(&m, &v, "https://x.org/c", &page(1, 3))
                .expect("ok")
                .as_deref(),
            Some("https://x.org/c?page=2")
        );
        let m = mapping(r#"{"style": "link_header"}"#);
        let p = with_headers(
            page(1, 3),
            &[(
                "link",
                "<https://m.social/api?max_id=1>; rel=\"next\", <https://m.social/api?min_id=9>; rel=\"prev\"",
            )],
        );
        assert_eq!(
            next_page(&m, &v, "https://m.social/api", &p)
                .expect("ok")
                .as_deref(),
            Some("https://m.social/api?max_id=1")
        );
    }

    // WordPress: `X-WP-TotalPages` ends the list on the last page even when that page is full.
    #[test]
    fn wordpress_total_pages_header() {
        let m = mapping(
            r#"{"style": "page", "param": "page", "per_page_param": "per_page", "per_page": 2, "pages_header": "X-WP-TotalPages"}"#,
        );
        let v = serde_json::json!([]);
        let p = |n| with_headers(page(n, 2), &[("x-wp-totalpages", "3"), ("x-wp-total", "6")]);
        let next = next_page(&m, &v, "https://x.org/wp-json/wp/v2/comments?post=7", &p(2));
        assert_eq!(
            next.expect("ok").as_deref(),
            Some("https://x.org/wp-json/wp/v2/comments?post=7&page=3&per_page=2")
        );
        assert_eq!(
            next_page(&m, &v, "https://x.org/c?page=3", &p(3)).expect("ok"),
            None
        );
        // Without the mapping naming it, the well-known page-count headers are still read.
        let m = mapping(r#"{"style": "page", "param": "page", "per_page": 2}"#);
        let q = with_headers(page(1, 2), &[("X-Total-Pages", "1")]);
        assert_eq!(next_page(&m, &v, "https://x.org/c", &q).expect("ok"), None);
    }

    // A total-count header with the page size gives the page count; with offsets, it ends the list exactly.
    #[test]
    fn total_count_header() {
        let v = serde_json::json!([]);
        let m = mapping(r#"{"style": "page", "param": "page", "per_page": 5}"#);
        let p = |n| with_headers(page(n, 5), &[("x-total-count", "12")]);
        assert!(next_page(&m, &v, "https://x.org/c", &p(2))
            .expect("ok")
            .is_some_and(|u| u.ends_with("page=3")));
        assert_eq!(
            next_page(&m, &v, "https://x.org/c", &p(3)).expect("ok"),
            None
        );
        let m = mapping(r#"{"style": "offset", "param": "offset", "limit": 5}"#);
        let full_last = with_headers(page(2, 5), &[("x-total-count", "10")]);
        assert_eq!(
            next_page(&m, &v, "https://x.org/c", &full_last).expect("ok"),
            None
        );
        let short = with_headers(page(1, 3), &[("x-total-count", "10")]);
        assert_eq!(
            next_page(&m, &v, "https://x.org/c", &short)
                .expect("ok")
                .as_deref(),
            Some("https://x.org/c?offset=5")
        );
    }

    // Link headers: only `rel="next"` counts, in any position and case, resolved against the page's URL; a
    // `javascript:` target is refused, and no header means no next page.
    #[test]
    fn link_header_style() {
        let m = mapping(r#"{"style": "link_header"}"#);
        let v = serde_json::json!([]);
        let p = with_headers(
            page(1, 3),
            &[("Link", "</c?page=1>; rel=\"first\", </c?page=2>; rel=next")],
        );
        assert_eq!(
            next_page(&m, &v, "https://x.org/api/c", &p)
                .expect("ok")
                .as_deref(),
            Some("https://x.org/c?page=2")
        );
        let bad = with_headers(
            page(1, 3),
            &[("link", "<javascript:alert(1)>; rel=\"next\"")],
        );
        assert_eq!(
            next_page(&m, &v, "https://x.org/c", &bad).expect("ok"),
            None
        );
        let last = with_headers(page(1, 3), &[("link", "</c?page=1>; rel=\"prev\"")]);
        assert_eq!(
            next_page(&m, &v, "https://x.org/c", &last).expect("ok"),
            None
        );
        assert_eq!(
            next_page(&m, &v, "https://x.org/c", &page(1, 3)).expect("ok"),
            None
        );
    }
}
