//! Sanity Portable Text → HTML: blocks to paragraphs and headings; list items regrouped into lists, a deeper
//! level nested *inside* the item before it (`<li>a<ul><li>b</li></ul></li>`, the only valid HTML); decorators and
//! link annotations to inline tags; image blocks to figures, their asset `_ref` turned into a URL by the field's
//! `image_url` template; `code` blocks (@sanity/code-input) to `<pre>`. Other block types and annotations keep
//! their text and are noted. Sanitised by the caller.

use serde_json::{Map, Value};

use super::out::{str_at, Out};
use super::MAX_DEPTH;
use crate::source::mapping::value::{template, Doc};

/// An open list: its tag, its level, and whether its last `<li>` is still open (a deeper list goes inside it).
struct List {
    tag: &'static str,
    level: u64,
    li: bool,
}

pub(super) fn portable_text(blocks: &[Value], out: &mut Out<'_>) {
    let mut lists: Vec<List> = Vec::new();
    for b in blocks {
        let want =
            b.get("listItem")
                .and_then(Value::as_str)
                .map(|l| if l == "number" { "ol" } else { "ul" });
        let level = b
            .get("level")
            .and_then(Value::as_u64)
            .unwrap_or(1)
            .clamp(1, MAX_DEPTH as u64);
        // Close the lists deeper than this block, or of another kind at its level; all of them for a non-item.
        while let Some(top) = lists.last() {
            let keep =
                want.is_some_and(|w| top.level < level || (top.level == level && top.tag == w));
            if keep {
                break;
            }
            end_list(out, &mut lists);
        }
        let Some(w) = want else {
            block(b, out);
            continue;
        };
        while lists.last().map_or(0, |l| l.level) < level {
            let next = lists.last().map_or(1, |l| l.level + 1);
            if let Some(top) = lists.last_mut() {
                if !top.li {
                    out.open("li");
                    top.li = true;
                }
            }
            out.open(w);
            lists.push(List {
                tag: w,
                level: next,
                li: false,
            });
        }
        if let Some(top) = lists.last_mut() {
            if top.li {
                out.close("li");
            }
            top.li = true;
        }
        out.open("li");
        spans(b, out);
    }
    while !lists.is_empty() {
        end_list(out, &mut lists);
    }
}

fn end_list(out: &mut Out<'_>, lists: &mut Vec<List>) {
    if let Some(l) = lists.pop() {
        if l.li {
            out.close("li");
        }
        out.close(l.tag);
    }
}

/// A block that is not a list item.
fn block(b: &Value, out: &mut Out<'_>) {
    let kind = str_at(b, "_type");
    match kind {
        "block" => {
            let tag = match str_at(b, "style") {
                "h1" => "h1",
                "h2" => "h2",
                "h3" => "h3",
                "h4" => "h4",
                "h5" => "h5",
                "h6" => "h6",
                "blockquote" => "blockquote",
                _ => "p",
            };
            out.open(tag);
            spans(b, out);
            out.close(tag);
        }
        "image" => image(b, out),
        "code" => {
            out.html.push_str("<pre><code>");
            out.text(str_at(b, "code"));
            out.html.push_str("</code></pre>");
        }
        _ => {
            out.unknown(kind);
            out.open("p");
            spans(b, out);
            out.text(str_at(b, "text"));
            out.close("p");
        }
    }
}

/// An image block: the asset's own `url` when the query dereferenced it (`asset->`), else its `_ref`
/// (`image-<id>-<w>x<h>-<format>`) through the `image_url` template, whose placeholders are `{id}`, `{width}`,
/// `{height}`, `{format}` and `{ref}`.
fn image(b: &Value, out: &mut Out<'_>) {
    let asset = b.get("asset").unwrap_or(&Value::Null);
    let mut src = asset.get("url").and_then(Value::as_str).map(str::to_string);
    let r = str_at(asset, "_ref");
    if src.is_none() {
        match out.refs.image_url {
            Some(t) => {
                let mut parts = r.strip_prefix("image-").unwrap_or(r).rsplitn(3, '-');
                let (format, size, id) = (parts.next(), parts.next(), parts.next());
                let (w, h) = size.and_then(|s| s.split_once('x')).unwrap_or_default();
                let mut m = Map::new();
                for (k, v) in [
                    ("id", id.unwrap_or(r)),
                    ("width", w),
                    ("height", h),
                    ("format", format.unwrap_or("")),
                ] {
                    m.insert(k.into(), v.into());
                }
                m.insert("ref".into(), r.into());
                src = template(Doc::new(out.refs.root), t, &Value::Object(m), &[])
                    .ok()
                    .flatten();
            }
            None => out.note(
                "image blocks need `image_url` (a template of the asset's URL): left out".into(),
            ),
        }
    }
    if let Some(src) = src {
        out.figure(&src, str_at(b, "alt"), [None, None], str_at(b, "caption"));
    }
}

/// The spans of a block, decorators and annotations as inline tags.
fn spans(b: &Value, out: &mut Out<'_>) {
    let defs = b.get("markDefs").and_then(Value::as_array);
    for span in b
        .get("children")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        let kind = str_at(span, "_type");
        if !kind.is_empty() && kind != "span" {
            out.unknown(kind); // an inline object: its text, if any, is all Folio can show
        }
        let mut close = Vec::new();
        for m in span
            .get("marks")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
        {
            let simple = match m {
                "strong" => "strong",
                "em" => "em",
                "code" => "code",
                "underline" => "u",
                "strike-through" => "s",
                _ => "",
            };
            if !simple.is_empty() {
                out.open(simple);
                close.push(simple);
                continue;
            }
            let def = defs
                .into_iter()
                .flatten()
                .find(|d| d.get("_key").and_then(Value::as_str) == Some(m));
            // A link annotation, or any other annotation that carries a URL.
            match def
                .and_then(|d| d.get("href").or_else(|| d.get("url")))
                .and_then(Value::as_str)
            {
                Some(href) => {
                    out.link(href);
                    close.push("a");
                }
                None => out.unknown(def.map_or(m, |d| str_at(d, "_type"))),
            }
        }
        out.text(str_at(span, "text"));
        for t in close.iter().rev() {
            out.close(t);
        }
    }
}
