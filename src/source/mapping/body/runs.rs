//! Plain text with links: paragraphs at blank lines, `<br>` at single newlines, given byte ranges as links. The
//! `text` format finds its links itself ([`bare_urls`]); Bluesky's facets say where theirs are.

use super::out::Out;

/// A link over `text[start..end]` to `href`.
pub(super) struct Span {
    pub start: usize,
    pub end: usize,
    pub href: String,
}

/// Writes `text` as paragraphs with `spans` as links. Spans that overlap an earlier one, run backwards, leave the
/// text or cut a character in two are left out (their text stays): offsets come from the API.
pub(super) fn text_with_links(out: &mut Out<'_>, text: &str, spans: &[Span]) {
    let mut nl = 0;
    let mut at = 0;
    out.open("p");
    for s in spans {
        let fits = at <= s.start
            && s.start < s.end
            && text.is_char_boundary(s.start)
            && text.is_char_boundary(s.end);
        if !fits || s.end > text.len() {
            continue;
        }
        lines(out, &text[at..s.start], &mut nl);
        breaks(out, &mut nl);
        out.link(&s.href);
        lines(out, &text[s.start..s.end], &mut nl);
        out.close("a");
        at = s.end;
    }
    lines(out, &text[at..], &mut nl);
    out.close("p");
}

/// Text with its newlines: each run of newlines is held back until more text follows, then written as `<br>` (one)
/// or a new paragraph (more), so that trailing newlines leave nothing behind.
fn lines(out: &mut Out<'_>, s: &str, nl: &mut usize) {
    for (i, line) in s.split('\n').enumerate() {
        if i > 0 {
            *nl += 1;
        }
        if line.trim().is_empty() && (i > 0 || *nl > 0) {
            continue;
        }
        breaks(out, nl);
        out.text(line);
    }
}

fn breaks(out: &mut Out<'_>, nl: &mut usize) {
    match *nl {
        0 => {}
        1 => out.html.push_str("<br>"),
        _ => out.html.push_str("</p><p>"),
    }
    *nl = 0;
}

/// The bare `http(s)://` URLs in `text`, without the punctuation that ends a sentence around them (a trailing `.`,
/// `,` or a `)` that closes no `(` of the URL).
pub(super) fn bare_urls(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(i) = text[from..].find("http") {
        let start = from + i;
        let rest = &text[start..];
        let after_word = text[..start]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric);
        let scheme = ["https://", "http://"]
            .into_iter()
            .find(|p| rest.starts_with(p));
        let (Some(scheme), false) = (scheme, after_word) else {
            from = start + 4;
            continue;
        };
        let len = rest
            .find(|c: char| c.is_whitespace() || matches!(c, '<' | '>' | '"'))
            .unwrap_or(rest.len());
        let mut url = &rest[..len];
        while let Some(last) = url.chars().next_back() {
            let open = url.matches('(').count() < url.matches(')').count();
            if matches!(last, '.' | ',' | ':' | ';' | '!' | '?' | '\'' | '*')
                || (last == ')' && open)
            {
                url = &url[..url.len() - last.len_utf8()];
            } else {
                break;
            }
        }
        if url.len() > scheme.len() {
            out.push(Span {
                start,
                end: start + url.len(),
                href: url.to_string(),
            });
        }
        from = start + url.len().max(4);
    }
    out
}
