//! Contentful Rich Text → HTML: nodes to elements, marks to inline tags, hyperlinks kept; embedded entries and
//! assets (references Folio cannot resolve) leave only their content. The result is sanitised by the caller.

use serde_json::Value;

use super::{attr, esc, MAX_DEPTH};

pub(super) fn contentful(node: &Value, out: &mut String, depth: usize) {
    if depth > MAX_DEPTH {
        return;
    }
    let kind = node.get("nodeType").and_then(Value::as_str).unwrap_or("");
    if kind == "text" {
        let text = node.get("value").and_then(Value::as_str).unwrap_or("");
        let marks: Vec<&str> = node
            .get("marks")
            .and_then(Value::as_array)
            .map(|m| m.iter().filter_map(|m| m.get("type")?.as_str()).collect())
            .unwrap_or_default();
        let tags: Vec<&str> = marks
            .iter()
            .filter_map(|m| match *m {
                "bold" => Some("strong"),
                "italic" => Some("em"),
                "underline" => Some("u"),
                "code" => Some("code"),
                "superscript" => Some("sup"),
                "subscript" => Some("sub"),
                _ => None,
            })
            .collect();
        for t in &tags {
            out.push_str(&format!("<{t}>"));
        }
        esc(out, text);
        for t in tags.iter().rev() {
            out.push_str(&format!("</{t}>"));
        }
        return;
    }
    let tag = match kind {
        "paragraph" => "p",
        "heading-1" | "heading-2" => "h2",
        "heading-3" => "h3",
        "heading-4" => "h4",
        "heading-5" => "h5",
        "heading-6" => "h6",
        "unordered-list" => "ul",
        "ordered-list" => "ol",
        "list-item" => "li",
        "blockquote" => "blockquote",
        "table" => "table",
        "table-row" => "tr",
        "table-cell" => "td",
        "table-header-cell" => "th",
        "hr" => {
            out.push_str("<hr>");
            return;
        }
        "hyperlink" => "a",
        // Embedded entries and assets are references Folio cannot resolve; "document" is the wrapper.
        _ => "",
    };
    if tag == "a" {
        let uri = node
            .pointer("/data/uri")
            .and_then(Value::as_str)
            .unwrap_or("");
        out.push_str("<a href=\"");
        attr(out, uri);
        out.push_str("\">");
    } else if !tag.is_empty() {
        out.push_str(&format!("<{tag}>"));
    }
    if let Some(children) = node.get("content").and_then(Value::as_array) {
        for c in children {
            contentful(c, out, depth + 1);
        }
    }
    if !tag.is_empty() {
        out.push_str(&format!("</{tag}>"));
    }
}
