//! A URI reference taken apart (RFC 3986 appendix B) and put back together: splitting, composing, and merging a
//! relative path with its base's (section 5.2.3).

use super::scheme_of;

/// The parts of a URI reference, as split by RFC 3986 appendix B.
pub(super) struct Parts<'a> {
    pub(super) scheme: Option<&'a str>,
    pub(super) authority: Option<&'a str>,
    pub(super) path: &'a str,
    pub(super) query: Option<&'a str>,
    pub(super) fragment: Option<&'a str>,
}

pub(super) fn split(s: &str) -> Parts<'_> {
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

pub(super) fn compose(
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

/// RFC 3986 section 5.2.3.
pub(super) fn merge(base: &Parts<'_>, ref_path: &str) -> String {
    if base.authority.is_some() && base.path.is_empty() {
        return format!("/{ref_path}");
    }
    match base.path.rfind('/') {
        Some(i) => format!("{}{}", &base.path[..=i], ref_path),
        None => ref_path.to_owned(),
    }
}
