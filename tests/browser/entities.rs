//! Named character references in the browser: the wasm build carries no table of names and asks the browser's
//! HTML parser (`source::entities::browser`). The answers must be the native ones (the same list is checked
//! natively in src/source/entities/tests.rs, `browser_cases_natively`).

use folio::source::entities::decode_entities;
use wasm_bindgen_test::wasm_bindgen_test;

const CASES: &[(&str, &str)] = &[
    ("&hellip;", "\u{2026}"),
    ("&rsquo;", "\u{2019}"),
    // Two characters.
    ("&nvlt;", "<\u{20D2}"),
    ("&Eacute;", "\u{C9}"),
    // Hides a `javascript:` scheme.
    ("&colon;", ":"),
    ("&amp;", "&"),
    // Legacy, without `;`.
    ("&copy 2024", "\u{A9} 2024"),
    // The browser's parser decodes the legacy `&not` that starts this; a whole name is required.
    ("&notaname;", "&notaname;"),
    ("&ampx", "&ampx"),
    // `;` alone is a valid answer; `&notin;` is not `&not` + `in;`.
    ("&semi;&notin;&not;", ";\u{2209}\u{AC}"),
];

// Every case decodes as it does natively.
#[wasm_bindgen_test]
fn names_decode_through_the_browser_parser() {
    for (input, expected) in CASES {
        assert_eq!(decode_entities(input), *expected, "{input}");
    }
}

// Asked twice (the second answer comes from the cache), a name gives the same text, and unknown names stay
// unknown.
#[wasm_bindgen_test]
fn answers_are_cached_consistently() {
    for _ in 0..2 {
        assert_eq!(decode_entities("a&mdash;b&bogus;c"), "a\u{2014}b&bogus;c");
    }
}

// Markdown in the browser decodes names the same way (the renderer asks the same lookup).
#[wasm_bindgen_test]
fn markdown_decodes_names() {
    let html = folio::source::markdown::markdown_to_html(
        "Caf&eacute; &hellip; &notaname;",
        folio::source::sanitize::Policy::Comment,
        None,
    );
    assert_eq!(html.as_str(), "<p>Café … &amp;notaname;</p>\n");
}
