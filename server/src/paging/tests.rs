//! Tests of paged comment lists.
use super::*;
use crate::model::{Author, Comment};

fn list(n: usize) -> CommentList {
    let comments = (0..n)
        .map(|i| Comment {
            id: format!("c{i}"),
            parent: None,
            author: Author {
                name: "A".into(),
                url: None,
                avatar: None,
            },
            date: None,
            body: "b".into(),
            format: "text".into(),
            score: None,
            deleted: false,
            article_author: false,
        })
        .collect();
    CommentList::new("a", comments)
}

fn ids(l: &CommentList) -> Vec<&str> {
    l.comments.iter().map(|c| c.id.as_str()).collect()
}

// Pages cut the list in order, the last page has no next, and the total stays the whole count.
#[test]
fn pages_in_order() {
    let mut l = list(5);
    let req = parse_query(Some("per_page=2&page=2")).expect("valid");
    let next = apply(&mut l, req, 0, "/api/articles/a/comments");
    assert_eq!(ids(&l), ["c2", "c3"]);
    assert_eq!(
        next.as_deref(),
        Some("/api/articles/a/comments?page=3&per_page=2")
    );
    assert_eq!(l.total, 5);
    let mut l = list(5);
    assert_eq!(
        apply(
            &mut l,
            parse_query(Some("page=3&per_page=2")).expect("valid"),
            0,
            "/p"
        ),
        None
    );
    assert_eq!(ids(&l), ["c4"]);
    assert_eq!(l.next, None);
}

// Without per_page the server default applies; with neither, the whole list is sent; past the end is empty.
#[test]
fn defaults_and_edges() {
    let mut l = list(3);
    assert_eq!(
        apply(&mut l, parse_query(None).expect("valid"), 0, "/p"),
        None
    );
    assert_eq!(l.comments.len(), 3);
    let mut l = list(3);
    assert!(apply(&mut l, parse_query(Some("x=1")).expect("valid"), 2, "/p").is_some());
    assert_eq!(ids(&l), ["c0", "c1"]);
    let mut l = list(3);
    assert_eq!(
        apply(&mut l, parse_query(Some("page=9")).expect("valid"), 2, "/p"),
        None
    );
    assert!(l.comments.is_empty());
}

// Bad numbers are refused with the parameter's name.
#[test]
fn bad_queries() {
    for q in [
        "page=0",
        "page=x",
        "per_page=0",
        "per_page=501",
        "per_page=-1",
        "page=",
    ] {
        assert!(parse_query(Some(q)).is_err(), "{q}");
    }
}
