//! Markdown bodies (articles with `body_format: "markdown"`, and comments, whose default format is Markdown).
//!
//! Folio renders Markdown itself: CommonMark with GFM tables and strikethrough, as comments and articles use them.
//! It replaced pulldown-cmark because of size, not behaviour: in the embed's WebAssembly, pulldown-cmark's parser,
//! its 2,125-name entity table and `unicase` were about 54 KB of a 295 KB module (brotli; docs/size-report.md).
//! This renderer is a few small files with no tables (about 14 KB brotli; the module went from 295,423 B to
//! 255,758 B), and a native test (`differential_tests`) holds it to pulldown-cmark's output, byte for byte on a
//! corpus of real-world Markdown and after sanitising on random input, listing each deliberate difference.
//!
//! - `blocks`: lines → a tree of blocks (quotes, lists, code, HTML, tables, paragraphs, headings);
//! - `inlines`: the text of a paragraph, heading or cell → inline HTML (emphasis, links, code, …);
//! - `html`: the tree → HTML, laid out as pulldown-cmark laid it out;
//! - `starts`: the block start conditions; `raw`: autolinks and raw inline HTML;
//! - `links`, `table`, `escape`, `line`: the scanners and escaping they share.
//!
//! The HTML then goes through the sanitiser like any other HTML: Markdown may carry raw HTML and link
//! destinations that are just as untrusted, so the renderer passes them through as written and never decides what
//! is safe. Hostile input is bounded: nothing recurses, containers nest at most 32 deep (deeper markers are
//! text), and every scan is linear or n·log n in the input.

mod blocks;
mod escape;
mod html;
mod inlines;
mod line;
mod links;
mod raw;
mod starts;
mod table;

#[cfg(all(test, not(target_arch = "wasm32")))]
mod differential_tests;
#[cfg(test)]
mod tests;

use super::sanitize::{sanitize, sanitize_blocks, Policy, SafeHtml};

/// Markdown → unsanitised HTML. CommonMark autolinks (`<https://…>`) are standard; GFM bare-URL autolinks are not
/// supported (pulldown-cmark had none either).
fn render(md: &str) -> String {
    // CommonMark replaces NUL with U+FFFD.
    let md = if md.contains('\0') {
        std::borrow::Cow::Owned(md.replace('\0', "\u{FFFD}"))
    } else {
        std::borrow::Cow::Borrowed(md)
    };
    html::render(&blocks::parse(&md))
}

/// Renders Markdown and sanitises the result with `policy`; relative URLs resolve against `base` as in
/// [`sanitize`].
pub fn markdown_to_html(md: &str, policy: Policy, base: Option<&str>) -> SafeHtml {
    sanitize(&render(md), policy, base)
}

/// Renders Markdown and splits the sanitised result into top-level blocks, as [`sanitize_blocks`] does.
pub fn markdown_blocks(md: &str, policy: Policy, base: Option<&str>) -> Vec<SafeHtml> {
    sanitize_blocks(&render(md), policy, base)
}
