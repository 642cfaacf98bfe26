//! Paged comment lists on the reference server (issue 4): `?per_page=N&page=K` answers one page with the whole
//! `total`, a `next` URL in the body and a `Link: rel="next"` header; `--page-size` pages lists asked for without
//! `per_page`; cross-origin clients may read the paging headers. The harness is shared through `harness/http.rs`.
#![allow(dead_code)]

include!("harness/http.rs");

/// Follows `next` from `path` to the end, returning every page's ids.
fn walk(server: &Server, path: &str) -> Vec<Vec<String>> {
    let mut pages = Vec::new();
    let mut at = Some(path.to_owned());
    while let Some(p) = at.take() {
        let r = server.get(&p);
        assert_eq!(r.status, 200, "{p}: {}", r.text());
        let list = r.json();
        assert_eq!(
            list["total"], 3,
            "the total is the whole thread on every page"
        );
        assert_eq!(r.header("x-total-count"), Some("3"));
        at = list["next"].as_str().map(str::to_owned);
        let link = r.header("link").map(str::to_owned);
        assert_eq!(
            link,
            at.as_ref().map(|n| format!("<{n}>; rel=\"next\"")),
            "the Link header names the same next page as the body"
        );
        pages.push(ids(&list));
        assert!(pages.len() <= 3, "paging ends");
    }
    pages
}

// Asked with per_page, the list comes a page at a time in date order, and the last page names no next one.
#[test]
fn per_page_pages_follow_next() {
    let fixture = Fixture::new();
    let server = fixture.start(&[]);
    let pages = walk(&server, &format!("{}?per_page=2", comments_path()));
    assert_eq!(pages, [vec!["c1", "c2"], vec!["c3"]]);
    // The live demo list pages the same way, with next URLs on its own path.
    let demo = server.get(&format!("/demo/comments/{ARTICLE}.json?per_page=1&page=2"));
    assert_eq!(ids(&demo.json()), ["c2"]);
    assert_eq!(
        demo.json()["next"],
        format!("/demo/comments/{ARTICLE}.json?page=3&per_page=1")
    );
    // Without per_page (and no --page-size) the whole list comes, with no next.
    let whole = server.get(&comments_path());
    assert_eq!(ids(&whole.json()), ["c1", "c2", "c3"]);
    assert!(whole.json().get("next").is_none() && whole.header("link").is_none());
}

// --page-size pages lists asked for without per_page; a page past the end is empty; bad numbers are a 400.
#[test]
fn page_size_flag_and_bad_queries() {
    let fixture = Fixture::new();
    let server = fixture.start(&["--page-size", "1"]);
    let pages = walk(&server, &comments_path());
    assert_eq!(pages, [vec!["c1"], vec!["c2"], vec!["c3"]]);
    let past = server.get(&format!("{}?page=9", comments_path())).json();
    assert_eq!(ids(&past), Vec::<String>::new());
    assert!(past.get("next").is_none());
    for q in ["page=0", "per_page=x", "per_page=100000"] {
        let r = server.get(&format!("{}?{q}", comments_path()));
        assert_eq!(r.status, 400, "{q}: {}", r.text());
    }
}

// A cross-origin page may read the paging headers: they are listed in Access-Control-Expose-Headers.
#[test]
fn paging_headers_are_exposed_to_other_origins() {
    let fixture = Fixture::new();
    let server = fixture.start(&["--allow-origin", "https://news.example", "--page-size", "2"]);
    let r = server.request(
        "GET",
        &comments_path(),
        &[("Origin", "https://news.example")],
        None,
    );
    let exposed = r
        .header("access-control-expose-headers")
        .unwrap_or("")
        .to_ascii_lowercase();
    for h in ["link", "x-total-count"] {
        assert!(
            exposed.split(',').any(|e| e.trim() == h),
            "{h} in {exposed:?}"
        );
    }
}
