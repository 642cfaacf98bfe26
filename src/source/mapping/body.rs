//! Body formats: HTML, Markdown, plain text (bare URLs become links), and structured rich text turned into HTML —
//! Contentful Rich Text, Sanity Portable Text, Strapi Blocks, Bluesky posts with their facets. Every result goes
//! through the sanitiser: structured text is data from the API too. Each structured format is in its own module;
//! what one cannot draw as meant (an unknown node type: its text is kept) is returned by [`notes`] for the lint.

mod bluesky;
mod contentful;
mod out;
mod portable_text;
mod runs;
mod strapi;

use serde_json::Value;

use crate::source::error::SourceError;
use crate::source::markdown::{markdown_blocks, markdown_to_html};
use crate::source::sanitize::{sanitize, sanitize_blocks, Policy, SafeHtml};
use out::Out;
pub use out::Refs;

/// Nesting deeper than this in structured text is cut off (no document needs it; the stack stays bounded).
const MAX_DEPTH: usize = 64;

/// The formats a body can be in.
pub const FORMATS: [&str; 7] = [
    "html",
    "markdown",
    "text",
    "contentful",
    "portable_text",
    "strapi_blocks",
    "bluesky",
];

/// The article body as sanitised blocks.
pub fn article_body(
    v: &Value,
    format: &str,
    path: &str,
    base: Option<&str>,
    refs: Refs<'_>,
) -> Result<Vec<SafeHtml>, SourceError> {
    Ok(match format {
        "html" => sanitize_blocks(&string(v, path)?, Policy::Article, base),
        _ if markdown(v, format) => markdown_blocks(&string(v, path)?, Policy::Article, base),
        _ => sanitize_blocks(&to_html(v, format, path, refs)?.html, Policy::Article, base),
    })
}

/// A comment body, sanitised with the comment policy.
pub fn comment_body(
    v: &Value,
    format: &str,
    path: &str,
    base: Option<&str>,
    refs: Refs<'_>,
) -> Result<SafeHtml, SourceError> {
    Ok(match format {
        "html" => sanitize(&string(v, path)?, Policy::Comment, base),
        _ if markdown(v, format) => markdown_to_html(&string(v, path)?, Policy::Comment, base),
        _ => sanitize(&to_html(v, format, path, refs)?.html, Policy::Comment, base),
    })
}

/// Markdown, or a CMS's rich-text field holding Markdown rather than its JSON (a Contentful long-text field, Strapi's
/// older rich text): a string that is not JSON.
fn markdown(v: &Value, format: &str) -> bool {
    format == "markdown"
        || (matches!(format, "contentful" | "strapi_blocks")
            && v.as_str()
                .is_some_and(|s| !s.trim_start().starts_with(['{', '['])))
}

/// What a body in `format` could not draw as meant (unknown node types, unresolved links), once each.
pub fn notes(v: &Value, format: &str, refs: Refs<'_>) -> Vec<String> {
    match format {
        _ if format == "html" || markdown(v, format) => Vec::new(),
        _ => to_html(v, format, "", refs).map_or_else(|_| Vec::new(), |o| o.notes),
    }
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

/// The text and structured formats as (unsanitised) HTML, with their notes.
fn to_html<'a>(
    v: &Value,
    format: &str,
    path: &str,
    refs: Refs<'a>,
) -> Result<Out<'a>, SourceError> {
    let mut out = Out::new(refs);
    match format {
        "text" => {
            let s = string(v, path)?.replace("\r\n", "\n");
            runs::text_with_links(&mut out, &s, &runs::bare_urls(&s));
            return Ok(out);
        }
        "bluesky" => {
            if !v.is_object() && !v.is_string() {
                return Err(SourceError::wrong(path, "a Bluesky post record", v));
            }
            bluesky::bluesky(v, &mut out);
            return Ok(out);
        }
        _ => {}
    }
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
    match (format, v) {
        ("contentful", Value::Object(_)) => contentful::contentful(v, &mut out, 0),
        ("portable_text", Value::Array(blocks)) => portable_text::portable_text(blocks, &mut out),
        ("strapi_blocks", Value::Array(nodes)) => strapi::strapi(nodes, &mut out, 0),
        ("contentful", _) => {
            return Err(SourceError::wrong(
                path,
                "a Contentful Rich Text document",
                v,
            ))
        }
        ("strapi_blocks", _) => return Err(SourceError::wrong(path, "a Strapi Blocks array", v)),
        _ => return Err(SourceError::wrong(path, "a Portable Text array", v)),
    }
    Ok(out)
}

#[cfg(test)]
mod tests;
