//! Skipping what is not a token: the content of raw-text elements up to their end tag, comments and bogus
//! comments (`<!doctype …>`, `<?xml …?>`, `</ …>`). Each returns the offset to continue at.

use super::is_space;

/// Offset of `</name` (any case, followed by whitespace, `/`, `>` or the end) at or after `from`.
pub(super) fn find_end_tag(src: &str, from: usize, name: &str) -> Option<usize> {
    let b = src.as_bytes();
    let mut i = from;
    while let Some(k) = src.get(i..)?.find("</") {
        let at = i + k;
        let end = at + 2 + name.len();
        if b.get(at + 2..end)
            .is_some_and(|n| n.eq_ignore_ascii_case(name.as_bytes()))
            && b.get(end)
                .is_none_or(|&c| is_space(c) || c == b'/' || c == b'>')
        {
            return Some(at);
        }
        i = at + 2;
    }
    None
}

/// Offset after a comment whose body starts at `body`: `<!-->` and `<!--->` end at once, otherwise at `-->` or
/// `--!>`, or at the end of the input.
pub(super) fn comment_end(src: &str, body: usize) -> usize {
    let rest = &src[body..];
    if rest.starts_with('>') {
        return body + 1;
    }
    if rest.starts_with("->") {
        return body + 2;
    }
    let mut i = body;
    while let Some(k) = src[i..].find("--") {
        let at = i + k;
        let tail = &src[at + 2..];
        if tail.starts_with('>') {
            return at + 3;
        }
        if tail.starts_with("!>") {
            return at + 4;
        }
        i = at + 1;
    }
    src.len()
}

/// Offset after a bogus comment (`<!doctype …>`, `<?xml …?>`, `</ …>`): the next `>`, or the end.
pub(super) fn bogus_comment_end(src: &str, from: usize) -> usize {
    src.get(from..)
        .and_then(|r| r.find('>'))
        .map_or(src.len(), |k| from + k + 1)
}
