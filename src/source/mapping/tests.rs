//! Engine tests: a custom API no preset knows, handled by a mapping document alone; threading models; errors that
//! name the field, the paths tried and the mapping.

use super::*;
use crate::source::SourceError;
use serde_json::json;

const CUSTOM: &str = include_str!("../../../tests/fixtures/custom/article.json");
const CUSTOM_MAPPING: &str = include_str!("../../../tests/fixtures/custom/mapping.json");
const BASE: &str = "https://cms.acme.example/api/v2/docs/a-991";

fn doc(m: &str) -> MappingChoice {
    MappingChoice::from_settings(None, Some(m)).expect("valid mapping")
}

// A shape no preset knows: nested root, kicker, entity-decoded title, template author names, a %-pattern date,
// hero credit joined from a list, Portable Text body, constant language; comments inside the document threaded by
// materialised paths, Unix milliseconds, string scores, a removed comment.
#[test]
fn custom_api_with_a_mapping_document_alone() {
    let v: serde_json::Value = serde_json::from_str(CUSTOM).expect("json");
    assert_eq!(detect(&v), None, "no preset knows it");
    let m = map_article_text(CUSTOM, Some(BASE), &doc(CUSTOM_MAPPING)).expect("maps");
    assert_eq!(m.resolved.name, "acme-cms");
    let a = &m.article;
    assert_eq!(&*a.id, "a-991");
    assert_eq!(
        a.url.as_deref(),
        Some("https://acme.example/articles/a-991")
    );
    assert_eq!(
        a.section.iter().map(|c| &*c.label).collect::<Vec<_>>(),
        ["Science", "Mathematics"]
    );
    assert_eq!(a.label.as_deref(), Some("History of Science"));
    assert_eq!(&*a.title, "The Bridges of Königsberg");
    assert_eq!(
        a.standfirst.as_deref(),
        Some("Seven bridges & one walk that started graph theory.")
    );
    let names: Vec<&str> = a.authors.iter().map(|p| &*p.name).collect();
    assert_eq!(names, ["Leonhard Euler", "Desk"]);
    assert_eq!(
        a.authors[0].url.as_deref(),
        Some("https://cms.acme.example/people/euler")
    );
    assert_eq!(
        a.published.as_ref().map(|d| &*d.iso),
        Some("2017-03-31T14:05:00Z")
    );
    let hero = a.hero.as_ref().expect("hero");
    assert_eq!(
        &*hero.src,
        "https://cms.acme.example/api/v2/docs/img/bridges.png"
    );
    assert_eq!(&*hero.alt, "A map of the seven bridges");
    assert_eq!(hero.credit.as_deref(), Some("Merian, 1652"));
    assert_eq!(a.body.len(), 3);
    assert_eq!(a.body[1].as_str(), "<h2>Euler's answer</h2>");
    assert!(a.body[2].as_str().contains("<strong>No</strong>"));
    assert!(a.body[2]
        .as_str()
        .contains("href=\"https://cms.acme.example/wiki/graph\""));
    assert_eq!(
        a.tags.iter().map(|t| &*t.label).collect::<Vec<_>>(),
        ["graphs", "history"]
    );
    assert_eq!(a.lang.as_deref(), Some("en"));
    assert_eq!(a.comments_url.as_deref(), Some(BASE));

    let list = map_comments_text(
        CUSTOM,
        Some(BASE),
        m.resolved.mapping.as_deref(),
        Some(&m.object),
    )
    .expect("maps");
    let got: Vec<(&str, Option<&str>)> = list
        .comments
        .iter()
        .map(|c| (&*c.id, c.parent.as_deref()))
        .collect();
    assert_eq!(got, [("1", Some("0")), ("2", Some("1")), ("3", Some("0"))]);
    assert_eq!(
        list.comments[0].body.as_str().trim_end(),
        "<p>Lovely <em>story</em>.</p>"
    );
    assert_eq!(list.comments[0].score, Some(3));
    assert_eq!(
        list.comments[0].date.as_ref().map(|d| d.epoch_ms),
        Some(1_490_969_100_000)
    );
    assert!(list.comments[2].deleted);
    assert_eq!(list.post, None);
}

fn mapping(v: serde_json::Value) -> MappingChoice {
    doc(&v.to_string())
}

