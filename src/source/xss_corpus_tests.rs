//! The XSS corpus (`tests/xss/vectors.txt`) through every untrusted field of the Folio JSON mapping.
//!
//! Each vector goes into every field of an article document and of a comment list document (HTML, Markdown and
//! plain-text bodies, captions, names, every URL), with and without a base URL. The model that comes out is then
//! checked structurally: every piece of HTML is re-read by a strict scanner that accepts only the sanitiser's
//! canonical output (allowlisted elements, allowlisted double-quoted attributes, safe URLs), every URL field must
//! be http(s)/mailto or scheme-free, and every text field must hold the text it was given (text, never markup).
//! The browsers' side of the same corpus is tests/e2e/xss.rs.

use serde_json::{json, Value};

use super::folio_json::{parse_article, parse_comments};
use super::sanitize::SafeHtml;
use super::SourceError;
use crate::model::{Article, Author, CommentList};

/// The vectors, with `{NUL}` turned back into U+0000.
pub(crate) fn vectors() -> Vec<String> {
    include_str!("../../tests/xss/vectors.txt")
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.replace("{NUL}", "\0"))
        .collect()
}

const BASES: [Option<&str>; 2] = [None, Some("https://news.example/api/articles/1.json")];

/// Elements the sanitiser may emit, and the attributes each may carry (plus `lang`, `dir`, `title` on all).
fn allowed_attrs(element: &str, comment: bool) -> Option<&'static [&'static str]> {
    Some(match element {
        "a" => &["href", "rel"],
        "img" if !comment => &["src", "alt", "width", "height", "loading", "decoding"],
        "td" | "th" => &["colspan", "rowspan", "scope"],
        "ol" => &["start", "reversed"],
        "time" => &["datetime"],
        "q" | "blockquote" => &["cite"],
        "figure" | "figcaption" | "section" | "aside" | "h2" | "h3" if comment => return None,
        "p" | "br" | "hr" | "ul" | "li" | "dl" | "dt" | "dd" | "strong" | "b" | "em" | "i"
        | "u" | "s" | "del" | "ins" | "sub" | "sup" | "small" | "mark" | "code" | "pre" | "kbd"
        | "samp" | "var" | "abbr" | "cite" | "span" | "div" | "table" | "thead" | "tbody"
        | "tfoot" | "tr" | "caption" | "details" | "summary" | "h4" | "h5" | "h6" | "figure"
        | "figcaption" | "section" | "aside" | "h2" | "h3" => &[],
        _ => return None,
    })
}

/// Undo the sanitiser's attribute escaping.
fn unescape_attr(v: &str) -> String {
    v.replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&#13;", "\r")
        .replace("&amp;", "&")
}

/// A URL a browser cannot run: http(s)/mailto, a fragment, or a relative reference that cannot carry a scheme.
/// `image` allows only http(s) and relative references.
fn url_is_safe(url: &str, image: bool) -> bool {
    // Browsers strip C0 controls and spaces around a URL and tabs/newlines inside it: none may remain to hide a
    // scheme. (Other characters, like U+2028, are not stripped: they stay part of a relative path.)
    if url.is_empty() || url.chars().any(|c| c.is_ascii_control()) {
        return false;
    }
    if url.starts_with(' ') || url.ends_with(' ') {
        return false;
    }
    let lower = url.to_ascii_lowercase();
    if lower.starts_with("http://") || lower.starts_with("https://") {
        return true;
    }
    if !image && (lower.starts_with("mailto:") || lower.starts_with('#')) {
        return true;
    }
    if lower.starts_with("//") || lower.starts_with("/\\") || lower.contains('\\') {
        // Protocol-relative is http(s) by construction, but a backslash would be a parser-differential risk.
        return lower.starts_with("//") && !lower.contains('\\');
    }
    let end = lower.find(['/', '?', '#']).unwrap_or(lower.len());
    let scheme_free = !lower[..end].contains(':');
    scheme_free && !(image && lower.starts_with('#'))
}

