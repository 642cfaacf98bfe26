//! The mapping document's readers: each threading model, each pagination style, the `post` section.

use serde_json::{json, Value};

use super::*;

/// The `comments` section of the mapping `{"article": {}, "comments": comments}`.
fn with_comments(comments: Value) -> CommentsMap {
    let m =
        Mapping::from_value(&json!({"article": {}, "comments": comments})).expect("valid mapping");
    m.comments.expect("comments")
}

fn path(p: &str) -> Field {
    Field::Path(p.into())
}

#[test]
fn each_threading_model() {
    let t = |v: Value| with_comments(json!({"threading": v})).threading;
    assert_eq!(with_comments(json!({})).threading, Threading::None);
    assert_eq!(t(json!({"model": "none"})), Threading::None);
    let flat = Threading::Flat {
        parent: path("p"),
        no_parent: vec![json!(0), json!("")],
    };
    assert_eq!(
        t(json!({"model": "flat", "parent": "p", "no_parent": [0, ""]})),
        flat
    );
    let nested = Threading::Nested {
        children: "replies".into(),
    };
    assert_eq!(t(json!({"model": "nested", "children": "replies"})), nested);
    let ids = Threading::ChildIds {
        ids: "kids".into(),
        item_url: "{id}.json".into(),
        max_items: None,
    };
    assert_eq!(
        t(json!({"model": "child_ids", "ids": "kids", "item_url": "{id}.json"})),
        ids
    );
    let p = Threading::Path {
        field: path("p"),
        separator: Some("/".into()),
    };
    assert_eq!(
        t(json!({"model": "path", "field": "p", "separator": "/"})),
        p
    );
    let r = Threading::ReplyToPosition {
        position: path("n"),
        reply_to: path("r"),
    };
    assert_eq!(
        t(json!({"model": "reply_to_position", "position": "n", "reply_to": "r"})),
        r
    );
}

#[test]
fn each_pagination_style() {
    let p = |v: Value| {
        with_comments(json!({"pagination": v}))
            .pagination
            .expect("pagination")
    };
    let page = Pagination::Page {
        param: "page".into(),
        per_page_param: None,
        per_page: Some(20),
        first: Some(0),
        pages: Some(path("pages")),
        pages_header: None,
    };
    let v = json!({"style": "page", "param": "page", "per_page": 20, "first": 0, "pages": "pages"});
    assert_eq!(p(v), page);
    let offset = Pagination::Offset {
        param: "o".into(),
        limit_param: Some("l".into()),
        limit: 10,
    };
    assert_eq!(
        p(json!({"style": "offset", "param": "o", "limit_param": "l", "limit": 10})),
        offset
    );
    let cursor = Pagination::Cursor {
        cursor: path("c"),
        param: "after".into(),
    };
    assert_eq!(
        p(json!({"style": "cursor", "cursor": "c", "param": "after"})),
        cursor
    );
    assert_eq!(
        p(json!({"style": "next_url", "next": "n"})),
        Pagination::NextUrl { next: path("n") }
    );
    assert_eq!(p(json!({"style": "link_header"})), Pagination::LinkHeader);
    let stubs = Pagination::MoreStubs {
        count: Some(path("c")),
        url: None,
        fetch: None,
    };
    assert_eq!(p(json!({"style": "more_stubs", "count": "c"})), stubs);
}

#[test]
fn post_headers_and_body() {
    let v = json!({"post": {"headers": {"X-A": "b"}, "body": {"t": "{text}"}, "max_length": 500}});
    let post = with_comments(v).post.expect("post");
    assert_eq!(post.headers.get("X-A").map(String::as_str), Some("b"));
    assert_eq!(
        (post.body, post.max_length),
        (Some(json!({"t": "{text}"})), Some(500))
    );
}
