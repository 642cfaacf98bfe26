//! Folio JSON → model, on the demo documents (shaped like the real seed page) and on the ugly cases.

use super::*;
use crate::model::TextDirection;

const SEED: &str = include_str!("../../../demo/articles/cuba-china-military-cooperation.json");
const SEED_COMMENTS: &str =
    include_str!("../../../demo/comments/cuba-china-military-cooperation.json");
const TRAINS: &str = include_str!("../../../demo/articles/night-trains-return.json");
const TRAINS_COMMENTS: &str = include_str!("../../../demo/comments/night-trains-return.json");
const BASE: &str = "http://127.0.0.1:8080/demo/articles/cuba-china-military-cooperation.json";

// The seed article maps every element of the seed page: breadcrumb, label, title, standfirst, date, hero with
// caption and credit, body paragraphs, the related link after the first paragraph.
#[test]
fn seed_article_has_every_element() {
    let a = parse_article(SEED, Some(BASE)).expect("seed parses");
    assert_eq!(
        &*a.title,
        "Cuba and China Agree to Strengthen Military Cooperation"
    );
    let crumbs: Vec<&str> = a.section.iter().map(|c| &*c.label).collect();
    assert_eq!(crumbs, ["News", "Latin America"]);
    assert_eq!(a.label.as_deref(), Some("Opinion"));
    assert!(a
        .standfirst
        .as_deref()
        .is_some_and(|s| s.starts_with("China's defense minister said")));
    let published = a.published.as_ref().expect("published");
    assert_eq!(&*published.iso, "2017-03-31");
    let hero = a.hero.as_ref().expect("hero");
    assert_eq!(
        &*hero.src, "http://127.0.0.1:8080/demo/images/havana-meeting.svg",
        "resolved against the document"
    );
    assert_eq!(hero.credit.as_deref(), Some("Photo: AFP"));
    assert!(hero
        .caption
        .as_deref()
        .is_some_and(|c| c.contains("Raul Castro")));
    assert!(!hero.alt.is_empty());
    assert_eq!(a.body.len(), 8, "eight paragraphs");
    assert!(a.body[1]
        .as_str()
        .contains("Cuba’s Revolutionary Armed forces"));
    assert_eq!(a.related.len(), 1);
    assert_eq!(a.related[0].after, Some(1));
    assert!(a.related[0].title.starts_with("Cuba Doesn't Trust the US"));
    assert_eq!(a.dir, TextDirection::Ltr);
    assert_eq!(
        a.comments_url.as_deref(),
        Some("http://127.0.0.1:8080/demo/comments/cuba-china-military-cooperation.json")
    );
    assert!(a.url.as_deref().is_some_and(|u| u.starts_with("https://")));
}

// The seed's thread is empty: an empty list is data, not an error, and it is read-only as a static file.
#[test]
fn seed_comments_are_empty() {
    let list = parse_comments(SEED_COMMENTS, Some(BASE)).expect("parses");
    assert!(list.comments.is_empty());
    assert_eq!(list.total, Some(0));
    assert_eq!(list.post, None);
}

// The lively demo thread: 40+ comments, 5+ levels, a deleted comment keeping its replies, Arabic and emoji.
#[test]
fn lively_thread_builds() {
    let a = parse_article(TRAINS, Some(BASE)).expect("article parses");
    assert_eq!(a.authors.len(), 2);
    assert!(a.updated.is_some());
    let list = parse_comments(TRAINS_COMMENTS, Some(BASE)).expect("comments parse");
    assert!(list.comments.len() >= 40);
    let thread = crate::source::thread::build_thread(
        list.comments,
        crate::source::thread::SortOrder::Oldest,
    );
    let mut deepest = 0;
    let mut stack: Vec<(usize, usize)> = thread.roots().iter().map(|&r| (r, 1)).collect();
    while let Some((i, d)) = stack.pop() {
        deepest = deepest.max(d);
        stack.extend(thread.replies(i).iter().map(|&c| (c, d + 1)));
    }
    assert!(deepest >= 5, "depth {deepest}");
    let deleted = (0..thread.len())
        .find(|&i| thread.comment(i).is_some_and(|c| c.deleted))
        .expect("a deleted one");
    assert!(
        !thread.replies(deleted).is_empty(),
        "the deleted comment keeps its replies"
    );
    assert!(thread.comment(deleted).is_some_and(|c| c.body.is_empty()));
    let texts: String = (0..thread.len())
        .filter_map(|i| thread.comment(i))
        .map(|c| c.body.as_str())
        .collect();
    assert!(
        texts
            .chars()
            .any(|ch| ('\u{0600}'..='\u{06FF}').contains(&ch)),
        "an Arabic comment"
    );
    assert!(texts.contains('🚆'));
}

