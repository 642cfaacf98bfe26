//! What the mapping document's readers say about a wrong document: the problem and where it is.

use serde_json::{json, Value};

use super::Mapping;
use crate::source::mapping::parse_mapping;

/// The reason `v` is refused.
fn error(v: Value) -> String {
    Mapping::from_value(&v).expect_err("refused")
}

/// The reason `{"article": {}, "comments": comments}` is refused.
fn comments_error(comments: Value) -> String {
    error(json!({"article": {}, "comments": comments}))
}

#[test]
fn an_unknown_key_is_named_with_its_path() {
    let e = parse_mapping(r#"{"article": {"titel": "title"}}"#).expect_err("refused");
    assert_eq!(
        e.to_string(),
        "mapping error: the mapping document is not valid: unknown field `titel` in `article` (expected one of: \
         root, id, url, section, label, title, standfirst, authors, published, updated, hero, body, related, tags, \
         lang, dir, audio, live, entries, events, comments_url)"
    );
    let e = error(json!({"article": {}, "comment": {}}));
    assert!(
        e.starts_with("unknown field `comment` in the document (expected one of: $schema,"),
        "{e}"
    );
    let e = comments_error(json!({"threading": {"model": "flat", "parent": "p", "parnet": "q"}}));
    let expected = "unknown field `parnet` in `comments.threading` (expected one of: model, parent, no_parent)";
    assert_eq!(e, expected);
    let e = error(
        json!({"article": {"title": {"path": "t", "lookup": {"in": "$.x", "key": "id", "y": 1}}}}),
    );
    assert_eq!(
        e,
        "unknown field `y` in `article.title.lookup` (expected one of: in, key, by)"
    );
    // Unlike serde, which ignored them, keys beside a tag without fields are refused too.
    let e = comments_error(json!({"pagination": {"style": "link_header", "rel": "next"}}));
    assert_eq!(
        e,
        "unknown field `rel` in `comments.pagination` (expected one of: style)"
    );
}

#[test]
fn a_missing_required_key_is_named() {
    assert_eq!(error(json!({})), "missing field `article` in the document");
    let e = comments_error(json!({"threading": {"model": "flat"}}));
    assert_eq!(e, "missing field `parent` in `comments.threading`");
    let e = comments_error(json!({"threading": {"model": "nested"}}));
    assert_eq!(e, "missing field `children` in `comments.threading`");
    let e = comments_error(json!({"pagination": {"style": "offset", "param": "offset"}}));
    assert_eq!(e, "missing field `limit` in `comments.pagination`");
    // A threading object needs its model (leaving out `threading` altogether is no threading).
    assert_eq!(
        comments_error(json!({"threading": {}})),
        "missing field `model` in `comments.threading`"
    );
    let e = error(json!({"article": {"body": {"lookup": {"in": "$.included"}}}}));
    assert_eq!(e, "missing field `key` in `article.body.lookup`");
}

#[test]
fn a_wrong_type_is_named() {
    let e = comments_error(
        json!({"threading": {"model": "child_ids", "ids": "k", "item_url": "u", "max_items": -3}}),
    );
    assert_eq!(
        e,
        "`comments.threading.max_items` must be a non-negative integer, not -3"
    );
    let e = comments_error(
        json!({"pagination": {"style": "page", "param": "p", "per_page": 5_000_000_000_u64}}),
    );
    assert_eq!(
        e,
        "`comments.pagination.per_page` must be at most 4294967295, not 5000000000"
    );
    let e = comments_error(json!({"post": {"max_length": 1.5}}));
    assert_eq!(
        e,
        "`comments.post.max_length` must be a non-negative integer, not 1.5"
    );
    let e = error(json!({"article": {"title": 3}}));
    assert_eq!(
        e,
        "`article.title` must be a path, an array of paths or an object, not 3"
    );
    let e = error(json!({"article": {"title": ["a", 1]}}));
    assert_eq!(e, "`article.title[1]` must be a string, not 1");
    let e = error(json!({"article": {"title": {"path": {}}}}));
    assert_eq!(
        e,
        "`article.title.path` must be a path or an array of paths, not an object"
    );
    let e = error(json!({"article": {"title": {"replace": ["a"]}}}));
    assert_eq!(
        e,
        "`article.title.replace` must be [\"from\", \"to\"] or a list of such pairs, not an array"
    );
    assert_eq!(
        error(json!({"detect": "x", "article": {}})),
        "`detect` must be an array of strings, not a string"
    );
    assert_eq!(
        error(json!([])),
        "the document must be an object, not an array"
    );
    // `null` is not "absent" where the default is not "none" (as with serde).
    assert_eq!(
        comments_error(json!({"read_only": null})),
        "`comments.read_only` must be true or false, not null"
    );
    assert_eq!(
        comments_error(json!({"threading": null})),
        "`comments.threading` must be an object, not null"
    );
    let e = comments_error(json!({"post": {"headers": {"X-A": 1}}}));
    assert_eq!(e, "`comments.post.headers.X-A` must be a string, not 1");
}

#[test]
fn an_unknown_model_or_style_is_named() {
    let e = comments_error(json!({"threading": {"model": "tree"}}));
    let expected = "unknown model `tree` in `comments.threading` (expected one of: none, flat, nested, child_ids, \
                    path, reply_to_position)";
    assert_eq!(e, expected);
    let e = comments_error(json!({"pagination": {"style": "pages"}}));
    assert!(
        e.starts_with("unknown style `pages` in `comments.pagination` (expected one of: page,"),
        "{e}"
    );
    let e = comments_error(json!({"threading": {"model": 2}}));
    assert_eq!(e, "`comments.threading.model` must be a string, not 2");
}
