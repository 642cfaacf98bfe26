//! Tests of the documents the server writes.
use super::*;

#[test]
fn article_ids() {
    for good in ["a", "0", "hello-world", "a-", &"a".repeat(101)] {
        assert!(is_valid_article_id(good), "{good}");
    }
    for bad in [
        "",
        "-a",
        "A",
        "a_b",
        "../etc",
        "a/b",
        "a.json",
        "é",
        &"a".repeat(102),
    ] {
        assert!(!is_valid_article_id(bad), "{bad}");
    }
}

#[test]
fn optional_fields_are_omitted() {
    let comment = Comment {
        id: "c1".into(),
        parent: None,
        author: Author {
            name: "Ana".into(),
            url: None,
            avatar: None,
        },
        date: Some("2024-01-01T00:00:00Z".into()),
        body: "Hi".into(),
        format: "text".into(),
        score: None,
        deleted: false,
        article_author: false,
    };
    let json = serde_json::to_value(&comment).unwrap_or_default();
    assert_eq!(
        json,
        serde_json::json!({"id":"c1","parent":null,"author":{"name":"Ana"},
            "date":"2024-01-01T00:00:00Z","body":"Hi","format":"text","deleted":false})
    );
}
