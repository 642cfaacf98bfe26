use super::*;
use serde_json::json;

fn html(v: Value, f: &str) -> Vec<String> {
    article_body(&v, f, "/body", Some("https://example.com/api/"))
        .expect("maps")
        .iter()
        .map(|b| b.as_str().to_string())
        .collect()
}

// Contentful Rich Text: paragraphs, headings, marks, links and lists become HTML blocks.
#[test]
fn contentful_rich_text() {
    let doc = json!({"nodeType": "document", "data": {}, "content": [
        {"nodeType": "heading-2", "data": {}, "content": [{"nodeType": "text", "value": "Why", "marks": [], "data": {}}]},
        {"nodeType": "paragraph", "data": {}, "content": [
            {"nodeType": "text", "value": "Bold <b>", "marks": [{"type": "bold"}], "data": {}},
            {"nodeType": "hyperlink", "data": {"uri": "/more"}, "content": [{"nodeType": "text", "value": "more", "marks": [], "data": {}}]}
        ]},
        {"nodeType": "unordered-list", "data": {}, "content": [
            {"nodeType": "list-item", "data": {}, "content": [{"nodeType": "paragraph", "data": {}, "content": [{"nodeType": "text", "value": "one", "marks": [], "data": {}}]}]}
        ]}
    ]});
    let b = html(doc, "contentful");
    assert_eq!(b.len(), 3);
    assert_eq!(b[0], "<h2>Why</h2>");
    assert!(b[1].contains("<strong>Bold &lt;b&gt;</strong>"), "{}", b[1]);
    assert!(
        b[1].contains("href=\"https://example.com/more\""),
        "{}",
        b[1]
    );
    assert!(b[2].starts_with("<ul><li><p>one</p></li></ul>"), "{}", b[2]);
}

// Portable Text: styles, marks, link annotations and list grouping.
#[test]
fn portable_text_blocks() {
    let doc = json!([
        {"_type": "block", "_key": "a", "style": "h2", "markDefs": [], "children": [{"_type": "span", "text": "Title", "marks": []}]},
        {"_type": "block", "_key": "b", "style": "normal", "markDefs": [{"_key": "l1", "_type": "link", "href": "https://x.org"}],
         "children": [{"_type": "span", "text": "see ", "marks": ["em"]}, {"_type": "span", "text": "this", "marks": ["l1"]}]},
        {"_type": "block", "listItem": "bullet", "level": 1, "style": "normal", "markDefs": [], "children": [{"_type": "span", "text": "i", "marks": []}]},
        {"_type": "block", "listItem": "bullet", "level": 1, "style": "normal", "markDefs": [], "children": [{"_type": "span", "text": "ii", "marks": []}]},
        {"_type": "image", "asset": {"_ref": "image-abc"}},
        {"_type": "block", "style": "blockquote", "markDefs": [], "children": [{"_type": "span", "text": "q", "marks": []}]}
    ]);
    let b = html(doc, "portable_text");
    assert_eq!(b[0], "<h2>Title</h2>");
    assert!(
        b[1].contains("<em>see </em>") && b[1].contains("href=\"https://x.org\""),
        "{}",
        b[1]
    );
    assert_eq!(b[2], "<ul><li>i</li><li>ii</li></ul>");
    assert_eq!(b[3], "<blockquote>q</blockquote>");
}

// Wrong shapes are reported with their path, unknown formats are a mapping error.
#[test]
fn wrong_shapes_are_named() {
    let e = article_body(&json!({"a": 1}), "html", "/content", None).expect_err("object");
    assert!(e.to_string().contains("/content"));
    assert!(article_body(&json!("x"), "portable_text", "/b", None).is_err());
    assert!(check_format("rtf").is_err());
}
