//! Pagination: from one page of comments, the URL of the next (or `None` when this was the last).

use serde_json::Value;

use super::doc::{Mapping, Pagination};
use super::value::{self, Doc};
use crate::source::error::SourceError;
use crate::source::url::safe_link;

/// What is known about the page just read.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PageInfo {
    /// 1 for the first page.
    pub number: u32,
    /// How many items it held.
    pub items: usize,
    /// Its `Link` header, when the transport exposes headers.
    pub link_header: Option<String>,
    /// A page count from a header (`X-WP-TotalPages`), when exposed.
    pub pages_header: Option<u32>,
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
            ..
        } => {
            let total_pages = value::number(doc, pages.as_ref(), root)?
                .map(|n| n.max(0) as u32)
                .or(page.pages_header);
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
        } => (page.items >= *limit as usize).then(|| {
            let offset = page.number as usize * *limit as usize;
            let u = set_param(url, param, &offset.to_string());
            match limit_param {
                Some(k) => set_param(&u, k, &limit.to_string()),
                None => u,
            }
        }),
        Pagination::Cursor { cursor, param } => value::text(doc, Some(cursor), root)?
            .filter(|c| !c.is_empty())
            .map(|c| set_param(url, param, &c)),
        Pagination::NextUrl { next } => {
            value::text(doc, Some(next), root)?.and_then(|n| safe_link(Some(url), &n))
        }
        Pagination::LinkHeader => page
            .link_header
            .as_deref()
            .and_then(next_from_link)
            .and_then(|n| safe_link(Some(url), &n)),
        // "More" stubs are expanded by their own requests (or shown as a count); no page follows.
        Pagination::MoreStubs { .. } => None,
    })
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
    let encoded: String = value
        .bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect();
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
        let p = PageInfo { link_header: Some("<https://m.social/api?max_id=1>; rel=\"next\", <https://m.social/api?min_id=9>; rel=\"prev\"".into()), ..page(1, 3) };
        assert_eq!(
            next_page(&m, &v, "https://m.social/api", &p)
                .expect("ok")
                .as_deref(),
            Some("https://m.social/api?max_id=1")
        );
    }
}