/// Scans sanitiser output and fails unless it is canonical and harmless. Returns the reason on failure.
fn check_html(html: &str, comment: bool) -> Result<(), String> {
    let bytes = html.as_bytes();
    let mut i = 0;
    while let Some(off) = html[i..].find('<') {
        let start = i + off;
        let end = html[start..]
            .find('>')
            .map(|e| start + e)
            .ok_or_else(|| format!("unclosed tag at {start}"))?;
        let tag = &html[start + 1..end];
        i = end + 1;
        if let Some(name) = tag.strip_prefix('/') {
            allowed_attrs(name, comment).ok_or_else(|| format!("end tag </{name}>"))?;
            continue;
        }
        let name_end = tag.find(' ').unwrap_or(tag.len());
        let name = &tag[..name_end];
        let allowed = allowed_attrs(name, comment).ok_or_else(|| format!("element <{name}>"))?;
        // Attributes: ` name="value"` repeated, values never holding a raw quote.
        let mut rest = &tag[name_end..];
        while !rest.is_empty() {
            let r = rest
                .strip_prefix(' ')
                .ok_or_else(|| format!("attribute syntax in <{tag}>"))?;
            let eq = r
                .find("=\"")
                .ok_or_else(|| format!("attribute syntax in <{tag}>"))?;
            let attr = &r[..eq];
            let after = &r[eq + 2..];
            let close = after
                .find('"')
                .ok_or_else(|| format!("unquoted value in <{tag}>"))?;
            let value = unescape_attr(&after[..close]);
            rest = &after[close + 1..];
            let global = matches!(attr, "lang" | "dir" | "title");
            if !global && !allowed.contains(&attr) {
                return Err(format!("attribute {attr} on <{name}>"));
            }
            if matches!(attr, "href" | "cite") && !url_is_safe(&value, false) {
                return Err(format!("unsafe {attr}=\"{value}\""));
            }
            if attr == "src" && !url_is_safe(&value, true) {
                return Err(format!("unsafe src=\"{value}\""));
            }
        }
    }
    // Outside tags there is only text, in which `<` was escaped; a stray `>` is harmless but never emitted.
    let text_gt = bytes.iter().filter(|&&b| b == b'>').count();
    let tags = html.matches('<').count();
    if text_gt != tags {
        return Err("a raw `>` in text".into());
    }
    Ok(())
}

fn assert_html(field: &str, vector: &str, html: &SafeHtml, comment: bool) {
    if let Err(why) = check_html(html.as_str(), comment) {
        panic!(
            "{field}: {why}\n vector: {vector:?}\n output: {:?}",
            html.as_str()
        );
    }
}

fn assert_url(field: &str, vector: &str, url: Option<&str>, image: bool) {
    if let Some(u) = url {
        assert!(
            url_is_safe(u, image),
            "{field}: unsafe URL {u:?}\n vector: {vector:?}"
        );
    }
}

/// A text field holds the vector's text as given (trimmed): it is drawn as text, so markup in it is inert.
fn assert_text(field: &str, vector: &str, text: Option<&str>) {
    if let Some(t) = text {
        assert_eq!(t, vector.trim(), "{field}: text was altered");
    }
}

fn assert_author(field: &str, vector: &str, a: &Author) {
    if &*a.name != "Anonymous" {
        assert_text(&format!("{field} name"), vector, Some(&a.name));
    }
    assert_url(&format!("{field} url"), vector, a.url.as_deref(), false);
    assert_url(
        &format!("{field} avatar"),
        vector,
        a.avatar.as_deref(),
        true,
    );
}

/// An article document with the vector in every field; `format` is the body's format.
pub(crate) fn article_doc(v: &str, format: &str) -> Value {
    json!({
        "id": "xss", "title": v, "label": v, "standfirst": v, "body": v, "body_format": format,
        "url": v, "comments": v, "audio": v,
        "section": [v, {"label": v, "url": v}],
        "authors": [v, {"name": v, "url": v, "avatar": v}],
        "hero": {"src": "https://img.example/h.jpg", "alt": v, "caption": v, "credit": v},
        "related": [{"title": v, "url": v}, {"title": v, "url": "https://news.example/r"}],
        "tags": [v, {"label": v, "url": v}],
    })
}

/// A comment list with the vector in every comment field (one comment per body format).
pub(crate) fn comments_doc(v: &str) -> Value {
    let author = json!({"name": v, "url": v, "avatar": v});
    json!({"comments": [
        {"id": 1, "body": v, "format": "html", "author": author},
        {"id": 2, "parent": 1, "body": v, "format": "markdown", "author": author},
        {"id": 3, "body": v, "format": "text", "author": v},
        {"id": 4, "body": v, "author": author},
    ]})
}

