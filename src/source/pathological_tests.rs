//! Pathological data through the whole data path (JSON text → mapping → thread): very deep reply chains, cycles,
//! orphans, duplicates, huge bodies, impossible dates, huge numbers, wrong types everywhere, non-JSON, and property
//! tests that arbitrary JSON gives a model or a named error, never a panic.

use std::time::Instant;

use proptest::prelude::*;
use serde_json::{json, Map, Value};

use super::folio_json::{article_from_value, comments_from_value, parse_article, parse_comments};
use super::thread::{build_thread, SortOrder};
use super::SourceError;

/// How deep comment `i` sits, following reply links down from the roots without recursion.
fn max_depth(t: &crate::model::Thread) -> usize {
    let mut deepest = 0;
    let mut stack: Vec<(usize, usize)> = t.roots().iter().map(|&r| (r, 1)).collect();
    while let Some((i, d)) = stack.pop() {
        deepest = deepest.max(d);
        stack.extend(t.replies(i).iter().map(|&c| (c, d + 1)));
    }
    deepest
}

fn chain_json(n: usize) -> String {
    let comments: Vec<Value> = (1..=n)
        .map(|i| {
            json!({"id": i, "parent": if i == 1 { Value::Null } else { json!(i - 1) },
                   "body": "r", "format": "text", "date": 1_600_000_000 + i})
        })
        .collect();
    json!({ "comments": comments }).to_string()
}

// A 100,000-deep reply chain parses, threads and drops on an ordinary test thread's stack (no recursion anywhere).
#[test]
fn hundred_thousand_deep_chain_parses_and_threads() {
    let n = 100_000;
    let list = parse_comments(&chain_json(n), None).expect("chain parses");
    assert_eq!(list.comments.len(), n);
    let thread = build_thread(list.comments, SortOrder::Oldest);
    assert_eq!(thread.roots().len(), 1);
    assert_eq!(max_depth(&thread), n);
    drop(thread);
}

