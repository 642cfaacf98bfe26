//! URL reference resolution (RFC 3986 section 5) and the scheme checks that decide which links and images from
//! untrusted content may reach the page.
//!
//! Everything here works on plain strings: no URL crate, so the wasm bundle stays small. The checks are deliberately
//! stricter than a browser's parser: whatever we are not sure a browser would read as http(s)/mailto is refused.

/// The parts of a URI reference, as split by RFC 3986 appendix B.
struct Parts<'a> {
    scheme: Option<&'a str>,
    authority: Option<&'a str>,
    path: &'a str,
    query: Option<&'a str>,
    fragment: Option<&'a str>,
}

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

/// Schemes whose URLs browsers parse with `\` meaning `/` (WHATWG "special" schemes).
fn is_special(scheme: &str) -> bool {
    ["http", "https", "ws", "wss", "ftp", "file"]
        .iter()
        .any(|s| s.eq_ignore_ascii_case(scheme))
}

fn split(s: &str) -> Parts<'_> {
    let scheme = scheme_of(s);
    let rest = scheme.map_or(s, |sc| &s[sc.len() + 1..]);
    let (rest, fragment) = match rest.find('#') {
        Some(i) => (&rest[..i], Some(&rest[i + 1..])),
        None => (rest, None),
    };
    let (rest, query) = match rest.find('?') {
        Some(i) => (&rest[..i], Some(&rest[i + 1..])),
        None => (rest, None),
    };
    let (authority, path) = match rest.strip_prefix("//") {
        Some(after) => {
            let end = after.find('/').unwrap_or(after.len());
            (Some(&after[..end]), &after[end..])
        }
        None => (None, rest),
    };
    Parts {
        scheme,
        authority,
        path,
        query,
        fragment,
    }
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

fn compose(
    scheme: &str,
    authority: Option<&str>,
    path: &str,
    query: Option<&str>,
    frag: Option<&str>,
) -> String {
    let mut out = String::with_capacity(scheme.len() + path.len() + 16);
    out.push_str(&scheme.to_ascii_lowercase());
    out.push(':');
    if let Some(a) = authority {
        out.push_str("//");
        out.push_str(a);
    }
    out.push_str(path);
    if let Some(q) = query {
        out.push('?');
        out.push_str(q);
    }
    if let Some(f) = frag {
        out.push('#');
        out.push_str(f);
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

/// RFC 3986 section 5.2.3.
fn merge(base: &Parts<'_>, ref_path: &str) -> String {
    if base.authority.is_some() && base.path.is_empty() {
        return format!("/{ref_path}");
    }
    match base.path.rfind('/') {
        Some(i) => format!("{}{}", &base.path[..=i], ref_path),
        None => ref_path.to_owned(),
    }
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

/// Percent-encode `value` for a URL path segment or query value: everything but RFC 3986's unreserved characters.
/// (The one encoder of the code base: query parameters, comment ids in URLs.)
pub fn encode_component(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for b in value.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Undo percent-encoding (a `#comment-<id>` fragment). Bytes that do not form UTF-8, and malformed escapes, are
/// kept as they were written.
pub fn decode_component(value: &str) -> String {
    let bytes = value.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok());
        match (bytes[i], hex.and_then(|h| u8::from_str_radix(h, 16).ok())) {
            (b'%', Some(b)) => {
                out.push(b);
                i += 3;
            }
            (b, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(out).unwrap_or_else(|_| value.to_string())
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