// A missing title names the field, every path tried and the mapping.
#[test]
fn missing_required_field_names_field_paths_and_mapping() {
    let m = mapping(
        json!({"name": "mine", "article": {"title": ["headline", "meta.title"], "body": "text"}}),
    );
    let e = map_article_text(r#"{"text": "x"}"#, None, &m).expect_err("no title");
    assert_eq!(
        e,
        SourceError::MissingMapped {
            field: "title".into(),
            tried: "`headline`, `meta.title`".into(),
            mapping: "mine".into()
        }
    );
    assert_eq!(e.to_string(), "the required field `title` is missing: the mine mapping looked for `headline`, `meta.title`");
    let e = map_article_text(r#"{"headline": "x"}"#, None, &m).expect_err("no body");
    assert!(e.to_string().contains("`body`") && e.to_string().contains("`text`"));
    let e = map_article_text(
        r#"{"title": {"rendered": "x"}}"#,
        None,
        &MappingChoice::Preset("wordpress".into()),
    )
    .expect_err("no body");
    assert!(
        e.to_string().contains("wordpress") && e.to_string().contains("content.rendered"),
        "{e}"
    );
}

// A value of the wrong type is reported with its path; optional fields that are absent are just left out.
#[test]
fn wrong_types_report_their_path() {
    let m = mapping(
        json!({"article": {"title": "t", "body": "b", "standfirst": "s.x", "published": "when"}}),
    );
    let e =
        map_article_text(r#"{"t": "T", "b": "B", "s": {"x": [1]}}"#, None, &m).expect_err("array");
    assert_eq!(
        e,
        SourceError::WrongType {
            path: "s.x".into(),
            expected: "a string",
            found: "an array"
        }
    );
    let e = map_article_text(r#"{"t": "T", "b": "B", "when": "yesterday"}"#, None, &m)
        .expect_err("date");
    assert!(
        e.to_string().contains("`when`") && e.to_string().contains("yesterday"),
        "{e}"
    );
    let a = map_article_text(r#"{"t": "T", "b": "B"}"#, None, &m).expect("optional fields absent");
    assert_eq!(
        (a.article.standfirst.clone(), a.article.published.clone()),
        (None, None)
    );
}

// Mapping documents with mistakes are refused with a reason: unknown keys, bad paths, bad formats, no preset.
#[test]
fn bad_mappings_are_named() {
    let e = MappingChoice::from_settings(None, Some(r#"{"article": {"titel": "x"}}"#))
        .expect_err("typo");
    assert!(e.to_string().contains("titel"), "{e}");
    let e = MappingChoice::from_settings(Some("blogger"), None).expect_err("no preset");
    assert!(e.to_string().contains("blogger") && e.to_string().contains("wordpress"));
    let m = mapping(json!({"article": {"title": "a[", "body": "b"}}));
    assert!(map_article_text(r#"{"b": "x"}"#, None, &m)
        .expect_err("path")
        .to_string()
        .contains("a["));
    let m = mapping(json!({"article": {"title": "t", "body": {"path": "b", "format": "rtf"}}}));
    assert!(map_article_text(r#"{"t": "T", "b": "x"}"#, None, &m)
        .expect_err("format")
        .to_string()
        .contains("rtf"));
    assert!(matches!(
        map_article_text("<html>", None, &MappingChoice::Auto),
        Err(SourceError::NotJson { .. })
    ));
    assert!(is_inline(" {\"article\": {}}") && !is_inline("https://x/m.json"));
}

fn thread_of(
    comments: serde_json::Value,
    threading: serde_json::Value,
    comment: serde_json::Value,
) -> Vec<(String, Option<String>)> {
    let doc = json!({"article": {}, "comments": {"threading": threading, "comment": comment}});
    let m = Mapping::from_value(&doc).expect("comments map");
    map_comments(&m, &comments, None, None)
        .expect("maps")
        .comments
        .into_iter()
        .map(|c| (c.id.to_string(), c.parent.map(|p| p.to_string())))
        .collect()
}

fn pairs(v: &[(&str, Option<&str>)]) -> Vec<(String, Option<String>)> {
    v.iter()
        .map(|(a, b)| (a.to_string(), b.map(str::to_string)))
        .collect()
}

// Flat lists: "no parent" may be 0, null, absent or a listed value.
#[test]
fn flat_parent_values() {
    let got = thread_of(
        json!([{"id": 1, "p": 0}, {"id": 2, "p": null}, {"id": 3}, {"id": 4, "p": "none"}, {"id": 5, "p": 1}]),
        json!({"model": "flat", "parent": "p", "no_parent": ["none"]}),
        json!({"id": "id"}),
    );
    assert_eq!(
        got,
        pairs(&[
            ("1", None),
            ("2", None),
            ("3", None),
            ("4", None),
            ("5", Some("1"))
        ])
    );
}

// Nested children with wrapper objects, and "more" stubs skipped.
#[test]
fn nested_with_wrappers() {
    let got = thread_of(
        json!([{"kind": "c", "data": {"id": "a", "kids": [{"kind": "c", "data": {"id": "b", "kids": []}}, {"kind": "more", "data": {"id": "m"}}]}}]),
        json!({"model": "nested", "children": "kids"}),
        json!({"wrapper": "data", "id": "id", "skip": {"path": "kind", "equals": "more"}}),
    );
    assert_eq!(got, pairs(&[("a", None), ("b", Some("a"))]));
}

// Materialised paths and reply-to positions.
#[test]
fn paths_and_positions() {
    let got = thread_of(
        json!([{"path": "7"}, {"path": "7/9"}, {"path": "7/9/12"}]),
        json!({"model": "path", "field": "path", "separator": "/"}),
        json!({"id": {"path": "path", "after": "/"}}),
    );
    assert_eq!(
        got,
        pairs(&[("7", None), ("9", Some("7")), ("12", Some("9"))])
    );
    let got = thread_of(
        json!([{"id": "x", "n": 1}, {"id": "y", "n": 2, "to": 1}, {"id": "z", "n": 3, "to": 9}]),
        json!({"model": "reply_to_position", "position": "n", "reply_to": "to"}),
        json!({"id": "id"}),
    );
    assert_eq!(got, pairs(&[("x", None), ("y", Some("x")), ("z", None)]));
}

// A comment without an id is a named error that says where it is.
#[test]
fn comment_without_id_is_named() {
    let m = Mapping::from_value(&json!({"article": {}, "comments": {"comment": {"id": "id"}}}))
        .expect("map");
    let e = map_comments(&m, &json!([{"id": 1}, {"x": 2}]), None, None).expect_err("no id");
    assert!(
        e.to_string().contains("items[1]") && e.to_string().contains("`id`"),
        "{e}"
    );
}

// Every preset parses, has a detection signature, and its name is its file name.
#[test]
fn every_preset_parses() {
    for (name, _) in PRESETS {
        let m = preset(name).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(m.name.as_deref(), Some(name));
        assert!(!m.detect.is_empty(), "{name}");
    }
}
