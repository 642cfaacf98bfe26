//! Body formats: HTML, Markdown, plain text, and two structured rich-text formats (Contentful Rich Text, Sanity
//! Portable Text) turned into HTML. Every result goes through the sanitiser: structured text is data from the API too.
//! The structured formats are turned into HTML in [`contentful`](mod@contentful) and
//! [`portable_text`](mod@portable_text).

mod contentful;
mod portable_text;

use serde_json::Value;

use crate::source::error::SourceError;
use crate::source::markdown::{markdown_blocks, markdown_to_html};
use crate::source::sanitize::{sanitize, sanitize_blocks, Policy, SafeHtml};
use contentful::contentful;
use portable_text::portable_text;

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

#[cfg(test)]
mod tests;
