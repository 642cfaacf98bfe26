//! Contentful Rich Text → HTML: nodes to elements, marks to inline tags, hyperlinks kept. References are resolved
//! through the response's `includes.Entry` / `includes.Asset` by `sys.id` (or used as they are when the API sent
//! them resolved, with their `fields`): an embedded asset is a figure (an image) or a link to the file, an embedded
//! entry a card, `entry-hyperlink` and `asset-hyperlink` links. A reference that resolves nothing, or an unknown
//! node, keeps its text and is noted. The result is sanitised by the caller.

use serde_json::Value;

use super::out::{str_at, Out};
use super::MAX_DEPTH;
use crate::source::mapping::value::{template, Doc};

pub(super) fn contentful(node: &Value, out: &mut Out<'_>, depth: usize) {
    if depth > MAX_DEPTH {
        return;
    }
    let kind = str_at(node, "nodeType");
    let root = out.refs.root;
    if kind == "text" {
        return text(node, out);
    }
    let tag = match kind {
        "paragraph" => "p",
        "heading-1" => "h1",
        "heading-2" => "h2",
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
        "hr" => return out.html.push_str("<hr>"),
        "hyperlink" => {
            out.link(
                node.pointer("/data/uri")
                    .and_then(Value::as_str)
                    .unwrap_or(""),
            );
            "a"
        }
        "entry-hyperlink" | "asset-hyperlink" => {
            let entry = kind == "entry-hyperlink";
            match target(node, root, out, entry).and_then(|t| url_of(t, out, entry)) {
                Some(url) => {
                    out.link(&url);
                    "a"
                }
                None => "",
            }
        }
        "embedded-asset-block" => {
            if let Some(a) = target(node, root, out, false) {
                asset(a, out);
            }
            return;
        }
        "embedded-entry-block" | "embedded-entry-inline" => {
            if let Some(e) = target(node, root, out, true) {
                card(e, out, kind.ends_with("block"));
            }
            return;
        }
        "document" => "",
        _ => {
            out.unknown(kind);
            ""
        }
    };
    if !tag.is_empty() && tag != "a" {
        out.open(tag);
    }
    for c in node
        .get("content")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        contentful(c, out, depth + 1);
    }
    if !tag.is_empty() {
        out.close(tag);
    }
}

/// A text node with its marks as nested inline tags.
fn text(node: &Value, out: &mut Out<'_>) {
    let mut tags = Vec::new();
    for m in node
        .get("marks")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        let kind = str_at(m, "type");
        let tag = match kind {
            "bold" => "strong",
            "italic" => "em",
            "underline" => "u",
            "code" => "code",
            "superscript" => "sup",
            "subscript" => "sub",
            "strikethrough" => "s",
            _ => {
                out.unknown(kind);
                continue;
            }
        };
        out.open(tag);
        tags.push(tag);
    }
    out.text(str_at(node, "value"));
    for t in tags.iter().rev() {
        out.close(t);
    }
}

/// The entry or asset a node links to (`data.target`): as sent when it has its `fields`, else looked up in
/// `includes` by `sys.id`. Noted when it resolves nothing.
fn target<'v>(
    node: &'v Value,
    root: &'v Value,
    out: &mut Out<'_>,
    entry: bool,
) -> Option<&'v Value> {
    let t = node.pointer("/data/target")?;
    if t.get("fields").is_some() {
        return Some(t);
    }
    let id = t.pointer("/sys/id").and_then(Value::as_str).unwrap_or("");
    let list = if entry { "Entry" } else { "Asset" };
    let found = root
        .get("includes")
        .and_then(|i| i.get(list))
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .find(|e| e.pointer("/sys/id").and_then(Value::as_str) == Some(id));
    if found.is_none() {
        out.note(
            [
                "the linked ",
                list,
                " `",
                id,
                "` is not in `includes`: its text is shown, without it",
            ]
            .concat(),
        );
    }
    found
}

/// Where a link to `t` goes: an asset's file, an entry's page by the `entry_url` template (noted without one).
fn url_of(t: &Value, out: &mut Out<'_>, entry: bool) -> Option<String> {
    if !entry {
        return file_url(t);
    }
    let Some(tpl) = out.refs.entry_url else {
        out.note(
            "links to entries need `entry_url` (a template read on the entry): shown as text"
                .into(),
        );
        return None;
    };
    template(Doc::new(out.refs.root), tpl, t, &[])
        .ok()
        .flatten()
}

/// An asset's file URL, made absolute (Contentful's start with `//`).
fn file_url(a: &Value) -> Option<String> {
    let url = a.pointer("/fields/file/url")?.as_str()?;
    Some(match url.strip_prefix("//") {
        Some(rest) => ["https://", rest].concat(),
        None => url.to_string(),
    })
}

/// An embedded asset: an image as a figure, any other file as a link to it.
fn asset(a: &Value, out: &mut Out<'_>) {
    let Some(url) = file_url(a) else { return };
    let f = &a["fields"];
    let (title, desc) = (str_at(f, "title"), str_at(f, "description"));
    let image = f.pointer("/file/details/image");
    if f.pointer("/file/contentType")
        .and_then(Value::as_str)
        .is_some_and(|t| t.starts_with("image/"))
    {
        let size = image.map_or([None, None], |i| [i.get("width"), i.get("height")]);
        out.figure(
            &url,
            if title.is_empty() { desc } else { title },
            size,
            desc,
        );
    } else {
        out.open("p");
        out.link(&url);
        let name = f.pointer("/file/fileName").and_then(Value::as_str);
        out.text(if title.is_empty() {
            name.unwrap_or(&url)
        } else {
            title
        });
        out.close("a");
        out.close("p");
    }
}

/// An embedded entry: a card (a block) or a link (inline) with its title, linked when `entry_url` gives a URL.
fn card(e: &Value, out: &mut Out<'_>, block: bool) {
    let f = &e["fields"];
    let title = ["title", "name", "headline", "internalName"]
        .into_iter()
        .map(|k| str_at(f, k))
        .find(|s| !s.is_empty())
        .unwrap_or_else(|| str_at(e.pointer("/sys").unwrap_or(e), "id"));
    let url = url_of(e, out, true);
    if block {
        out.html.push_str("<aside><p><strong>");
    }
    if let Some(u) = &url {
        out.link(u);
    }
    out.text(title);
    if url.is_some() {
        out.close("a");
    }
    if block {
        out.html.push_str("</strong></p>");
        let desc = ["description", "summary", "excerpt"]
            .into_iter()
            .map(|k| str_at(f, k))
            .find(|s| !s.is_empty());
        if let Some(d) = desc {
            out.open("p");
            out.text(d);
            out.close("p");
        }
        out.close("aside");
    }
}
