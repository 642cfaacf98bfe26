//! The adapter without the `mapping` feature (the embed's lite module): Folio JSON is read as in the full build, and
//! everything that needs a mapping is `NeedsMapping`, the signal for the full module to take over.

use super::*;
use crate::source::mapping::PostForm;

const FOLIO: &str =
    r#"{"id": "a1", "title": "Night trains", "body": "<p>Back.</p>", "comments": "c.json"}"#;
const WORDPRESS: &str = r#"{"id": 7, "title": {"rendered": "Hi"}, "content": {"rendered": "<p>x</p>"},
    "guid": {"rendered": "https://wp.example/?p=7"}}"#;
const BASE: &str = "https://api.example/a/1.json";

fn needs(result: Result<(Article, Adapter), SourceError>) -> String {
    match result {
        Err(SourceError::NeedsMapping { shape }) => shape,
        other => panic!("expected NeedsMapping, got {other:?}"),
    }
}

#[test]
fn folio_json_is_read_as_in_the_full_build() {
    let (article, adapter) =
        Adapter::read_article(FOLIO, Some(BASE), &MappingChoice::Auto).expect("Folio JSON");
    assert_eq!(&*article.title, "Night trains");
    assert_eq!(
        article.comments_url.as_deref(),
        Some("https://api.example/a/c.json")
    );
    assert_eq!(adapter.name(), "folio");
    assert!(adapter.detected());
    assert_eq!(adapter.read_only_preset(), None);
}

#[test]
fn another_apis_shape_needs_the_mapping() {
    let shape = needs(Adapter::read_article(
        WORDPRESS,
        Some(BASE),
        &MappingChoice::Auto,
    ));
    assert_eq!(shape, "wordpress");
    // Reddit's thread is an array: its signature still tells it apart.
    let reddit = r#"[{"data": {"children": [{"data": {"subreddit": "rust"}}]}}, {"data": {"children": []}}]"#;
    assert_eq!(
        needs(Adapter::read_article(reddit, None, &MappingChoice::Auto)),
        "reddit"
    );
}

#[test]
fn a_configured_preset_or_mapping_needs_the_mapping() {
    let choice = MappingChoice::from_settings(Some("wordpress"), None).expect("a preset name");
    assert_eq!(
        needs(Adapter::read_article(FOLIO, Some(BASE), &choice)),
        "wordpress"
    );
    assert_eq!(
        MappingChoice::from_settings(None, Some(r#"{"article": {}}"#)),
        Err(SourceError::NeedsMapping {
            shape: "custom mapping".into()
        })
    );
}

#[test]
fn broken_folio_json_keeps_its_own_errors() {
    // No signature fits (no body): the Folio JSON reader names the missing field, as in the full build.
    let err = Adapter::read_article(r#"{"id": "a", "title": "T"}"#, None, &MappingChoice::Auto)
        .expect_err("no body");
    assert!(
        matches!(err, SourceError::MissingField { field: "body", .. }),
        "{err:?}"
    );
    assert!(matches!(
        Adapter::read_article("<html>", None, &MappingChoice::Auto),
        Err(SourceError::NotJson { .. })
    ));
}

#[test]
fn comments_and_posting_use_folios_format() {
    let adapter = Adapter::folio();
    let page = adapter
        .read_page(
            r#"{"comments": [{"id": "1", "author": {"name": "Ana"}, "date": "2026-01-01T00:00:00Z", "body": "Hi"}],
                "events": "events"}"#,
            "https://api.example/a/1/comments",
            1,
            &[("x-total-count".into(), "9".into())],
        )
        .expect("a page");
    assert_eq!(page.list.comments.len(), 1);
    assert_eq!(page.list.total, Some(9));
    assert_eq!(
        page.events.as_deref(),
        Some("https://api.example/a/1/events")
    );
    let form = PostForm {
        text: "Hello".into(),
        name: "Ana".into(),
        ..PostForm::default()
    };
    let out = adapter
        .post_request(&form, "https://api.example/c", "k1", None)
        .expect("a request");
    assert_eq!(out.idempotency_key.as_deref(), Some("k1"));
    assert_eq!(out.body["format"], "markdown");
    let answer = adapter.read_post_answer(202, &[], "{}", None, None);
    assert!(answer.held);
}
