use super::*;

fn mapping(pagination: &str) -> Mapping {
    crate::source::mapping::parse_mapping(&format!(
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
    let m =
        mapping(r#"{"style": "offset", "param": "offset", "limit_param": "limit", "limit": 10}"#);
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
