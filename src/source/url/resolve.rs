//! Resolving a reference against a base URL (RFC 3986 section 5.2, strict mode), as a browser resolves an `href`.

use super::parts::{compose, merge, split};
use super::{clean, scheme_of};

/// Schemes whose URLs browsers parse with `\` meaning `/` (WHATWG "special" schemes).
fn is_special(scheme: &str) -> bool {
    ["http", "https", "ws", "wss", "ftp", "file"]
        .iter()
        .any(|s| s.eq_ignore_ascii_case(scheme))
}

/// RFC 3986 section 5.2.4. Iterative, linear in the path length.
fn remove_dot_segments(path: &str) -> String {
    fn pop_segment(out: &mut String) {
        match out.rfind('/') {
            Some(i) => out.truncate(i),
            None => out.clear(),
        }
    }
    let mut input = path;
    let mut out = String::with_capacity(path.len());
    while !input.is_empty() {
        if let Some(r) = input.strip_prefix("../") {
            input = r;
        } else if let Some(r) = input.strip_prefix("./") {
            input = r;
        } else if input.starts_with("/./") {
            input = &input[2..];
        } else if input == "/." {
            input = "/";
        } else if input.starts_with("/../") {
            input = &input[3..];
            pop_segment(&mut out);
        } else if input == "/.." {
            input = "/";
            pop_segment(&mut out);
        } else if input == "." || input == ".." {
            input = "";
        } else {
            let skip = usize::from(input.starts_with('/'));
            let end = input[skip..].find('/').map_or(input.len(), |i| i + skip);
            out.push_str(&input[..end]);
            input = &input[end..];
        }
    }
    out
}

/// Resolves `reference` against the absolute URL `base` (RFC 3986 section 5.2, strict mode), the way a browser
/// resolves an `href`: ASCII whitespace and control characters around it are trimmed, tabs and newlines (and other
/// ASCII control characters) inside it are removed, and for http(s)-like schemes `\` counts as `/`.
///
/// Returns the absolute URL with a lower-case scheme. An absolute `reference` is returned normalised even without a
/// base; a relative one needs a base with a scheme, otherwise the answer is `None`.
pub fn resolve(base: Option<&str>, reference: &str) -> Option<String> {
    let reference = clean(reference);
    let r_scheme = scheme_of(&reference);
    let reference = match r_scheme {
        Some(s) if !is_special(s) => reference,
        _ => reference.replace('\\', "/"),
    };
    let r = split(&reference);
    if let Some(scheme) = r.scheme {
        let path = remove_dot_segments(r.path);
        return Some(compose(scheme, r.authority, &path, r.query, r.fragment));
    }
    let base = clean(base?);
    let base = if scheme_of(&base).is_some_and(is_special) {
        base.replace('\\', "/")
    } else {
        base
    };
    let b = split(&base);
    let b_scheme = b.scheme?;
    let (authority, path, query);
    if r.authority.is_some() {
        authority = r.authority;
        path = remove_dot_segments(r.path);
        query = r.query;
    } else {
        authority = b.authority;
        if r.path.is_empty() {
            path = b.path.to_owned();
            query = r.query.or(b.query);
        } else {
            path = if r.path.starts_with('/') {
                remove_dot_segments(r.path)
            } else {
                remove_dot_segments(&merge(&b, r.path))
            };
            query = r.query;
        }
    }
    Some(compose(b_scheme, authority, &path, query, r.fragment))
}