// Missing required fields are named with the path looked at.
#[test]
fn missing_title_and_body_are_named() {
    let e = parse_article(r#"{"body":"<p>x</p>"}"#, None).expect_err("no title");
    assert_eq!(
        e,
        SourceError::MissingField {
            field: "title",
            path: "/title".into()
        }
    );
    let e = parse_article(r#"{"title":"T"}"#, None).expect_err("no body");
    assert!(matches!(e, SourceError::MissingField { field: "body", .. }));
    let e = parse_article(r#"{"title":"   ","body":""}"#, None).expect_err("blank title");
    assert!(matches!(
        e,
        SourceError::MissingField { field: "title", .. }
    ));
}

// A value of the wrong type is reported with its JSON path and both types.
#[test]
fn wrong_types_are_reported_with_path() {
    let e = parse_article(r#"{"title":"T","body":"b","authors":[{"name":7}]}"#, None)
        .expect_err("bad author");
    assert_eq!(
        e,
        SourceError::WrongType {
            path: "/authors/0/name".into(),
            expected: "a string",
            found: "a number"
        }
    );
    let e =
        parse_comments(r#"{"comments":[{"id":"a","deleted":"yes"}]}"#, None).expect_err("bad flag");
    assert!(matches!(e, SourceError::WrongType { ref path, .. } if path == "/comments/0/deleted"));
    let e = parse_article(r#"[1,2]"#, None).expect_err("not an object");
    assert!(matches!(e, SourceError::WrongType { .. }));
}

// An HTML error page or an empty body is "not JSON", quoting the start of what came.
#[test]
fn not_json_is_explained() {
    let e = parse_article("<!doctype html><title>502 Bad Gateway</title>", None).expect_err("html");
    assert!(matches!(&e, SourceError::NotJson { detail } if detail.contains("<!doctype html>")));
    let e = parse_article("", None).expect_err("empty");
    assert!(matches!(&e, SourceError::NotJson { detail } if detail.contains("empty")));
}

// Dates: ISO strings and Unix numbers both work; an unparsable date is an error naming it.
#[test]
fn dates_in_both_forms() {
    let a = parse_article(
        r#"{"title":"T","body":"b","published":1490918400,"updated":"2017-04-01T10:00:00+02:00"}"#,
        None,
    )
    .expect("parses");
    assert_eq!(a.published.map(|p| p.epoch_ms), Some(1_490_918_400_000));
    assert_eq!(
        a.updated.map(|u| u.iso.to_string()).as_deref(),
        Some("2017-04-01T08:00:00Z")
    );
    let e = parse_article(
        r#"{"title":"T","body":"b","published":"last Tuesday"}"#,
        None,
    )
    .expect_err("bad date");
    assert!(matches!(e, SourceError::BadValue { ref path, .. } if path == "/published"));
}

// Hostile URLs never reach the model: javascript: links and data: images are dropped, not rendered.
#[test]
fn hostile_urls_are_dropped() {
    let a = parse_article(
        r#"{"title":"T","body":"b","url":"javascript:alert(1)","hero":{"src":"data:image/svg+xml,<svg onload=alert(1)>"},
            "section":[{"label":"S","url":" JaVaScRiPt:alert(1)"}],"related":[{"title":"R","url":"vbscript:x"}]}"#,
        None,
    )
    .expect("parses");
    assert_eq!(a.url, None);
    assert_eq!(a.hero, None);
    assert_eq!(a.section[0].url, None);
    assert!(a.related.is_empty());
}

// Comment shapes seen in the wild: numeric ids, parent 0 for top level, author as a string, bare arrays.
#[test]
fn comment_shapes() {
    let list = parse_comments(
        r#"[{"id":1,"parent":0,"author":"Ana","body":"hi"},{"id":2,"parent":1,"body":"<b>x</b>","format":"html"}]"#,
        None,
    )
    .expect("parses");
    assert_eq!(&*list.comments[0].id, "1");
    assert_eq!(list.comments[0].parent, None);
    assert_eq!(&*list.comments[0].author.name, "Ana");
    assert_eq!(list.comments[1].parent.as_deref(), Some("1"));
    assert_eq!(&*list.comments[1].author.name, "Anonymous");
    assert_eq!(list.post, None, "a bare array is read-only");
}

// Comment bodies are sanitised: scripts and handlers never survive, links are marked as user content.
#[test]
fn comment_bodies_are_sanitised() {
    let list = parse_comments(
        r#"{"comments":[{"id":"a","format":"html","body":"<img src=x onerror=alert(1)><script>alert(2)</script><a href='https://e.example'>e</a>"},
                        {"id":"b","body":"[x](javascript:alert(3)) <script>alert(4)</script>"}]}"#,
        None,
    )
    .expect("parses");
    for c in &list.comments {
        let html = c.body.as_str().to_ascii_lowercase();
        assert!(
            !html.contains("<script") && !html.contains("onerror") && !html.contains("javascript:"),
            "{html}"
        );
    }
    assert!(list.comments[0].body.as_str().contains("ugc"));
}

// The post target is resolved against the document and carries the server's limit.
#[test]
fn post_target() {
    let list = parse_comments(
        r#"{"comments":[],"post":{"url":"/api/articles/x/comments","max_length":2000}}"#,
        Some("http://127.0.0.1:9/demo/comments/x.json"),
    )
    .expect("parses");
    let post = list.post.expect("post");
    assert_eq!(&*post.url, "http://127.0.0.1:9/api/articles/x/comments");
    assert_eq!(post.max_length, 2000);
}

// A page of a longer list keeps its `next`, resolved against the list's URL; a hostile `next` is dropped, and the
// last page has none.
#[test]
fn paged_list_keeps_next() {
    let base = Some("http://127.0.0.1:9/api/articles/x/comments?page=1&per_page=5");
    let list = parse_comments(
        r#"{"comments":[],"total":12,"next":"/api/articles/x/comments?page=2&per_page=5"}"#,
        base,
    )
    .expect("parses");
    assert_eq!(
        list.next.as_deref(),
        Some("http://127.0.0.1:9/api/articles/x/comments?page=2&per_page=5")
    );
    assert_eq!(list.total, Some(12));
    let hostile = parse_comments(r#"{"comments":[],"next":"javascript:alert(1)"}"#, base);
    assert_eq!(hostile.expect("parses").next, None);
    assert_eq!(
        parse_comments(r#"{"comments":[]}"#, base)
            .expect("parses")
            .next,
        None
    );
}

// Issue 14: a live article's `entries` (newest first whatever the order, author as a name or an object, Markdown
// and HTML bodies sanitised) and its `events` stream, resolved against the document's URL; an entry without an id
// is an error that names its path; the stream's entry and body events are read by the same code.
#[test]
fn live_entries_and_their_stream() {
    let base = Some("https://news.example/demo/articles/live.json");
    let a = parse_article(
        r#"{"title": "T", "body": "<p>b</p>", "live": true, "events": "/api/articles/live/live",
            "entries": [
              {"id": "s1", "published": "2026-03-01T06:05:00Z", "author": "Ana", "body": "*one*", "body_format": "markdown"},
              {"id": 2, "published": "2026-03-01T07:05:00Z", "author": {"name": "Ben"}, "title": " Two ",
               "body": "<p onclick=\"x()\">two</p>"}
            ]}"#,
        base,
    )
    .expect("live article");
    assert_eq!(
        a.events.as_deref(),
        Some("https://news.example/api/articles/live/live")
    );
    let ids: Vec<_> = a.entries.iter().map(|e| &*e.id).collect();
    assert_eq!(ids, ["2", "s1"]);
    assert_eq!(a.entries[0].title.as_deref(), Some("Two"));
    assert_eq!(a.entries[0].author.as_ref().map(|p| &*p.name), Some("Ben"));
    assert_eq!(a.entries[0].body[0].as_str(), "<p>two</p>");
    assert_eq!(a.entries[1].body[0].as_str(), "<p><em>one</em></p>");

    let e = parse_article(
        r#"{"title": "T", "body": "b", "entries": [{"body": "x"}]}"#,
        None,
    )
    .expect_err("an entry needs an id");
    assert!(e.to_string().contains("/entries/0/id"), "{e}");

    let entry = crate::source::folio_json::read_entry(
        r#"{"id": "e9", "published": "2026-03-01T09:00:00Z", "author": "Ed", "body": "<p>new</p>"}"#,
        base,
    )
    .expect("entry event");
    assert_eq!(&*entry.id, "e9");
    let (body, updated) = crate::source::folio_json::read_correction(
        r#"{"body": "Fixed.", "body_format": "text", "updated": "2026-03-01T10:00:00Z"}"#,
        base,
    )
    .expect("body event");
    assert_eq!(body[0].as_str(), "<p>Fixed.</p>");
    assert_eq!(updated.map(|t| t.epoch_ms), Some(1_772_359_200_000));
}
