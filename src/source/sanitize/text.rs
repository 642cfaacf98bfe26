//! Escaping text into HTML, and getting text back out of our own (well-formed) output.

use super::super::entities::decode_entities;
use super::kinds::is_block;

/// Appends `s` escaped: `&`, `<`, `>` always, `"` too when `attr` (values are always double-quoted), CR as `&#13;`.
/// NUL is dropped, as browsers drop it from text.
pub(super) fn escape_into(out: &mut String, s: &str, attr: bool) {
    let mut last = 0;
    for (i, b) in s.bytes().enumerate() {
        let rep = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' if attr => "&quot;",
            b'\0' => "",
            // A literal CR would be read back as LF: a CR that came in as `&#13;` goes out the same way.
            b'\r' => "&#13;",
            _ => continue,
        };
        out.push_str(&s[last..i]);
        out.push_str(rep);
        last = i + 1;
    }
    out.push_str(&s[last..]);
}

/// Browsers read CR LF and lone CR as LF before anything else; so do we, so that both see the same text.
pub(super) fn normalize_newlines(s: &str) -> std::borrow::Cow<'_, str> {
    if s.contains('\r') {
        std::borrow::Cow::Owned(s.replace("\r\n", "\n").replace('\r', "\n"))
    } else {
        std::borrow::Cow::Borrowed(s)
    }
}

/// Plain text → `<p>` per blank-line-separated paragraph, `<br>` per single newline, everything escaped.
pub(super) fn paragraphs(text: &str) -> String {
    let text = normalize_newlines(text);
    let mut out = String::with_capacity(text.len() + 16);
    let mut in_para = false;
    for line in text.split('\n') {
        let line = line.trim_end();
        if line.trim_start().is_empty() {
            if in_para {
                out.push_str("</p>");
                in_para = false;
            }
            continue;
        }
        out.push_str(if in_para { "<br>" } else { "<p>" });
        in_para = true;
        escape_into(&mut out, line, false);
    }
    if in_para {
        out.push_str("</p>");
    }
    out
}

/// The text of our own sanitised HTML: tags removed, entities decoded, a newline where a block element or a
/// `<br>` separates two pieces of text (so words do not run together in previews and counts), trimmed.
///
/// Only valid on sanitiser output, where no `>` appears inside a tag except as its end.
pub(super) fn plain_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        out.push_str(&decode_entities(&rest[..lt]));
        let tag_end = rest[lt..].find('>').map_or(rest.len(), |k| lt + k + 1);
        let name = rest[lt + 1..tag_end].trim_start_matches('/');
        let name = &name[..name.find([' ', '>', '/']).unwrap_or(name.len())];
        if (name == "br" || is_block(name))
            && !out.is_empty()
            && !out.ends_with(char::is_whitespace)
        {
            out.push('\n');
        }
        rest = &rest[tag_end..];
    }
    out.push_str(&decode_entities(rest));
    let trimmed = out.trim();
    if trimmed.len() == out.len() {
        out
    } else {
        trimmed.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // Attribute escaping covers the quote; text escaping does not need to.
    #[test]
    fn escaping() {
        let mut s = String::new();
        escape_into(&mut s, "a<b>&\"c\0\r", false);
        escape_into(&mut s, "|\"", true);
        assert_eq!(s, "a&lt;b&gt;&amp;\"c&#13;|&quot;");
    }

    // Blank lines make paragraphs, single newlines make <br>, CRLF counts as a newline.
    #[test]
    fn plain_paragraphs() {
        assert_eq!(
            paragraphs("a\r\nb\r\n\r\n \n<c>\n"),
            "<p>a<br>b</p><p>&lt;c&gt;</p>"
        );
        assert_eq!(paragraphs("  \n"), "");
    }

    // Text comes back decoded, with separators between blocks.
    #[test]
    fn text_of_html() {
        assert_eq!(
            plain_text("<p>a &amp; b</p><p>c<br>d <em>e</em></p>"),
            "a & b\nc\nd e"
        );
    }
}
