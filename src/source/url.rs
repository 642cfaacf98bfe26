//! URL reference resolution (RFC 3986 section 5) and the scheme checks that decide which links and images from
//! untrusted content may reach the page.
//!
//! Everything here works on plain strings: no URL crate, so the wasm bundle stays small. The checks are deliberately
//! stricter than a browser's parser: whatever we are not sure a browser would read as http(s)/mailto is refused.
//!
//! This file holds the checks ([`safe_link`], [`safe_image`]); resolution is in `resolve`, the
//! parts of a URL in `parts`, percent-encoding in `percent`.

mod origin;
mod parts;
mod percent;
mod resolve;

pub use origin::origin_of;
pub use percent::{decode_component, encode_component};
pub use resolve::resolve;

/// Removes what browsers ignore or that could hide a scheme: every ASCII control character (tab, newlines, NUL…)
/// anywhere, and spaces at both ends. Browsers strip tab/CR/LF inside URLs and C0 controls at the ends; removing
/// the other controls too can only make a hidden `javascript:` visible to our check, never hide one.
fn clean(s: &str) -> String {
    s.trim_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !c.is_ascii_control())
        .collect()
}

/// The scheme of `s` if it starts with one (`ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) ":"`).
fn scheme_of(s: &str) -> Option<&str> {
    let bytes = s.as_bytes();
    if !bytes.first()?.is_ascii_alphabetic() {
        return None;
    }
    let len = bytes
        .iter()
        .position(|&b| !(b.is_ascii_alphanumeric() || matches!(b, b'+' | b'-' | b'.')))?;
    (bytes[len] == b':').then(|| &s[..len])
}

/// A relative reference that no browser could read as carrying a scheme: no `:` before the first `/`, `?` or `#`.
fn is_scheme_free_relative(s: &str) -> bool {
    let end = s.find(['/', '?', '#']).unwrap_or(s.len());
    !s[..end].contains(':')
}

fn checked(
    base: Option<&str>,
    raw: &str,
    allowed: &[&str],
    allow_fragment: bool,
) -> Option<String> {
    let cleaned = clean(raw);
    if cleaned.is_empty() {
        return None;
    }
    let scheme_ok = |url: &str| {
        scheme_of(url).is_some_and(|s| allowed.iter().any(|a| a.eq_ignore_ascii_case(s)))
    };
    if cleaned.starts_with('#') {
        // Resolving against the base (the API's URL) would point the fragment at the API document, not the page.
        return allow_fragment.then_some(cleaned);
    }
    if scheme_of(&cleaned).is_some() {
        return resolve(None, &cleaned).filter(|u| scheme_ok(u));
    }
    // `java script:x`, `1a:b`: not a valid scheme, and not a valid relative reference either (RFC 3986 section
    // 4.2 forbids a ':' in the first segment). Refused rather than argued about.
    if !is_scheme_free_relative(&cleaned) {
        return None;
    }
    match resolve(base, &cleaned) {
        Some(abs) => scheme_ok(&abs).then_some(abs),
        // No usable base: keep it relative; the page resolves it, and it cannot carry a scheme.
        None => Some(cleaned.replace('\\', "/")),
    }
}

/// The URL to put in a link's `href`, or `None` if the link must go: `reference` resolved against `base` when it
/// is http, https or mailto (scheme checked case-insensitively after removing control characters and surrounding
/// whitespace, so `java\tscript:`, `  javascript:` and `JaVaScRiPt:` are all refused).
///
/// A fragment-only reference (`#x`) is kept as it is (resolving it against the base, the API's URL, would point it
/// away from the page). A relative reference with a `:` before its first `/`, `?` or `#` (`java script:x`) is
/// refused: it has no valid scheme and is no valid relative reference either. Other relative references resolve
/// against `base`, or without one are kept relative (`/a`, `./a`, `../a`, `?q`, `a/b:c`): the page resolves them.
/// An empty (or whitespace-only) reference gives `None`.
pub fn safe_link(base: Option<&str>, href: &str) -> Option<String> {
    checked(base, href, &["http", "https", "mailto"], true)
}

/// The URL to put in an image's `src`, or `None`: like [`safe_link`] but only http and https (no `data:`, no
/// `javascript:`, no `mailto:`, no fragment-only reference).
pub fn safe_image(base: Option<&str>, src: &str) -> Option<String> {
    checked(base, src, &["http", "https"], false)
}

#[cfg(test)]
mod tests;
