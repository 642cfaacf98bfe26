//! How a comment's sanitised body is drawn: folded behind its content warning ([`behind_warning`]), and with its
//! custom emoji ([`with_emoji`]). Both work on the sanitiser's own output, so the result is still safe.
//!
//! Custom emoji in sanitised HTML: `:shortcode:` in text becomes the emoji's picture (`alt` is the shortcode with
//! its colons, so a screen reader and a copy say what the author typed). Only text is looked at — never tags or
//! attribute values — and not inside `<code>` or `<pre>`, where `:x:` is code.

use super::text::escape_into;
use super::SafeHtml;

/// `html` with each `:code:` for which `url_of` gives a picture replaced by that picture. `url_of` says which
/// pictures may load (the reader's image setting): for the others the shortcode stays text.
pub fn with_emoji<'e>(html: &SafeHtml, url_of: impl Fn(&str) -> Option<&'e str>) -> SafeHtml {
    let mut rest = html.as_str();
    let mut out = String::with_capacity(rest.len());
    let mut in_code = 0usize;
    while !rest.is_empty() {
        if rest.starts_with('<') {
            // Our own output: a tag ends at the first `>` (attribute values have theirs escaped).
            let end = rest.find('>').map_or(rest.len(), |i| i + 1);
            let tag = &rest[..end];
            if tag.starts_with("<code") || tag.starts_with("<pre") {
                in_code += 1;
            } else if tag.starts_with("</code") || tag.starts_with("</pre") {
                in_code = in_code.saturating_sub(1);
            }
            out.push_str(tag);
            rest = &rest[end..];
            continue;
        }
        let end = rest.find('<').unwrap_or(rest.len());
        if in_code == 0 {
            replace(&mut out, &rest[..end], &url_of);
        } else {
            out.push_str(&rest[..end]);
        }
        rest = &rest[end..];
    }
    SafeHtml::from_sanitiser(out)
}

/// `body` folded behind a content warning: a closed `<details>` whose `<summary>` is `summary` (escaped), so the
/// reader opens it. Built here rather than in the component: one string, not more virtual DOM code in the embed.
pub fn behind_warning(body: &SafeHtml, summary: &str) -> SafeHtml {
    let mut out = String::with_capacity(body.as_str().len() + summary.len() + 48);
    out.push_str("<details><summary>");
    escape_into(&mut out, summary, false);
    out.push_str("</summary>");
    out.push_str(body.as_str());
    out.push_str("</details>");
    SafeHtml::from_sanitiser(out)
}

fn replace<'e>(out: &mut String, text: &str, url_of: &impl Fn(&str) -> Option<&'e str>) {
    let (mut last, mut from) = (0, 0);
    while let Some(at) = text[from..].find(':').map(|i| i + from) {
        let after = &text[at + 1..];
        let len = after
            // Mastodon's shortcodes are ASCII letters, digits and `_` (its `[a-zA-Z0-9_]+`); `is_alphanumeric` would
            // also link core's Unicode letter and number tables into the wasm for codes no server issues.
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .unwrap_or(after.len());
        if len == 0 || !after[len..].starts_with(':') {
            from = at + 1;
            continue;
        }
        let code = &after[..len];
        match url_of(code) {
            Some(url) => {
                out.push_str(&text[last..at]);
                out.push_str("<img src=\"");
                escape_into(out, url, true);
                // The code is ASCII letters, digits and `_`: nothing to escape.
                out.push_str("\" alt=\":");
                out.push_str(code);
                out.push_str(":\" loading=\"lazy\">");
                last = at + len + 2;
                from = last;
            }
            // The closing colon may open the next shortcode (`:a::b:`).
            None => from = at + 1 + len,
        }
    }
    out.push_str(&text[last..]);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::sanitize::{sanitize, Policy};

    fn run(html: &str) -> String {
        let safe = sanitize(html, Policy::Comment, None);
        let urls = |c: &str| match c {
            "blobcat" => Some("https://files.example/e/blobcat.png?a=1&b=2"),
            "x" => Some("https://files.example/x.png"),
            _ => None,
        };
        with_emoji(&safe, urls).as_str().to_string()
    }

    // Known shortcodes become pictures, unknown (or not allowed) ones stay text; attributes and code are left
    // alone; adjacent shortcodes share nothing.
    #[test]
    fn shortcodes_become_pictures_in_text_only() {
        assert_eq!(
            run("<p>Hi :blobcat: and :nope: :x::x:</p>"),
            "<p>Hi <img src=\"https://files.example/e/blobcat.png?a=1&amp;b=2\" \
             alt=\":blobcat:\" loading=\"lazy\"> and :nope: <img \
             src=\"https://files.example/x.png\" alt=\":x:\" loading=\"lazy\"><img \
             src=\"https://files.example/x.png\" alt=\":x:\" loading=\"lazy\"></p>"
        );
        let link = run("<p><a href=\"https://a.example/:x:\">:nope:x:</a> <code>:x:</code></p>");
        assert!(link.contains("href=\"https://a.example/:x:\""), "{link}");
        assert!(
            link.contains(":nope<img") && link.contains("<code>:x:</code>"),
            "{link}"
        );
        assert_eq!(run("no colons, a: b :: c"), "no colons, a: b :: c");
        // Not a shortcode: a letter outside ASCII ends it before its colon.
        assert_eq!(run("<p>:blobcät:</p>"), "<p>:blobcät:</p>");
    }

    // The warning is escaped text in the summary; the body follows, unchanged.
    #[test]
    fn folded_behind_a_warning() {
        let body = sanitize("<p>spoiler</p>", Policy::Comment, None);
        assert_eq!(
            behind_warning(&body, "Content warning: <b>plot</b>").as_str(),
            "<details><summary>Content warning: &lt;b&gt;plot&lt;/b&gt;</summary><p>spoiler</p></details>"
        );
    }
}
