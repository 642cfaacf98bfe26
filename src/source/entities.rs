//! HTML character reference decoding (`&amp;`, `&#8217;`, `&#x27;`).
//!
//! Used by the sanitiser for text and attribute values, and on its own for plain-text fields that CMSs send
//! entity-encoded (WordPress titles: `Cuba&#8217;s`). The output is plain text: escape it again before it goes
//! into HTML.
//!
//! Named references: the module carries no table of the 2,125 HTML 5 names (with their text, one of the largest
//! data items the WebAssembly had). In the browser, `browser` asks the browser's own HTML parser, which knows every name; natively
//! (tests, host tools) pulldown-cmark's parser is asked, a native-only dependency (see Cargo.toml). Both give the
//! full HTML 5 list. The small tables (legacy names without `;`, windows-1252) are in `table`; this file is the
//! decoder.

#[cfg(target_arch = "wasm32")]
mod browser;
mod table;

use std::borrow::Cow;

use table::{LEGACY_NO_SEMICOLON, WINDOWS_1252};

/// What a named reference stands for (`"amp"` → `&`, `"nvlt"` → two characters), if HTML 5 names it.
fn lookup(name: &str) -> Option<Cow<'static, str>> {
    // The names in nearly every text, without a parser.
    let common = match name {
        "amp" => "&",
        "lt" => "<",
        "gt" => ">",
        "quot" => "\"",
        "apos" => "'",
        "nbsp" => "\u{a0}",
        _ => "",
    };
    if !common.is_empty() {
        return Some(Cow::Borrowed(common));
    }
    full_lookup(name).map(Cow::Owned)
}

/// Any HTML 5 name, through the browser's HTML parser.
#[cfg(target_arch = "wasm32")]
fn full_lookup(name: &str) -> Option<String> {
    browser::lookup(name)
}

/// Any HTML 5 name, through pulldown-cmark: CommonMark decodes exactly the HTML 5 names in a paragraph `&name;`,
/// and leaves any other as written.
#[cfg(not(target_arch = "wasm32"))]
fn full_lookup(name: &str) -> Option<String> {
    use pulldown_cmark::{Event, Parser, Tag, TagEnd};
    let reference = format!("&{name};");
    let mut text = String::new();
    for event in Parser::new(&reference) {
        match event {
            Event::Text(t) => text.push_str(&t),
            Event::Start(Tag::Paragraph) | Event::End(TagEnd::Paragraph) => {}
            _ => return None,
        }
    }
    (text != reference).then_some(text)
}

/// What a numeric reference decodes to, following the HTML rules: 0, surrogates and values past U+10FFFF become
/// U+FFFD, and 0x80–0x9F are read as windows-1252.
fn numeric_char(value: u32) -> char {
    let value = match value {
        0x80..=0x9F => u32::from(WINDOWS_1252[(value - 0x80) as usize]),
        v => v,
    };
    match value {
        0 => '\u{FFFD}',
        v => char::from_u32(v).unwrap_or('\u{FFFD}'),
    }
}

/// Decodes `&#…` at the start of `b` (which starts with `&#`). Returns the character and the bytes consumed.
fn decode_numeric(b: &[u8]) -> Option<(char, usize)> {
    let (radix, start) = match b.get(2) {
        Some(b'x' | b'X') => (16, 3),
        _ => (10, 2),
    };
    let mut i = start;
    let mut value: u32 = 0;
    while let Some(d) = b.get(i).and_then(|&c| char::from(c).to_digit(radix)) {
        // Saturates: any overlong number ends past U+10FFFF, hence U+FFFD.
        value = value.saturating_mul(radix).saturating_add(d);
        i += 1;
    }
    if i == start {
        return None;
    }
    // Browsers accept a numeric reference without its `;`.
    if b.get(i) == Some(&b';') {
        i += 1;
    }
    Some((numeric_char(value), i))
}

/// Decodes the reference at the start of `s` (which starts with `&`): what it stands for and the bytes consumed.
fn decode_one(s: &str) -> Option<(Cow<'static, str>, usize)> {
    let b = s.as_bytes();
    if b.get(1) == Some(&b'#') {
        return decode_numeric(b).map(|(c, used)| (Cow::Owned(c.to_string()), used));
    }
    let len = b[1..]
        .iter()
        .take_while(|c| c.is_ascii_alphanumeric())
        .count();
    if len == 0 || len > 32 {
        return None;
    }
    let name = &s[1..1 + len];
    match b.get(1 + len) {
        Some(b';') => lookup(name).map(|c| (c, len + 2)),
        // `?a=1&amp=2` in a URL: browsers leave it alone, so do we.
        Some(b'=') => None,
        _ if LEGACY_NO_SEMICOLON.contains(&name) => lookup(name).map(|c| (c, len + 1)),
        _ => None,
    }
}

/// Decodes the character references in `s`: numeric ones (`&#39;`, `&#x27;`, with or without `;`; invalid, zero
/// and surrogate code points give U+FFFD) and every HTML 5 name (`&amp;`, `&nbsp;`, `&rsquo;`, `&hellip;`, Greek
/// letters, arrows, `&colon;`…), the legacy few also without `;` as browsers do. Unknown names are kept as written.
///
/// Borrows when there is nothing to decode.
pub fn decode_entities(s: &str) -> Cow<'_, str> {
    let Some(first) = s.find('&') else {
        return Cow::Borrowed(s);
    };
    let mut out = String::with_capacity(s.len());
    out.push_str(&s[..first]);
    let mut rest = &s[first..];
    loop {
        // Here `rest` starts with '&'.
        match decode_one(rest) {
            Some((text, used)) => {
                out.push_str(&text);
                rest = &rest[used..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
        match rest.find('&') {
            Some(i) => {
                out.push_str(&rest[..i]);
                rest = &rest[i..];
            }
            None => {
                out.push_str(rest);
                return Cow::Owned(out);
            }
        }
    }
}

#[cfg(test)]
mod tests;
