//! Native-only tests (proptest and timing are not available on wasm32): stress tests on huge and pathological
//! inputs, and property tests.
//!
//! Property tests: for any input, the sanitiser does not panic, its output passes the structural check (no script
//! element, no `on*` or other unlisted attribute, no `javascript:`/`data:` URL, balanced tags, quoted escaped
//! values), and sanitising the output (or a block of it) again changes nothing.

use std::time::{Duration, Instant};

use proptest::prelude::*;

use super::tests::{art, assert_safe};
use super::{sanitize, sanitize_blocks, Policy};

/// Pieces of hostile and ordinary markup, glued together in random order.
fn html_soup() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("<script>".to_owned()),
        Just("</script>".to_owned()),
        Just("<ScRiPt/x>".to_owned()),
        Just("<img src=x onerror=alert(1)>".to_owned()),
        Just("<a href=\"javascript:alert(1)\">".to_owned()),
        Just("<a href=\"https://x.org/\">".to_owned()),
        Just("</a>".to_owned()),
        Just(" href=jav&#x09;ascript:".to_owned()),
        Just("&#106;".to_owned()),
        Just("&colon;".to_owned()),
        Just(" onload=".to_owned()),
        Just("/onmouseover=x ".to_owned()),
        Just("<svg>".to_owned()),
        Just("<svg/>".to_owned()),
        Just("</svg>".to_owned()),
        Just("<noscript>".to_owned()),
        Just("</noscript>".to_owned()),
        Just("<!--".to_owned()),
        Just("-->".to_owned()),
        Just("<!-->".to_owned()),
        Just("<style>".to_owned()),
        Just("</style>".to_owned()),
        Just("<pre>".to_owned()),
        Just("\n".to_owned()),
        Just("<p title=\"".to_owned()),
        Just("\"".to_owned()),
        Just("'".to_owned()),
        Just(">".to_owned()),
        Just("<".to_owned()),
        Just("</".to_owned()),
        Just("=".to_owned()),
        Just("&".to_owned()),
        Just("&amp;".to_owned()),
        Just("<img src=https://x.org/a alt=\"a&quot;\" width=3>".to_owned()),
        Just("<ol start=-2 reversed>".to_owned()),
        Just("<td colspan=500 rowspan=x scope=ROW>".to_owned()),
        Just("<time datetime=\"2017-03-31\">".to_owned()),
        Just("<a href=/rel title=t lang=es dir=RTL>".to_owned()),
        Just("&#13;&#0;\r\n\0".to_owned()),
        "<(p|div|li|ul|ol|table|tr|td|th|b|i|a|h1|h3|span|blockquote|figure|option|select|template|math|textarea)>",
        "</(p|div|li|ul|ol|table|tr|td|th|b|i|a|h1|h3|span|blockquote|figure|option|select|template|math)>",
        "[a-z :/.\"'=]{0,8}",
    ];
    prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

fn check(html: &str) -> Result<(), TestCaseError> {
    for policy in [Policy::Article, Policy::Comment] {
        for base in [None, Some("https://news.example/a/b")] {
            let once = sanitize(html, policy, base);
            assert_safe(once.as_str());
            let twice = sanitize(once.as_str(), policy, base);
            prop_assert_eq!(
                once.as_str(),
                twice.as_str(),
                "not idempotent for {:?}",
                html
            );
            for block in sanitize_blocks(html, policy, base) {
                assert_safe(block.as_str());
                prop_assert!(!block.is_empty());
                // A block is itself sanitiser output: sanitising it again changes nothing.
                prop_assert_eq!(sanitize(block.as_str(), policy, base), block);
            }
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    // Arbitrary Unicode strings: no panic, safe output, idempotent.
    #[test]
    fn arbitrary_strings(html in any::<String>()) {
        check(&html)?;
    }

    // Strings over an alphabet dense in markup characters.
    #[test]
    fn markup_alphabet(html in "[<>/!\\-=\"' a-zA-Z&#;:\n]{0,80}") {
        check(&html)?;
    }

    // Random soups of hostile fragments: no panic, safe output, idempotent.
    #[test]
    fn hostile_soup(html in html_soup()) {
        check(&html)?;
    }
}

// 100,000 nested divs: no stack overflow, depth capped, text kept.
#[test]
fn deep_nesting_100k() {
    let html = format!("{}x{}", "<div>".repeat(100_000), "</div>".repeat(100_000));
    let out = art(&html);
    assert_safe(&out);
    assert!(out.contains('x'));
    assert_eq!(out.matches("<div>").count(), super::tree::MAX_DEPTH);
    let unclosed = art(&"<div><b><i><a href=/x>".repeat(50_000));
    assert_safe(&unclosed);
}

// A 5 MB body with a realistic mix of markup sanitises quickly (the bound is loose: debug builds run tests).
#[test]
fn five_megabytes() {
    let chunk = "<p class=\"x\" style=\"y\">Some <b>bold</b> &amp; <a href=\"https://x.org/a?b=1&amp;c=2\" \
                 onclick=\"x()\">link</a> text &mdash; more<br><img src=\"/i.jpg\" alt=\"i\"></p>\n\
                 <script>var a = '<p>';</script><!-- note --><table><tr><td>1<td>2</table>\n";
    let html = chunk.repeat(5 * 1024 * 1024 / chunk.len() + 1);
    assert!(html.len() >= 5 * 1024 * 1024);
    let start = Instant::now();
    let out = art(&html);
    let blocks = sanitize_blocks(&html, Policy::Article, None);
    let elapsed = start.elapsed();
    assert_safe(&out);
    assert!(blocks.len() > 10_000);
    let limit = if cfg!(debug_assertions) {
        Duration::from_secs(20)
    } else {
        Duration::from_secs(1)
    };
    assert!(elapsed < limit, "took {elapsed:?}");
}

// Pathological inputs stay linear: many stray '<', unterminated comments and quotes, huge attribute lists.
#[test]
fn pathological_inputs_are_fast() {
    let start = Instant::now();
    for html in [
        "<".repeat(1_000_000),
        "<a".repeat(500_000),
        "<!--".repeat(300_000),
        "</".repeat(500_000),
        format!("<p {}>", "a=b ".repeat(300_000)),
        "<script>".repeat(200_000),
        "&#x".repeat(400_000),
        "<svg>".repeat(200_000),
    ] {
        assert_safe(&art(&html));
    }
    let limit = if cfg!(debug_assertions) {
        Duration::from_secs(20)
    } else {
        Duration::from_secs(2)
    };
    assert!(start.elapsed() < limit, "took {:?}", start.elapsed());
}