fn check_article(v: &str, a: &Article) {
    for block in a.body.iter() {
        assert_html("body", v, block, false);
    }
    assert_text("title", v, Some(&a.title));
    assert_text("label", v, a.label.as_deref());
    assert_text("standfirst", v, a.standfirst.as_deref());
    assert_url("url", v, a.url.as_deref(), false);
    assert_url("comments", v, a.comments_url.as_deref(), false);
    assert_url("audio", v, a.audio.as_deref(), true);
    for c in a.section.iter() {
        assert_text("section label", v, Some(&c.label));
        assert_url("section url", v, c.url.as_deref(), false);
    }
    for au in a.authors.iter() {
        assert_author("author", v, au);
    }
    if let Some(h) = &a.hero {
        assert_text("hero alt", v, Some(&h.alt));
        assert_text("caption", v, h.caption.as_deref());
        assert_text("credit", v, h.credit.as_deref());
        assert_url("hero src", v, Some(&h.src), true);
    }
    for r in a.related.iter() {
        assert_text("related title", v, Some(&r.title));
        assert_url("related url", v, Some(&r.url), false);
    }
    for t in a.tags.iter() {
        assert_text("tag label", v, Some(&t.label));
        assert_url("tag url", v, t.url.as_deref(), false);
    }
}

fn check_comments(v: &str, list: &CommentList) {
    for c in &list.comments {
        assert_html("comment body", v, &c.body, true);
        assert_author("comment author", v, &c.author);
    }
}

// Every vector in every article field (HTML, Markdown and text bodies), with and without a base, yields only
// canonical, allowlisted HTML, safe URLs and untouched text. A blank title is the only allowed refusal.
#[test]
fn corpus_through_every_article_field() {
    let vectors = vectors();
    assert!(vectors.len() >= 300, "only {} vectors", vectors.len());
    for v in &vectors {
        for format in ["html", "markdown", "text"] {
            let doc = article_doc(v, format).to_string();
            for base in BASES {
                match parse_article(&doc, base) {
                    Ok(a) => check_article(v, &a),
                    Err(SourceError::MissingField { field: "title", .. })
                        if v.trim().is_empty() => {}
                    Err(e) => panic!("{format}: {e}\n vector: {v:?}"),
                }
            }
        }
    }
}

// Every vector in every comment field (HTML, Markdown, text and default-format bodies, author name, URL and
// avatar) yields only canonical comment-policy HTML (no images) and safe URLs.
#[test]
fn corpus_through_every_comment_field() {
    for v in &vectors() {
        let doc = comments_doc(v).to_string();
        for base in BASES {
            let list = parse_comments(&doc, base).unwrap_or_else(|e| panic!("{e}\n vector: {v:?}"));
            assert_eq!(list.comments.len(), 4);
            check_comments(v, &list);
        }
    }
}

// A vector as the post URL is either refused with a named error or kept only when it is a safe http(s) URL.
#[test]
fn corpus_as_post_url() {
    for v in &vectors() {
        for doc in [
            json!({"comments": [], "post": v}),
            json!({"comments": [], "post": {"url": v}}),
        ] {
            for base in BASES {
                match parse_comments(&doc.to_string(), base) {
                    Ok(list) => {
                        if let Some(p) = list.post {
                            // With a base the URL is absolute http(s); without one it may stay relative.
                            assert!(
                                base.is_none()
                                    || p.url.starts_with("http://")
                                    || p.url.starts_with("https://"),
                                "post url {:?} from {v:?}",
                                p.url
                            );
                            assert_url("post url", v, Some(&p.url), false);
                        }
                    }
                    Err(SourceError::BadValue { path, .. }) => {
                        assert!(path.starts_with("/post"), "{path}");
                    }
                    Err(SourceError::MissingField { .. }) => {}
                    Err(e) => panic!("{e}\n vector: {v:?}"),
                }
            }
        }
    }
}

// The checker itself rejects what it must (so a pass above means something).
#[test]
fn checker_rejects_dangerous_markup() {
    for bad in [
        "<script>x</script>",
        "<img src=\"x\" onerror=\"y\">",
        "<a href=\"javascript:x\">a</a>",
        "<a href=\"java\tscript:x\">a</a>",
        "<img src=\"data:image/png,x\" loading=\"lazy\">",
        "<p style=\"x\">a</p>",
        "<iframe srcdoc=\"x\"></iframe>",
        "<button formaction=\"x\">b</button>",
        "<a href=x>a</a>",
        "<p>a > b</p>",
        "<svg></svg>",
    ] {
        assert!(check_html(bad, false).is_err(), "{bad}");
    }
    assert!(check_html("<img src=\"https://a/b.png\" loading=\"lazy\">", true).is_err());
    assert!(check_html(
        "<p lang=\"en\">a &lt;b&gt; <a href=\"/x\" rel=\"ugc\">c</a></p>",
        true
    )
    .is_ok());
    assert!(!url_is_safe("vbscript:x", false) && !url_is_safe("mailto:a@b", true));
    assert!(url_is_safe("a/b:c", false) && url_is_safe("#x", false) && !url_is_safe("#x", true));
}
