//! The mapping document's readers: the presets still read as they did with serde, and each shape of a part.

use serde_json::{json, Value};

use super::*;
use crate::source::mapping::{parse_mapping, preset, PRESETS};

/// The field at `article.title` of a mapping with only that.
fn title(v: Value) -> Field {
    let m = Mapping::from_value(&json!({"article": {"title": v}})).expect("valid mapping");
    m.article.title.expect("title")
}

fn path(p: &str) -> Field {
    Field::Path(p.into())
}

// Every shipped preset reads; a few of each one's parts are as the files say (the full `Debug` of every preset
// was compared with the serde-derived reader's when it was replaced).
#[test]
fn presets_read_as_written() {
    for (name, text) in PRESETS {
        parse_mapping(text).unwrap_or_else(|e| panic!("{name}: {e}"));
    }
    let wp = preset("wordpress").expect("wordpress");
    assert_eq!(
        wp.detect,
        ["title.rendered", "content.rendered", "guid.rendered"]
    );
    let spec = FieldSpec {
        path: Some(OneOrMany::One("title.rendered".into())),
        decode: true,
        strip_html: true,
        ..FieldSpec::default()
    };
    assert_eq!(wp.article.title, Some(Field::Spec(Box::new(spec))));
    let c = wp.comments.expect("comments");
    let no_parent = vec![json!(0)];
    assert_eq!(
        c.threading,
        Threading::Flat {
            parent: path("parent"),
            no_parent
        }
    );
    let Some(Pagination::Page {
        per_page,
        pages_header,
        ..
    }) = c.pagination
    else {
        panic!("page")
    };
    assert_eq!(
        (per_page, pages_header.as_deref()),
        (Some(100), Some("X-WP-TotalPages"))
    );
    assert!(c.post.is_some());
    let hn = preset("hackernews-firebase")
        .expect("hn")
        .comments
        .expect("comments");
    let Threading::ChildIds { max_items, .. } = hn.threading else {
        panic!("child_ids")
    };
    assert_eq!(max_items, Some(200));
    let ghost = preset("ghost").expect("ghost");
    let ghost = ghost.comments.expect("ghost comments");
    assert_eq!(
        ghost.threading,
        Threading::Nested {
            children: "replies".into()
        }
    );
    assert_eq!(ghost.comment.reply_count, Some(path("count.replies")));
    let jsonfeed = preset("jsonfeed").expect("jsonfeed");
    assert_eq!(jsonfeed.comments.map(|c| c.threading), None);
}

#[test]
fn a_field_is_a_path_paths_or_a_spec() {
    assert_eq!(title(json!("t")), path("t"));
    assert_eq!(
        title(json!(["a", "b"])),
        Field::Paths(vec!["a".into(), "b".into()])
    );
    let Field::Spec(spec) = title(json!({"path": "t", "const": 3, "or": "u", "max_chars": 80}))
    else {
        panic!("spec")
    };
    assert_eq!(spec.path, Some(OneOrMany::One("t".into())));
    assert_eq!(
        (spec.constant, spec.or, spec.max_chars),
        (Some(json!(3)), Some(path("u")), Some(80))
    );
    // `null` is "absent" for optional keys, as serde read an `Option`.
    let m = Mapping::from_value(&json!({"article": {"title": null, "id": "id"}, "comments": null}));
    assert_eq!(m.map(|m| (m.article.title, m.comments)), Ok((None, None)));
}

#[test]
fn one_or_many_paths_and_values() {
    let spec = |v: Value| match title(v) {
        Field::Spec(s) => *s,
        other => panic!("not a spec: {other:?}"),
    };
    assert_eq!(
        spec(json!({"path": "a"})).path,
        Some(OneOrMany::One("a".into()))
    );
    let many = OneOrMany::Many(vec!["a".into(), "b".into()]);
    assert_eq!(spec(json!({"path": ["a", "b"]})).path, Some(many));
    assert_eq!(
        spec(json!({"equals": "hold"})).equals,
        Some(OneOrMany::One(json!("hold")))
    );
    let many = OneOrMany::Many(vec![json!(null), json!(1)]);
    assert_eq!(spec(json!({"equals": [null, 1]})).equals, Some(many));
    let s = spec(json!({"replace": ["{size}", "96"], "lookup": {"in": "$.included", "key": "id"}}));
    assert_eq!(s.replace, vec![("{size}".to_string(), "96".to_string())]);
    let lookup = Lookup {
        within: "$.included".into(),
        key: "id".into(),
        by: None,
    };
    assert_eq!(s.lookup, Some(lookup));
}

// A syntax error keeps serde_json's line and column.
#[test]
fn a_syntax_error_keeps_its_position() {
    let e = parse_mapping("{\"article\": {}\n,}")
        .expect_err("refused")
        .to_string();
    assert!(
        e.starts_with("mapping error: the mapping document is not valid: "),
        "{e}"
    );
    assert!(e.ends_with("at line 2 column 2"), "{e}");
}
