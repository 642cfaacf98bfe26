//! Folio's widget stylesheet, written with [stylist](https://docs.rs/stylist) next to the components it styles
//! and assembled here in cascade order. It is the only source of Folio's CSS; it reaches a page three ways
//! (docs/architecture.md, "Styles"):
//!
//! - **the SPA and `<folio-reader>`** link it as a file: `styles/generate.sh` (a Trunk `pre_build` hook) prints
//!   `css()` with `cargo run --example folio_css` into `styles/generated/folio.css`; Trunk hashes it and the embed's
//!   post-build hook puts it into each shadow root with Subresource Integrity. No `<style>` element, so a host
//!   page's strict `style-src` holds;
//! - **a Yew app using [`crate::Reader`]** links nothing: the reader calls `use_folio_styles`, which adopts one
//!   constructed stylesheet (`CSSStyleSheet` + `replaceSync`, shared by every reader on the page) into the
//!   document, or into the root named by a `StyleRoot` context — not an inline style either;
//! - the Trunk build turns the `styles` feature off, so the shipped wasm carries neither stylist nor the CSS text.
//!
//! The pieces sit beside their components (`components/*/style.rs`, pulled in with `#[path]`), so a change to a
//! component and to its look is one directory; the tokens and the reader's box are in `tokens.rs`.

#[cfg(feature = "styles")]
mod adopt;
#[cfg(feature = "styles")]
mod tokens;

#[cfg(feature = "styles")]
#[path = "../components/article/style.rs"]
mod article;
#[cfg(feature = "styles")]
#[path = "../components/article/body_style.rs"]
mod article_body;
#[cfg(feature = "styles")]
#[path = "../components/audio/style.rs"]
mod audio;
#[cfg(feature = "styles")]
#[path = "../components/comments/comment_style.rs"]
mod comment;
#[cfg(feature = "styles")]
#[path = "../components/comments/style.rs"]
mod comments;
#[cfg(feature = "styles")]
#[path = "../components/common/style.rs"]
mod common;
#[cfg(feature = "styles")]
#[path = "../components/comments/compose_style.rs"]
mod compose;
#[cfg(feature = "styles")]
#[path = "../components/controls/style.rs"]
mod controls;
#[cfg(feature = "styles")]
#[path = "../components/share/style.rs"]
mod share;

#[cfg(feature = "styles")]
pub use adopt::{adopt, StyleRoot};
#[cfg(feature = "styles")]
pub use tokens::{INDENT_REM, MEASURE_REM, NARROW_INDENT_REM, NARROW_SCREEN_REM};

/// The whole widget stylesheet as CSS text: tokens and the reader's box first, then the shared pieces, the article,
/// the share bar and the comments. Later rules may rely on beating earlier ones of the same specificity (a
/// component's `a` colour over `.folio a`), so the order is part of the contract.
#[cfg(feature = "styles")]
pub fn css() -> String {
    use stylist::ast::ToStyleStr;
    [
        tokens::sheet(),
        common::sheet(),
        article::sheet(),
        article_body::sheet(),
        audio::sheet(),
        controls::sheet(),
        share::sheet(),
        comments::sheet(),
        comment::sheet(),
        compose::sheet(),
    ]
    .iter()
    .map(|sheet| sheet.to_style_str(None))
    .collect()
}

/// Give the calling reader Folio's styles: with the `styles` feature (the library default), adopt the shared
/// constructed stylesheet into the [`StyleRoot`] from the context (the document when there is none), once per
/// root and before the first frame is drawn. Without the feature (the Trunk build, whose pages link the
/// generated file) it does nothing; nor does it on a server (server rendering), whose page links the file.
#[yew::hook]
pub fn use_folio_styles() {
    #[cfg(all(feature = "styles", target_arch = "wasm32"))]
    {
        let root = yew::use_context::<StyleRoot>().unwrap_or(StyleRoot::Document);
        yew::use_memo(root, adopt);
    }
}

#[cfg(all(test, feature = "styles"))]
mod tests;
