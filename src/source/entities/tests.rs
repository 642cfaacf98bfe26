use super::*;

// Binary search only works if the table is strictly sorted.
#[test]
fn table_is_sorted_and_unique() {
    assert!(LEGACY_NO_SEMICOLON.windows(2).all(|w| w[0] < w[1]));
}

// Text without `&` is borrowed, not copied.
#[test]
fn borrows_when_nothing_to_do() {
    assert!(matches!(decode_entities("plain text"), Cow::Borrowed(_)));
}

// The WordPress title case and the common typographic names.
#[test]
fn typographic() {
    assert_eq!(
        decode_entities("Cuba&#8217;s &ldquo;future&rdquo; &mdash; a&hellip;"),
        "Cuba’s “future” — a…"
    );
    assert_eq!(
        decode_entities("&laquo;x&raquo; &ndash; &bull; &trade; &euro;"),
        "«x» – • ™ €"
    );
}

// Numeric references, decimal and hex, with and without `;`.
#[test]
fn numeric() {
    assert_eq!(decode_entities("&#39;&#x27;&#X27;&#39x"), "''''x");
    assert_eq!(decode_entities("&#106;avascript&#x3A;"), "javascript:");
}

// Zero, surrogates and out-of-range code points become U+FFFD; 0x80-0x9F are windows-1252.
#[test]
fn numeric_edge_cases() {
    assert_eq!(
        decode_entities("&#0;&#xD800;&#x110000;&#99999999999999999999;"),
        "\u{FFFD}".repeat(4)
    );
    assert_eq!(decode_entities("&#150;&#146;&#x80;"), "–’€");
}

// Names that hide a `javascript:` scheme.
#[test]
fn trick_names() {
    assert_eq!(
        decode_entities("a&colon;b&Tab;c&NewLine;d&lpar;1&rpar;&sol;&period;&comma;&excl;"),
        "a:b\tc\nd(1)/.,!"
    );
}

// Latin-1 and Greek, case-sensitive.
#[test]
fn latin1_and_greek() {
    assert_eq!(
        decode_entities("&nbsp;&eacute;&Eacute;&yuml;&szlig;"),
        "\u{a0}éÉÿß"
    );
    assert_eq!(
        decode_entities("&alpha;&Alpha;&Omega;&rarr;&le;&infin;"),
        "αΑΩ→≤∞"
    );
    assert_eq!(decode_entities("&amp;&lt;&gt;&quot;&apos;"), "&<>\"'");
}

// Unknown names, bare `&` and unfinished references stay as written.
#[test]
fn unknown_and_broken() {
    assert_eq!(
        decode_entities("AT&T &bogus; & &#; &#x; &"),
        "AT&T &bogus; & &#; &#x; &"
    );
    assert_eq!(decode_entities("&eacute"), "&eacute");
}

// Legacy names without `;`, but not before `=` (query strings).
#[test]
fn legacy_without_semicolon() {
    assert_eq!(decode_entities("a &amp b &lt c"), "a & b < c");
    assert_eq!(decode_entities("?x=1&amp=2&lt=3"), "?x=1&amp=2&lt=3");
}

// Every HTML 5 name (the full list, natively through pulldown-cmark), including the rare ones and those that stand for two characters.
#[test]
fn all_html5_names() {
    assert_eq!(
        decode_entities("&CounterClockwiseContourIntegral;&NotEqualTilde;&nvlt;&fjlig;&AMP;"),
        "\u{2233}\u{2242}\u{338}<\u{20d2}fj&"
    );
}

// Multi-byte text around references is kept intact.
#[test]
fn multibyte_text() {
    assert_eq!(
        decode_entities("ñandú &amp; 日本&#x8A9E;"),
        "ñandú & 日本語"
    );
}

// The cases tests/browser/entities.rs checks in the browser, where names go through its HTML parser: the same
// answers natively (through pulldown-cmark's list). Keep the two lists equal.
#[test]
fn browser_cases_natively() {
    for (input, expected) in [
        ("&hellip;", "\u{2026}"),
        ("&rsquo;", "\u{2019}"),
        ("&nvlt;", "<\u{20D2}"),
        ("&Eacute;", "\u{C9}"),
        ("&colon;", ":"),
        ("&amp;", "&"),
        ("&copy 2024", "\u{A9} 2024"),
        ("&notaname;", "&notaname;"),
        ("&ampx", "&ampx"),
        ("&semi;&notin;&not;", ";\u{2209}\u{AC}"),
    ] {
        assert_eq!(decode_entities(input), expected, "{input}");
    }
}
