//! Strapi Blocks (the v5 rich-text field, also in v4.15+) → HTML: `paragraph`, `heading` (`level`), `list`
//! (`format`: `ordered` / `unordered`) of `list-item`s — a nested `list` goes inside the item before it — `quote`,
//! `code`, `image` (the upload's `url`, `alternativeText`, `caption`, size), `link` (`url`) and `text` leaves with
//! their `bold` / `italic` / `underline` / `strikethrough` / `code` modifiers. Unknown node types keep their text
//! and are noted. Sanitised by the caller.

use serde_json::Value;

use super::out::{str_at, Out};
use super::MAX_DEPTH;

/// Writes the nodes of `nodes`.
pub(super) fn strapi(nodes: &[Value], out: &mut Out<'_>, depth: usize) {
    for n in nodes {
        node(n, out, depth);
    }
}

fn node(n: &Value, out: &mut Out<'_>, depth: usize) {
    if depth > MAX_DEPTH {
        return;
    }
    let kind = str_at(n, "type");
    let kids = n
        .get("children")
        .and_then(Value::as_array)
        .map_or(&[][..], Vec::as_slice);
    let tag = match kind {
        "text" => return text(n, out),
        "paragraph" => "p",
        "heading" => match n.get("level").and_then(Value::as_u64) {
            Some(1) => "h1",
            Some(3) => "h3",
            Some(4) => "h4",
            Some(5) => "h5",
            Some(6) => "h6",
            _ => "h2",
        },
        "quote" => "blockquote",
        "list-item" => "li",
        "link" => {
            out.link(str_at(n, "url"));
            "a"
        }
        "code" => {
            out.html.push_str("<pre><code>");
            for k in kids {
                out.text(str_at(k, "text"));
            }
            return out.html.push_str("</code></pre>");
        }
        "image" => {
            let img = n.get("image").unwrap_or(&Value::Null);
            let size = [img.get("width"), img.get("height")];
            return out.figure(
                str_at(img, "url"),
                str_at(img, "alternativeText"),
                size,
                str_at(img, "caption"),
            );
        }
        "list" => return list(n, kids, out, depth),
        _ => {
            out.unknown(kind);
            ""
        }
    };
    if !tag.is_empty() && tag != "a" {
        out.open(tag);
    }
    strapi(kids, out, depth + 1);
    if !tag.is_empty() {
        out.close(tag);
    }
}

/// A list: items stay open so that a nested list (a `list` child after an item) lands inside the item.
fn list(n: &Value, kids: &[Value], out: &mut Out<'_>, depth: usize) {
    let tag = if str_at(n, "format") == "ordered" {
        "ol"
    } else {
        "ul"
    };
    out.open(tag);
    let mut li = false;
    for k in kids {
        let item = str_at(k, "type") == "list-item";
        if item && li {
            out.close("li");
        }
        if item || !li {
            out.open("li");
            li = true;
        }
        match item {
            true => strapi(
                k.get("children")
                    .and_then(Value::as_array)
                    .map_or(&[][..], Vec::as_slice),
                out,
                depth + 1,
            ),
            false => node(k, out, depth + 1),
        }
    }
    if li {
        out.close("li");
    }
    out.close(tag);
}

/// A text leaf with its modifiers as nested inline tags.
fn text(n: &Value, out: &mut Out<'_>) {
    let tags: Vec<&str> = [
        ("bold", "strong"),
        ("italic", "em"),
        ("underline", "u"),
        ("strikethrough", "s"),
        ("code", "code"),
    ]
    .into_iter()
    .filter(|(k, _)| n.get(*k).and_then(Value::as_bool) == Some(true))
    .map(|(_, t)| t)
    .collect();
    for t in &tags {
        out.open(t);
    }
    out.text(str_at(n, "text"));
    for t in tags.iter().rev() {
        out.close(t);
    }
}
