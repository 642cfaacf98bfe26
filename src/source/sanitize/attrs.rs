//! The attribute allowlist: which attributes each kept element may carry, with their values checked and escaped.

// `super::super` is `source` in the main crate (the crate root in the scratch crate): siblings, never `crate::`.
use super::super::entities::decode_entities;
use super::super::url::{safe_image, safe_link};
use super::tokenizer::RawAttr;
use super::Policy;

/// The value of the first attribute named `name` (browsers ignore later duplicates), entity-decoded.
fn get(attrs: &[RawAttr<'_>], name: &str) -> Option<String> {
    let raw = attrs.iter().find(|a| a.name.eq_ignore_ascii_case(name))?;
    Some(decode_entities(raw.value).into_owned())
}

/// Digits only (after trimming), at most `max_len` of them.
fn digits(v: &str, max_len: usize) -> Option<&str> {
    let v = v.trim();
    (!v.is_empty() && v.len() <= max_len && v.bytes().all(|b| b.is_ascii_digit())).then_some(v)
}

/// A span count: digits, clamped to `min..=100`.
fn span(v: &str, min: u32) -> Option<String> {
    let n: u32 = digits(v, 9)?.parse().ok()?;
    Some(n.clamp(min, 100).to_string())
}

/// Appends ` name="value"` with the value escaped for a double-quoted attribute.
fn push_attr(out: &mut String, name: &str, value: &str) {
    out.push(' ');
    out.push_str(name);
    out.push_str("=\"");
    super::text::escape_into(out, value, true);
    out.push('"');
}

/// Writes the allowed attributes of `name` into `out`. Returns `false` when the element must not be kept at all:
/// a link without a safe `href`, an image without a safe `src`.
pub(super) fn write_attrs(
    out: &mut String,
    name: &str,
    attrs: &[RawAttr<'_>],
    policy: Policy,
    base: Option<&str>,
) -> bool {
    match name {
        "a" => {
            let Some(href) = get(attrs, "href").and_then(|h| safe_link(base, &h)) else {
                return false;
            };
            let absolute =
                href.starts_with("http:") || href.starts_with("https:") || href.starts_with("//");
            push_attr(out, "href", &href);
            match policy {
                Policy::Comment => push_attr(out, "rel", "ugc nofollow noopener noreferrer"),
                Policy::Article if absolute => push_attr(out, "rel", "noopener noreferrer"),
                Policy::Article => {}
            }
        }
        "img" => {
            let Some(src) = get(attrs, "src").and_then(|s| safe_image(base, &s)) else {
                return false;
            };
            push_attr(out, "src", &src);
            if let Some(alt) = get(attrs, "alt") {
                push_attr(out, "alt", &alt);
            }
            for dim in ["width", "height"] {
                if let Some(v) = get(attrs, dim).as_deref().and_then(|v| digits(v, 5)) {
                    push_attr(out, dim, v);
                }
            }
            // Off-screen images load only when needed, and never block the article's text.
            push_attr(out, "loading", "lazy");
            push_attr(out, "decoding", "async");
        }
        "td" | "th" => {
            if let Some(v) = get(attrs, "colspan").and_then(|v| span(&v, 1)) {
                push_attr(out, "colspan", &v);
            }
            if let Some(v) = get(attrs, "rowspan").and_then(|v| span(&v, 0)) {
                push_attr(out, "rowspan", &v);
            }
            if let Some(v) = get(attrs, "scope").map(|v| v.trim().to_ascii_lowercase()) {
                if matches!(v.as_str(), "row" | "col" | "rowgroup" | "colgroup") {
                    push_attr(out, "scope", &v);
                }
            }
        }
        "ol" => {
            if let Some(v) = get(attrs, "start") {
                let v = v.trim();
                if digits(v.strip_prefix('-').unwrap_or(v), 9).is_some() {
                    push_attr(out, "start", v);
                }
            }
            if get(attrs, "reversed").is_some() {
                push_attr(out, "reversed", "");
            }
        }
        "time" => {
            let ok = |v: &&str| {
                !v.is_empty()
                    && v.len() <= 64
                    && v.bytes().all(|b| {
                        b.is_ascii_alphanumeric() || matches!(b, b':' | b'+' | b'-' | b'.' | b' ')
                    })
            };
            if let Some(v) = get(attrs, "datetime").as_deref().map(str::trim).filter(ok) {
                push_attr(out, "datetime", v);
            }
        }
        "q" | "blockquote" => {
            if let Some(v) = get(attrs, "cite").and_then(|c| safe_link(base, &c)) {
                push_attr(out, "cite", &v);
            }
        }
        _ => {}
    }
    write_global_attrs(out, attrs);
    true
}

/// `lang`, `dir` and `title`, allowed on every kept element.
fn write_global_attrs(out: &mut String, attrs: &[RawAttr<'_>]) {
    if let Some(v) = get(attrs, "lang") {
        let v = v.trim();
        if !v.is_empty()
            && v.len() <= 35
            && v.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
        {
            push_attr(out, "lang", v);
        }
    }
    if let Some(v) = get(attrs, "dir").map(|v| v.trim().to_ascii_lowercase()) {
        if matches!(v.as_str(), "ltr" | "rtl" | "auto") {
            push_attr(out, "dir", &v);
        }
    }
    if let Some(v) = get(attrs, "title") {
        push_attr(out, "title", &v);
    }
}

#[cfg(test)]
mod tests;
