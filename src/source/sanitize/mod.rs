//! The HTML sanitiser: every HTML string from an API goes through here before it reaches the DOM.
//!
//! It does not filter the input: it tokenizes it leniently, then re-serialises only what the allowlist in
//! [`Policy`] permits: allowed elements with checked attributes, always double-quoted and escaped, text always
//! escaped, every element closed, and only where an HTML5 parser keeps it: implied end tags and nesting in
//! `scope`, table content in `table` (a browser foster-parents text and inline elements out of a table: we write
//! such text after the table, drop such tags, and add the `<tbody>` a browser adds). The browser therefore parses
//! exactly the tree we emitted, which is what defeats mutation XSS (markup that changes meaning when parsed
//! twice). `reparse_tests` holds us to that: html5ever reparses the outputs of the XSS corpus, the fuzz findings
//! and 4,000 random tag soups in a `<div>`, and the tree must come back unchanged. Work is linear in the input,
//! memory is bounded by the input, and nothing recurses, so hostile input cannot panic or overflow the stack.
//!
//! The only way to get a [`SafeHtml`] is through this module, so a `SafeHtml` in the UI always went through here.

mod attrs;
mod blocks;
// Custom emoji and content warnings: only platforms read through a mapping (Mastodon) have them.
#[cfg(feature = "mapping")]
mod emoji;
mod kinds;
mod policy;
mod scope;
mod table;
mod text;
mod tokenizer;
mod tree;

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_content;
#[cfg(test)]
mod tests_elements;
#[cfg(test)]
mod tests_scripts;
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests_stress;
// html5ever is a native dev-dependency only.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod reparse_tests;

pub use crate::model::SafeHtml;
#[cfg(feature = "mapping")]
pub use emoji::{behind_warning, with_emoji};

/// The text content of sanitised HTML, for counts and previews: tags removed, entities decoded, a newline where a
/// block element or `<br>` separates two pieces of text, trimmed.
pub fn plain_text(html: &SafeHtml) -> String {
    text::plain_text(html.as_str())
}

/// Plain text as HTML: `&`, `<` and `>` escaped, no tags.
pub fn escape_text(plain: &str) -> SafeHtml {
    let mut out = String::with_capacity(plain.len());
    text::escape_into(&mut out, &text::normalize_newlines(plain), false);
    SafeHtml::from_sanitiser(out)
}

/// Plain text with paragraphs separated by blank lines as HTML: one `<p>` per paragraph, `<br>` for a single
/// newline, all text escaped. Blank input gives an empty `SafeHtml`.
pub fn from_plain_text(plain: &str) -> SafeHtml {
    SafeHtml::from_sanitiser(text::paragraphs(plain))
}

/// Which allowlist applies.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Policy {
    /// An article body from the publisher: headings (h1 becomes h2, the page's only h1 being the title), images
    /// (lazy), figures, tables, sections; links get `rel="noopener noreferrer"`.
    Article,
    /// A reader's comment: no images (replaced by their alt text, since loading them would reveal the reader's IP
    /// to a third party before any click), no figures or sections, headings h4–h6 only; every link gets
    /// `rel="ugc nofollow noopener noreferrer"`.
    Comment,
}

/// Sanitises untrusted `html` with `policy`. Relative URLs in links and images are resolved against `base` (the URL
/// the document came from) when given, otherwise kept relative if they cannot carry a scheme.
///
/// What survives: the allowed elements with their allowed, checked attributes, and the text of everything that is
/// not dropped whole (scripts, styles, `<svg>`, `<math>`, `<template>`, form controls, media, frames…). Text is
/// entity-decoded and re-escaped, so `&nbsp;` comes out as U+00A0.
pub fn sanitize(html: &str, policy: Policy, base: Option<&str>) -> SafeHtml {
    SafeHtml::from_sanitiser(tree::run(html, policy, base).0)
}

/// Like [`sanitize`], split into top-level blocks: each top-level block element is one block, and each run of loose
/// text and inline elements between them becomes one block wrapped in `<p>` (in `<div>` if a block element is nested
/// inside one of its inline elements). Whitespace-only runs and whitespace-only top-level `<p>` elements (the empty
/// paragraphs CMSs leave behind) are dropped.
///
/// Folio places the related-articles box between these blocks.
pub fn sanitize_blocks(html: &str, policy: Policy, base: Option<&str>) -> Vec<SafeHtml> {
    let (out, segments) = tree::run(html, policy, base);
    blocks::group(&out, &segments)
        .into_iter()
        .map(SafeHtml::from_sanitiser)
        .collect()
}
