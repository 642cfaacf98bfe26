//! Body formats: HTML, Markdown, plain text, and two structured rich-text formats (Contentful Rich Text, Sanity
//! Portable Text) turned into HTML. Every result goes through the sanitiser: structured text is data from the API too.

use serde_json::Value;

use crate::source::error::SourceError;
use crate::source::markdown::{markdown_blocks, markdown_to_html};
use crate::source::sanitize::{sanitize, sanitize_blocks, Policy, SafeHtml};

/// Nesting deeper than this in structured text is cut off (no document needs it; the stack stays bounded).
const MAX_DEPTH: usize = 64;

/// The formats a body can be in.
pub const FORMATS: [&str; 5] = ["html", "markdown", "text", "contentful", "portable_text"];

/// The article body as sanitised blocks.
pub fn article_body(
    v: &Value,
    format: &str,
    path: &str,
    base: Option<&str>,
) -> Result<Vec<SafeHtml>, SourceError> {
    Ok(match format {
        "html" => sanitize_blocks(&string(v, path)?, Policy::Article, base),
        "markdown" => markdown_blocks(&string(v, path)?, Policy::Article, base),
        "text" => string(v, path)?
            .split("\n\n")
            .filter(|p| !p.trim().is_empty())
            .map(crate::source::sanitize::from_plain_text)
            .collect(),
        _ => sanitize_blocks(&structured(v, format, path)?, Policy::Article, base),
    })
}

/// A comment body, sanitised with the comment policy.
pub fn comment_body(
    v: &Value,
    format: &str,
    path: &str,
    base: Option<&str>,
) -> Result<SafeHtml, SourceError> {
    Ok(match format {
        "html" => sanitize(&string(v, path)?, Policy::Comment, base),
        "markdown" => markdown_to_html(&string(v, path)?, Policy::Comment, base),
        "text" => crate::source::sanitize::from_plain_text(&string(v, path)?),
        _ => sanitize(&structured(v, format, path)?, Policy::Comment, base),
    })
}

/// Is this a format name Folio knows?
pub fn check_format(format: &str) -> Result<(), SourceError> {
    if FORMATS.contains(&format) {
        Ok(())
    } else {
        Err(SourceError::BadMapping {
            reason: format!(
                "the body format \"{format}\" is not one of {}",
                FORMATS.join(", ")
            ),
        })
    }
}

fn string(v: &Value, path: &str) -> Result<String, SourceError> {
    match v {
        Value::String(s) => Ok(s.clone()),
        Value::Number(n) => Ok(n.to_string()),
        other => Err(SourceError::wrong(path, "a string", other)),
    }
}

fn structured(v: &Value, format: &str, path: &str) -> Result<String, SourceError> {
    // Some APIs send the rich-text JSON as a string.
    let parsed;
    let v = match v {
        Value::String(s) => {
            parsed = serde_json::from_str::<Value>(s)
                .map_err(|_| SourceError::wrong(path, "rich-text JSON", v))?;
            &parsed
        }
        other => other,
    };
    let mut out = String::new();
    match format {
        "contentful" => {
            if !v.is_object() {
                return Err(SourceError::wrong(
                    path,
                    "a Contentful Rich Text document",
                    v,
                ));
            }
            contentful(v, &mut out, 0);
        }
        _ => {
            let Value::Array(blocks) = v else {
                return Err(SourceError::wrong(path, "a Portable Text array", v));
            };
            portable_text(blocks, &mut out);
        }
    }
    Ok(out)
}

fn esc(out: &mut String, s: &str) {
    out.push_str(crate::source::sanitize::escape_text(s).as_str());
}

fn attr(out: &mut String, s: &str) {
    out.push_str(
        &crate::source::sanitize::escape_text(s)
            .as_str()
            .replace('"', "&quot;"),
    );
}

fn contentful(node: &Value, out: &mut String, depth: usize) {
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

fn portable_text(blocks: &[Value], out: &mut String) {
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

#[cfg(test)]
mod tests;
