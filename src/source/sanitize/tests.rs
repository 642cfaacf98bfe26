//! Test helpers shared by the sanitiser's test files. `assert_safe` checks the output's structure independently
//! of the sanitiser's own code.

use super::super::entities::decode_entities;
use super::{sanitize, Policy};

pub(super) fn art(html: &str) -> String {
    sanitize(html, Policy::Article, None).as_str().to_owned()
}

pub(super) fn com(html: &str) -> String {
    sanitize(html, Policy::Comment, None).as_str().to_owned()
}

const ELEMENTS: &[&str] = &[
    "p",
    "br",
    "hr",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "ul",
    "ol",
    "li",
    "dl",
    "dt",
    "dd",
    "strong",
    "b",
    "em",
    "i",
    "u",
    "s",
    "del",
    "ins",
    "sub",
    "sup",
    "small",
    "mark",
    "code",
    "pre",
    "kbd",
    "samp",
    "var",
    "abbr",
    "cite",
    "q",
    "span",
    "div",
    "section",
    "aside",
    "a",
    "img",
    "figure",
    "figcaption",
    "table",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "th",
    "td",
    "caption",
    "details",
    "summary",
    "time",
];
const ATTRIBUTES: &[&str] = &[
    "href", "rel", "src", "alt", "width", "height", "loading", "decoding", "colspan", "rowspan",
    "scope", "start", "reversed", "datetime", "cite", "lang", "dir", "title",
];

/// A URL attribute value is http(s), mailto, a fragment, or a relative reference without a scheme.
fn url_is_safe(value: &str) -> bool {
    let v: String = decode_entities(value)
        .chars()
        .filter(|c| !c.is_ascii_control() && *c != ' ')
        .collect();
    let v = v.to_ascii_lowercase();
    let end = v.find(['/', '?', '#']).unwrap_or(v.len());
    v.starts_with("http:")
        || v.starts_with("https:")
        || v.starts_with("mailto:")
        || !v[..end].contains(':')
}

/// Checks the output's structure without the sanitiser's code: only allowed elements and attributes, no handler,
/// safe URLs, quoted escaped values, no stray `>`, balanced tags.
pub(super) fn assert_safe(out: &str) {
    let lower = out.to_ascii_lowercase();
    assert!(!lower.contains("<script"), "script in {out:?}");
    let mut stack: Vec<&str> = Vec::new();
    let mut rest = out;
    while let Some(lt) = rest.find('<') {
        assert!(!rest[..lt].contains('>'), "raw '>' in text of {out:?}");
        let end = rest[lt..]
            .find('>')
            .map(|k| lt + k)
            .unwrap_or_else(|| panic!("unclosed tag in {out:?}"));
        let tag = &rest[lt + 1..end];
        rest = &rest[end + 1..];
        if let Some(name) = tag.strip_prefix('/') {
            assert_eq!(stack.pop(), Some(name), "unbalanced </{name}> in {out:?}");
            continue;
        }
        let name = &tag[..tag.find(' ').unwrap_or(tag.len())];
        assert!(ELEMENTS.contains(&name), "element {name:?} in {out:?}");
        let mut attrs = &tag[name.len()..];
        while let Some(a) = attrs.strip_prefix(' ') {
            let eq = a
                .find("=\"")
                .unwrap_or_else(|| panic!("unquoted attribute in {out:?}"));
            let (attr, after) = (&a[..eq], &a[eq + 2..]);
            let close = after
                .find('"')
                .unwrap_or_else(|| panic!("unterminated value in {out:?}"));
            let value = &after[..close];
            assert!(ATTRIBUTES.contains(&attr), "attribute {attr:?} in {out:?}");
            assert!(!attr.starts_with("on") && !value.contains('<'), "{out:?}");
            if matches!(attr, "href" | "src" | "cite") {
                assert!(url_is_safe(value), "unsafe URL {value:?} in {out:?}");
            }
            attrs = &after[close + 1..];
        }
        assert!(attrs.is_empty(), "junk {attrs:?} in tag of {out:?}");
        if !matches!(name, "br" | "hr" | "img") {
            stack.push(name);
        }
    }
    assert!(!rest.contains('>'), "raw '>' in text of {out:?}");
    assert!(stack.is_empty(), "unclosed {stack:?} in {out:?}");
}

/// Sanitises with both policies, checks the output, and returns the Article one.
pub(super) fn inert(html: &str) -> String {
    let (a, c) = (art(html), com(html));
    assert_safe(&a);
    assert_safe(&c);
    a
}

// Only the sanitiser makes `SafeHtml` from a string: no other file of the crate calls its constructor, so a
// `SafeHtml` anywhere proves the sanitiser ran.
#[test]
fn only_the_sanitiser_builds_safe_html() {
    fn walk(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
        for entry in std::fs::read_dir(dir).expect("src is readable").flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    walk(&src, &mut files);
    let builders: Vec<String> = files
        .iter()
        .filter(|p| {
            let text = std::fs::read_to_string(p).unwrap_or_default();
            text.contains(concat!("from_", "sanitiser("))
        })
        .map(|p| p.strip_prefix(&src).unwrap_or(p).display().to_string())
        .collect();
    assert!(
        files.len() > 50,
        "the walk found the sources ({})",
        files.len()
    );
    let mut builders = builders;
    builders.sort();
    assert_eq!(
        builders,
        [
            "model/safe_html.rs",
            "source/sanitize/emoji.rs",
            "source/sanitize/mod.rs"
        ]
    );
}
