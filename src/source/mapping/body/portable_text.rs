//! Sanity Portable Text → HTML: blocks to paragraphs and headings, list items regrouped into nested lists, marks
//! and link annotations to inline tags; other block types (images, custom) are skipped. Sanitised by the caller.

use serde_json::Value;

use super::{attr, esc, MAX_DEPTH};

pub(super) fn portable_text(blocks: &[Value], out: &mut String) {
    // Open lists, innermost last: (tag, level).
    let mut lists: Vec<(&str, u64)> = Vec::new();
    for b in blocks {
        let list = b.get("listItem").and_then(Value::as_str);
        let level = b
            .get("level")
            .and_then(Value::as_u64)
            .unwrap_or(1)
            .min(MAX_DEPTH as u64);
        let want = list.map(|l| if l == "number" { "ol" } else { "ul" });
        // Close lists deeper than this block, or of another kind at the same level.
        while let Some(&(tag, lvl)) = lists.last() {
            let keep = want.is_some_and(|w| lvl < level || (lvl == level && tag == w));
            if keep {
                break;
            }
            out.push_str(&format!("</{tag}>"));
            lists.pop();
        }
        if let Some(w) = want {
            while lists.last().map_or(0, |l| l.1) < level {
                let next = lists.last().map_or(1, |l| l.1 + 1);
                out.push_str(&format!("<{w}>"));
                lists.push((w, next));
            }
        }
        if b.get("_type").and_then(Value::as_str) != Some("block") {
            continue; // images and custom types need the publisher's own renderer
        }
        let tag = if want.is_some() {
            "li"
        } else {
            match b.get("style").and_then(Value::as_str).unwrap_or("normal") {
                "h1" | "h2" => "h2",
                "h3" => "h3",
                "h4" => "h4",
                "h5" => "h5",
                "h6" => "h6",
                "blockquote" => "blockquote",
                _ => "p",
            }
        };
        out.push_str(&format!("<{tag}>"));
        let defs = b.get("markDefs").and_then(Value::as_array);
        for span in b
            .get("children")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            let text = span.get("text").and_then(Value::as_str).unwrap_or("");
            let marks: Vec<&str> = span
                .get("marks")
                .and_then(Value::as_array)
                .map(|m| m.iter().filter_map(Value::as_str).collect())
                .unwrap_or_default();
            let mut close = Vec::new();
            for m in marks {
                let simple = match m {
                    "strong" => Some("strong"),
                    "em" => Some("em"),
                    "code" => Some("code"),
                    "underline" => Some("u"),
                    "strike-through" => Some("s"),
                    _ => None,
                };
                if let Some(t) = simple {
                    out.push_str(&format!("<{t}>"));
                    close.push(t);
                } else if let Some(href) = defs
                    .into_iter()
                    .flatten()
                    .find(|d| d.get("_key").and_then(Value::as_str) == Some(m))
                    .and_then(|d| d.get("href"))
                    .and_then(Value::as_str)
                {
                    out.push_str("<a href=\"");
                    attr(out, href);
                    out.push_str("\">");
                    close.push("a");
                }
            }
            esc(out, text);
            for t in close.iter().rev() {
                out.push_str(&format!("</{t}>"));
            }
        }
        out.push_str(&format!("</{tag}>"));
    }
    while let Some((tag, _)) = lists.pop() {
        out.push_str(&format!("</{tag}>"));
    }
}
