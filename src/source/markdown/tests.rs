use super::*;

fn md(s: &str) -> String {
    markdown_to_html(s, Policy::Comment, None)
        .as_str()
        .to_owned()
}

// Emphasis, strikethrough and a link with the comment rel.
#[test]
fn basic_comment_markdown() {
    assert_eq!(
        md("Thanks, *great* ~~bad~~ [piece](https://x.org/a)."),
        "<p>Thanks, <em>great</em> <del>bad</del> <a href=\"https://x.org/a\" \
         rel=\"ugc nofollow noopener noreferrer\">piece</a>.</p>\n"
    );
}

// javascript: destinations, raw script and event handlers in Markdown are all neutralised.
#[test]
fn markdown_xss() {
    let out = md(
        "[x](javascript:alert(1)) <script>alert(1)</script> <img src=x onerror=alert(1)>\n\n\
                  [y](JAVASCRIPT&colon;alert(1)) <a href=\"&#106;avascript:alert(1)\">z</a>",
    );
    assert!(!out.to_ascii_lowercase().contains("javascript"), "{out}");
    assert!(
        !out.contains("<script") && !out.contains("onerror") && !out.contains("<img"),
        "{out}"
    );
    let text = crate::source::sanitize::plain_text(&markdown_to_html(
        "[x](javascript:alert(1)) [z](vbscript:x)",
        Policy::Article,
        None,
    ));
    assert_eq!(text, "x z", "link text is kept");
}

// Images in comments become their alt text; in articles they stay, lazy.
#[test]
fn images_by_policy() {
    assert_eq!(md("![a cat](https://x.org/c.jpg)"), "<p>a cat</p>\n");
    let article = markdown_to_html("![a cat](c.jpg)", Policy::Article, Some("https://x.org/a/"));
    assert_eq!(
        article.as_str(),
        "<p><img src=\"https://x.org/a/c.jpg\" alt=\"a cat\" loading=\"lazy\" decoding=\"async\"></p>\n"
    );
}

// Tables render with their sections.
#[test]
fn tables() {
    let out = markdown_to_html("| a | b |\n|---|:-:|\n| 1 | 2 |\n", Policy::Article, None);
    let s = out.as_str();
    assert!(s.starts_with("<table><thead><tr><th>a</th>"), "{s}");
    assert!(s.contains("<tbody>\n<tr><td>1</td>"), "{s}");
    assert!(!s.contains("style"), "alignment styles are dropped: {s}");
}

// Autolinks and headings (h1 → h2 in articles, → h4 in comments).
#[test]
fn autolinks_and_headings() {
    assert!(md("<https://x.org>").contains("<a href=\"https://x.org\""));
    assert_eq!(md("# Big"), "<h4>Big</h4>\n");
    assert_eq!(
        markdown_to_html("# Big", Policy::Article, None).as_str(),
        "<h2>Big</h2>\n"
    );
}

// Blocks: one per top-level element.
#[test]
fn blocks() {
    let b = markdown_blocks("one\n\ntwo\n\n- a\n- b\n", Policy::Article, None);
    let b: Vec<&str> = b.iter().map(SafeHtml::as_str).collect();
    assert_eq!(
        b,
        [
            "<p>one</p>",
            "<p>two</p>",
            "<ul>\n<li>a</li>\n<li>b</li>\n</ul>"
        ]
    );
}

// Deep nesting in Markdown neither overflows the stack nor panics.
#[test]
fn deep_markdown_nesting() {
    let deep = format!(
        "{}x\n\n{}y{}",
        ">".repeat(100_000),
        "[".repeat(100_000),
        "](u)".repeat(50_000)
    );
    let out = markdown_to_html(&deep, Policy::Comment, None);
    assert!(crate::source::sanitize::plain_text(&out).contains('x'));
    let list: String = (0..1_000)
        .map(|i| format!("{}- x\n", "  ".repeat(i)))
        .collect();
    let _ = markdown_to_html(&list, Policy::Article, None);
}
