use super::*;
use serde_json::json;

const NONE: Value = Value::Null;

fn refs() -> Refs<'static> {
    Refs {
        root: &NONE,
        image_url: None,
        entry_url: None,
    }
}

fn html(v: Value, f: &str) -> Vec<String> {
    article_body(&v, f, "/body", Some("https://example.com/api/"), refs())
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
    let b = html(doc.clone(), "portable_text");
    assert_eq!(b[0], "<h2>Title</h2>");
    assert!(
        b[1].contains("<em>see </em>") && b[1].contains("href=\"https://x.org\""),
        "{}",
        b[1]
    );
    assert_eq!(b[2], "<ul><li>i</li><li>ii</li></ul>");
    assert_eq!(b[3], "<blockquote>q</blockquote>");
    // The image block has no URL without `image_url`: left out, and said.
    let n = notes(&doc, "portable_text", refs());
    assert!(n[0].contains("image_url"), "{n:?}");
}

// Wrong shapes are reported with their path, unknown formats are a mapping error.
#[test]
fn wrong_shapes_are_named() {
    let e = article_body(&json!({"a": 1}), "html", "/content", None, refs()).expect_err("object");
    assert!(e.to_string().contains("/content"));
    assert!(article_body(&json!("x"), "portable_text", "/b", None, refs()).is_err());
    assert!(article_body(&json!({"a": 1}), "strapi_blocks", "/b", None, refs()).is_err());
    assert!(article_body(&json!([1]), "bluesky", "/b", None, refs()).is_err());
    assert!(check_format("rtf").is_err());
}

// `text`: paragraphs at blank lines, `<br>` at single newlines, bare URLs as links without the punctuation around
// them; a URL glued to a word, or a bare scheme, stays text.
#[test]
fn text_links_bare_urls() {
    let t = "See https://x.org/a_(b) and (https://y.org/p?q=1&r=2).\nNext line.\n\nhttpsfoo://no xhttps://no https:// end";
    let b = html(json!(t), "text");
    assert_eq!(b.len(), 2, "{b:?}");
    assert_eq!(
        b[0],
        "<p>See <a href=\"https://x.org/a_(b)\" rel=\"noopener noreferrer\">https://x.org/a_(b)</a> and \
         (<a href=\"https://y.org/p?q=1&amp;r=2\" rel=\"noopener noreferrer\">https://y.org/p?q=1&amp;r=2</a>).\
         <br>Next line.</p>"
    );
    assert_eq!(b[1], "<p>httpsfoo://no xhttps://no https:// end</p>");
    let c =
        comment_body(&json!("<b>hi</b> http://z.org"), "text", "/c", None, refs()).expect("maps");
    assert_eq!(
        c.as_str(),
        "<p>&lt;b&gt;hi&lt;/b&gt; <a href=\"http://z.org\" rel=\"ugc nofollow noopener noreferrer\">http://z.org</a></p>"
    );
}

// Unknown node types keep their text and are noted once each; unknown marks too.
#[test]
fn unknown_nodes_keep_their_text() {
    let doc = json!({"nodeType": "document", "content": [
        {"nodeType": "callout", "content": [{"nodeType": "text", "value": "Note", "marks": [{"type": "glow"}]}]},
        {"nodeType": "callout", "content": [{"nodeType": "text", "value": "Again", "marks": []}]}
    ]});
    assert_eq!(html(doc.clone(), "contentful"), ["<p>NoteAgain</p>"]);
    let n = notes(&doc, "contentful", refs());
    assert_eq!(n.len(), 2, "{n:?}");
    assert!(
        n[0].contains("`callout`") && n[1].contains("`glow`"),
        "{n:?}"
    );
    let pt = json!([{"_type": "callout", "_key": "c", "text": "Careful"},
        {"_type": "block", "markDefs": [{"_key": "f", "_type": "footnote", "note": "x"}],
         "children": [{"_type": "span", "text": "kept", "marks": ["f"]}]}]);
    assert_eq!(
        html(pt.clone(), "portable_text"),
        ["<p>Careful</p>", "<p>kept</p>"]
    );
    let n = notes(&pt, "portable_text", refs());
    assert!(
        n.iter().any(|n| n.contains("`callout`")) && n.iter().any(|n| n.contains("`footnote`")),
        "{n:?}"
    );
    let sb = json!([{"type": "callout", "children": [{"type": "text", "text": "Heads up"}]}]);
    assert_eq!(html(sb.clone(), "strapi_blocks"), ["<p>Heads up</p>"]);
    assert!(notes(&sb, "strapi_blocks", refs())[0].contains("`callout`"));
    assert!(notes(&json!("x"), "html", refs()).is_empty());
}

