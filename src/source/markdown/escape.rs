//! Escaping both ways: Markdown's backslash escapes and character references on the way in, HTML escaping and URL
//! percent-encoding on the way out (the same bytes pulldown-cmark wrote, so the sanitiser sees the same input).

use crate::source::entities::decode_entities;

/// ASCII punctuation: what a backslash can escape and what counts as punctuation for emphasis flanking.
pub(super) fn is_ascii_punct(b: u8) -> bool {
    b.is_ascii_punctuation()
}

/// Punctuation for the emphasis rules: ASCII punctuation plus the Unicode punctuation and symbols that occur in
/// real text (general punctuation, Latin-1 marks, CJK punctuation, currency). CommonMark names every Unicode P and
/// S character; the rare rest is a known difference, kept out to avoid a Unicode table in the module.
pub(super) fn is_punct(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_punctuation();
    }
    matches!(c,
        '\u{A1}'..='\u{BF}' | '\u{D7}' | '\u{F7}'
        | '\u{2010}'..='\u{2027}' | '\u{2030}'..='\u{205E}'
        | '\u{20A0}'..='\u{20C0}' | '\u{2190}'..='\u{21FF}' | '\u{2200}'..='\u{22FF}'
        | '\u{2300}'..='\u{23FF}' | '\u{25A0}'..='\u{27BF}'
        | '\u{3001}'..='\u{3003}' | '\u{3008}'..='\u{3011}' | '\u{3014}'..='\u{301F}'
        | '\u{FF01}'..='\u{FF0F}' | '\u{FF1A}'..='\u{FF20}' | '\u{FF3B}'..='\u{FF40}' | '\u{FF5B}'..='\u{FF65}'
        | '\u{1F300}'..='\u{1FAFF}')
}

/// A character reference at `i` (where `s[i]` is `&`), CommonMark's way: `&#` 1–7 digits, `&#x` 1–6 hex digits or an
/// HTML 5 name, each ending in `;`. Returns what it stands for and the end of the reference.
pub(super) fn scan_entity(s: &str, i: usize) -> Option<(String, usize)> {
    let b = s.as_bytes();
    let mut j = i + 1;
    if b.get(j) == Some(&b'#') {
        j += 1;
        let (radix, max) = match b.get(j) {
            Some(b'x' | b'X') => {
                j += 1;
                (16, 6)
            }
            _ => (10, 7),
        };
        let start = j;
        let mut value: u32 = 0;
        while let Some(d) = b.get(j).and_then(|&c| char::from(c).to_digit(radix)) {
            if j - start == max {
                return None;
            }
            value = value * radix + d;
            j += 1;
        }
        if j == start || b.get(j) != Some(&b';') {
            return None;
        }
        let c = match value {
            0 => '\u{FFFD}',
            v => char::from_u32(v).unwrap_or('\u{FFFD}'),
        };
        return Some((c.to_string(), j + 1));
    }
    let len = b[j..]
        .iter()
        .take(33)
        .take_while(|c| c.is_ascii_alphanumeric())
        .count();
    if len == 0 || len > 32 || b.get(j + len) != Some(&b';') {
        return None;
    }
    let reference = &s[i..j + len + 1];
    match decode_entities(reference) {
        std::borrow::Cow::Owned(text) if text != reference => Some((text, j + len + 1)),
        _ => None,
    }
}

/// Backslash escapes and character references resolved: for link destinations, titles and info strings.
pub(super) fn unescape(s: &str) -> String {
    if !s.contains(['\\', '&']) {
        return s.to_owned();
    }
    let b = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    let mut mark = 0;
    while i < b.len() {
        match b[i] {
            b'\\' if b.get(i + 1).is_some_and(|&c| is_ascii_punct(c)) => {
                out.push_str(&s[mark..i]);
                mark = i + 1;
                i += 2;
            }
            b'&' => match scan_entity(s, i) {
                Some((text, end)) => {
                    out.push_str(&s[mark..i]);
                    out.push_str(&text);
                    i = end;
                    mark = end;
                }
                None => i += 1,
            },
            _ => i += 1,
        }
    }
    out.push_str(&s[mark..]);
    out
}

/// Text content: `&`, `<`, `>` escaped.
pub(super) fn escape_text(out: &mut String, s: &str) {
    escape(out, s, false);
}

/// An attribute value: also `"` and `'`.
pub(super) fn escape_attr(out: &mut String, s: &str) {
    escape(out, s, true);
}

fn escape(out: &mut String, s: &str, attr: bool) {
    let mut mark = 0;
    for (i, b) in s.bytes().enumerate() {
        let rep = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' if attr => "&quot;",
            b'\'' if attr => "&#39;",
            _ => continue,
        };
        out.push_str(&s[mark..i]);
        out.push_str(rep);
        mark = i + 1;
    }
    out.push_str(&s[mark..]);
}

/// A URL in an attribute: bytes outside a safe ASCII set percent-encoded (spaces, quotes, non-ASCII), `&` and `'`
/// as references, `%` left alone so existing escapes stay single.
pub(super) fn escape_href(out: &mut String, s: &str) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut mark = 0;
    for (i, b) in s.bytes().enumerate() {
        let safe = b.is_ascii_alphanumeric()
            || matches!(
                b,
                b'!' | b'#'
                    | b'$'
                    | b'%'
                    | b'('
                    | b')'
                    | b'*'
                    | b'+'
                    | b','
                    | b'-'
                    | b'.'
                    | b'/'
                    | b':'
                    | b';'
                    | b'='
                    | b'?'
                    | b'@'
                    | b'^'
                    | b'_'
                    | b'~'
            );
        if safe {
            continue;
        }
        // Each byte of a non-ASCII character is escaped, so `mark` may stand inside one: only slice a non-empty
        // run of safe (ASCII) bytes.
        if mark < i {
            out.push_str(&s[mark..i]);
        }
        match b {
            b'&' => out.push_str("&amp;"),
            b'\'' => out.push_str("&#x27;"),
            _ => {
                out.push('%');
                out.push(char::from(HEX[usize::from(b >> 4)]));
                out.push(char::from(HEX[usize::from(b & 15)]));
            }
        }
        mark = i + 1;
    }
    out.push_str(&s[mark..]);
}