// Deeply nested JSON (not a chain of comments but brackets) is refused by the JSON parser as a named error.
#[test]
fn deeply_nested_json_is_a_named_error() {
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    assert!(matches!(
        parse_comments(&deep, None),
        Err(SourceError::NotJson { .. })
    ));
    let deep_obj = format!("{}1{}", r#"{"a":"#.repeat(50_000), "}".repeat(50_000));
    assert!(matches!(
        parse_article(&deep_obj, None),
        Err(SourceError::NotJson { .. })
    ));
}

// Parent cycles, self-parents, orphans and duplicate ids: every distinct comment appears exactly once.
#[test]
fn cycles_orphans_and_duplicates_keep_every_comment_once() {
    let doc = json!({"comments": [
        {"id": "a", "parent": "c"}, {"id": "b", "parent": "a"}, {"id": "c", "parent": "b"},
        {"id": "self", "parent": "self"}, {"id": "orphan", "parent": "nobody"},
        {"id": "a", "parent": null, "body": "duplicate"}, {"id": 7, "parent": "7"}, {"id": "7"},
        {"id": "x", "parent": 0}, {"id": "y", "parent": ""},
    ]});
    let list = parse_comments(&doc.to_string(), None).expect("parses");
    let thread = build_thread(list.comments, SortOrder::Newest);
    let mut seen = Vec::new();
    let mut stack: Vec<usize> = thread.roots().to_vec();
    while let Some(i) = stack.pop() {
        seen.push(i);
        stack.extend_from_slice(thread.replies(i));
    }
    seen.sort_unstable();
    assert_eq!(
        seen,
        (0..8).collect::<Vec<_>>(),
        "8 distinct ids, each reachable once"
    );
}

// A 5 MB article body (HTML, and the same as Markdown) is sanitised in bounded time without blowing up.
#[test]
fn five_megabyte_body() {
    let para = "<p>Lorem <b>ipsum</b> <a href=\"javascript:x\">dolor</a> <img src=x onerror=y> sit amet.</p>";
    let body = para.repeat(5_000_000 / para.len() + 1);
    for format in ["html", "markdown"] {
        let doc = json!({"title": "Big", "body": body, "body_format": format}).to_string();
        let t = Instant::now();
        let a = parse_article(&doc, None).expect("parses");
        assert!(t.elapsed().as_secs() < 60, "{format}: {:?}", t.elapsed());
        let html: usize = a.body.iter().map(|b| b.as_str().len()).sum();
        assert!(
            html > 1_000_000 && html < 20_000_000,
            "{format}: {html} bytes"
        );
        assert!(a.body.iter().all(|b| !b.as_str().contains("onerror")));
    }
}

// Impossible, out-of-range and malformed dates are named errors with their path; never a panic or a wrong date.
#[test]
fn bad_dates_are_named() {
    for bad in [
        json!("2017-02-30T00:00:00Z"),
        json!("2017-13-01"),
        json!("99999999-01-01T00:00:00Z"),
        json!("2017-01-01T25:61:61Z"),
        json!("yesterday"),
        json!("2017-01-01T00:00:00+99:99"),
        json!(1e300),
        json!(-1e300),
        json!(f64::MAX),
        json!(u64::MAX),
        json!(i64::MIN),
        json!(true),
        json!([]),
    ] {
        let doc = json!({"title": "t", "body": "b", "published": bad});
        match parse_article(&doc.to_string(), None) {
            Err(SourceError::BadValue { path, .. } | SourceError::WrongType { path, .. }) => {
                assert_eq!(path, "/published", "{bad}")
            }
            other => panic!("{bad}: {other:?}"),
        }
    }
}

// Huge and negative numbers in counts, sizes, scores and ids are clamped or named, never a panic or overflow.
#[test]
fn huge_numbers() {
    let huge = [
        json!(1e308),
        json!(-1e308),
        json!(u64::MAX),
        json!(i64::MIN),
        json!(-1),
        json!(0.5),
        serde_json::from_str::<Value>("18446744073709551616").expect("big number"),
    ];
    for n in &huge {
        let doc = json!({"title": "t", "body": "b", "id": n,
            "hero": {"src": "https://i.example/a.png", "width": n, "height": n},
            "related": [{"title": "r", "url": "https://r.example", "after": n}]});
        let _ = parse_article(&doc.to_string(), None);
        let comments = json!({"comments": [{"id": n, "parent": n, "score": n, "date": n}],
            "total": n, "post": {"url": "https://p.example", "max_length": n}});
        if let Ok(list) = parse_comments(&comments.to_string(), None) {
            let _ = build_thread(list.comments, SortOrder::Top);
        }
    }
}

// Every field of both documents, given every wrong JSON type, gives a model or a named error.
#[test]
fn wrong_types_everywhere() {
    let kinds = [
        Value::Null,
        json!(true),
        json!(0),
        json!(-3.5),
        json!(""),
        json!("x"),
        json!([]),
        json!([1, "a", null]),
        json!({}),
        json!({"a": 1}),
    ];
    let article = super::xss_corpus_tests::article_doc("x", "html");
    let comments = super::xss_corpus_tests::comments_doc("x");
    let mut fields = 0;
    for (doc, is_article) in [(article, true), (comments, false)] {
        for path in leaf_paths(&doc, String::new()) {
            for k in &kinds {
                let mut d = doc.clone();
                if let Some(slot) = d.pointer_mut(&path) {
                    *slot = k.clone();
                }
                let text = d.to_string();
                let named = if is_article {
                    parse_article(&text, None)
                        .map(|_| ())
                        .map_err(|e| e.to_string())
                } else {
                    parse_comments(&text, None)
                        .map(|_| ())
                        .map_err(|e| e.to_string())
                };
                if let Err(e) = named {
                    assert!(!e.is_empty());
                }
            }
            fields += 1;
        }
    }
    assert!(fields > 40, "{fields} fields tried");
}

/// JSON pointers of every value in `v`, containers included.
fn leaf_paths(v: &Value, at: String) -> Vec<String> {
    let mut out = vec![at.clone()];
    match v {
        Value::Object(o) => {
            for (k, c) in o {
                out.extend(leaf_paths(c, format!("{at}/{k}")));
            }
        }
        Value::Array(a) => {
            for (i, c) in a.iter().enumerate() {
                out.extend(leaf_paths(c, format!("{at}/{i}")));
            }
        }
        _ => {}
    }
    out
}

// Responses that are not JSON at all are named as such, with the start of what came instead.
#[test]
fn non_json_responses() {
    for text in [
        "",
        "   ",
        "<!DOCTYPE html><html><body>502 Bad Gateway</body></html>",
        "{",
        "\u{feff}{\"title\":\"t\",\"body\":\"b\"}",
        "{\"title\": \"t\", \"body\": \"b\"} trailing",
        "NaN",
        "\0\0\0",
        "{\"title\":\"\u{0}\"",
    ] {
        assert!(
            matches!(parse_article(text, None), Err(SourceError::NotJson { .. })),
            "{text:?}"
        );
        assert!(
            matches!(parse_comments(text, None), Err(SourceError::NotJson { .. })),
            "{text:?}"
        );
    }
    assert!(parse_article("", None)
        .unwrap_err()
        .to_string()
        .contains("empty"));
}

/// Arbitrary JSON values, a few levels deep.
fn any_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        any::<u64>().prop_map(|n| json!(n)),
        any::<f64>()
            .prop_map(|f| serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number)),
        ".{0,40}".prop_map(Value::String),
        prop_oneof![
            Just("https://a.example/x"),
            Just("javascript:alert(1)"),
            Just("2017-03-31T14:05:00Z"),
            Just("<p>hi <script>x</script></p>"),
            Just("markdown"),
            Just("html"),
            Just("rtl"),
        ]
        .prop_map(|s| Value::String(s.into())),
    ];
    leaf.prop_recursive(4, 64, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((field_name(), inner), 0..8)
                .prop_map(|kv| Value::Object(kv.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

/// Mostly the format's own field names, so generated objects reach deep into the mapping.
fn field_name() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => prop::sample::select(vec![
            "id", "title", "body", "body_format", "format", "lang", "dir", "url", "section", "label",
            "standfirst", "authors", "author", "name", "avatar", "published", "updated", "date", "hero",
            "src", "alt", "caption", "credit", "width", "height", "related", "after", "tags", "audio",
            "live", "comments", "parent", "deleted", "score", "article_author", "total", "post",
            "max_length",
        ]).prop_map(String::from),
        1 => "[a-z]{1,8}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 3000, ..ProptestConfig::default() })]

    // Any JSON value as an article or a comment list: a model or a named error, never a panic.
    #[test]
    fn arbitrary_json_never_panics(v in any_json()) {
        let _ = article_from_value(&v, None);
        let _ = article_from_value(&v, Some("https://b.example/a/b.json"));
        if let Ok(list) = comments_from_value(&v, None) {
            let _ = build_thread(list.comments, SortOrder::Top);
        }
        let text = v.to_string();
        prop_assert_eq!(parse_article(&text, None).is_ok(), article_from_value(&v, None).is_ok());
    }

    // Arbitrary objects shaped like the documents (their own field names, arbitrary values) reach every reader.
    #[test]
    fn arbitrary_documents_never_panic(
        fields in prop::collection::vec((field_name(), any_json()), 0..16),
        comments in prop::collection::vec(prop::collection::vec((field_name(), any_json()), 0..10), 0..8),
    ) {
        let mut doc: Map<String, Value> = fields.into_iter().collect();
        let _ = article_from_value(&Value::Object(doc.clone()), None);
        let list: Vec<Value> = comments.into_iter().map(|c| Value::Object(c.into_iter().collect())).collect();
        doc.insert("comments".into(), Value::Array(list));
        if let Ok(l) = comments_from_value(&Value::Object(doc), Some("https://b.example/c")) {
            let _ = build_thread(l.comments, SortOrder::Newest);
        }
    }

    // Arbitrary text (not necessarily JSON) as a response body.
    #[test]
    fn arbitrary_text_never_panics(text in ".{0,200}") {
        let _ = parse_article(&text, None);
        let _ = parse_comments(&text, None);
    }
}