// Portable Text lists: a deeper level goes inside the item before it (whatever its kind), a change of kind at the
// same level starts a new list, and a jump of two levels still nests validly (an item holding only the list).
#[test]
fn portable_text_nested_lists_are_valid_html() {
    let item = |kind: &str, level: u64, t: &str| json!({"_type": "block", "listItem": kind, "level": level, "children": [{"_type": "span", "text": t}]});
    let doc = json!([
        item("bullet", 1, "a"),
        item("bullet", 2, "a1"),
        item("bullet", 2, "a2"),
        item("bullet", 1, "b"),
        item("number", 1, "one"),
        item("bullet", 3, "deep")
    ]);
    assert_eq!(
        html(doc, "portable_text"),
        [
            "<ul><li>a<ul><li>a1</li><li>a2</li></ul></li><li>b</li></ul>",
            "<ol><li>one<ul><li><ul><li>deep</li></ul></li></ul></li></ol>"
        ]
    );
}

// Bluesky facets are UTF-8 byte ranges: after `ö` (2 bytes) and an emoji (4 bytes) they still land on the right
// text. Facets out of order are sorted; overlapping, backwards, past-the-end or mid-character ones are dropped
// (their text stays); an unknown feature is noted.
#[test]
fn bluesky_facets_at_byte_offsets() {
    let text = "Kö 🌉 @al.bsky #tag x.org/lo…";
    let at = |s: &str| {
        let i = text.find(s).expect("in text");
        json!({"byteStart": i, "byteEnd": i + s.len()})
    };
    let f = |idx: Value, feat: Value| json!({"index": idx, "features": [feat]});
    let doc = json!({"text": text, "facets": [
        f(at("x.org/lo…"), json!({"$type": "app.bsky.richtext.facet#link", "uri": "https://x.org/long"})),
        f(at("@al.bsky"), json!({"$type": "app.bsky.richtext.facet#mention", "did": "did:plc:al"})),
        f(at("#tag"), json!({"$type": "app.bsky.richtext.facet#tag", "tag": "tag"})),
        f(json!({"byteStart": 1, "byteEnd": 2}), json!({"$type": "app.bsky.richtext.facet#link", "uri": "https://mid.char"})),
        f(json!({"byteStart": 40, "byteEnd": 90}), json!({"$type": "app.bsky.richtext.facet#link", "uri": "https://past.end"})),
        f(at("Kö"), json!({"$type": "app.bsky.richtext.facet#poll"}))
    ]});
    let c = comment_body(&doc, "bluesky", "/r", None, refs()).expect("maps");
    let rel = "rel=\"ugc nofollow noopener noreferrer\"";
    assert_eq!(
        c.as_str(),
        format!(
            "<p>Kö 🌉 <a href=\"https://bsky.app/profile/did:plc:al\" {rel}>@al.bsky</a> \
             <a href=\"https://bsky.app/hashtag/tag\" {rel}>#tag</a> <a href=\"https://x.org/long\" {rel}>x.org/lo…</a></p>"
        )
    );
    assert!(notes(&doc, "bluesky", refs())[0].contains("#poll"));
}
