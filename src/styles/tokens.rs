//! The design tokens and the reader's box: every colour, font and size is a `--folio-*` custom property. They
//! cross shadow-DOM boundaries, so they are also the host page's theming surface (docs/embed.md, "Tokens").
//!
//! The defaults sit on `.folio` in a page (the SPA, the Yew component) and on the element itself in the embed
//! (`:host`, which matches only inside `<folio-reader>`'s shadow root; `:root .folio` matches nothing there).
//! Declared on `:host`, a host page's own rules win: `folio-reader { --folio-color-accent: … }` beats them (the
//! outer cascade wins over `:host`) and reaches every element of the widget by inheritance.
//!
//! Light and dark are written once: each colour token is `light-dark(<light>, <dark>)`, and the theme only picks
//! the `color-scheme` of the `.folio` box (`data-theme`, mirrored from the element's `theme` attribute), which is
//! where the colours are resolved. Logical properties (`margin-inline-start` …) keep right-to-left layouts right.

use stylist::ast::{sheet, Sheet};

/// The widget's maximum width, in rem (`--folio-measure`).
pub const MEASURE_REM: f32 = 40.0;
/// The indent of each reply level, in rem (`--folio-indent`).
pub const INDENT_REM: f32 = 1.25;
/// The indent of each reply level on narrow screens, in rem.
pub const NARROW_INDENT_REM: f32 = 0.75;
/// Screens up to this width, in rem, are narrow: smaller indents and text, replies flattened earlier (the
/// comment thread's `NARROW_INDENT_LIMIT`).
pub const NARROW_SCREEN_REM: f32 = 30.0;

/// The tokens, the themes, the reader's box and the rules every part of it shares.
pub fn sheet() -> Sheet {
    sheet!(
        r#"
        :root .folio, :host {
            --folio-font-body: Charter, "Bitstream Charter", "Sitka Text", Cambria, Georgia, "Noto Serif", serif;
            --folio-font-ui: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans Arabic", "Helvetica Neue", Arial, sans-serif;
            --folio-font-size: 1.125rem;
            --folio-line-height: 1.65;
            --folio-measure: ${measure}rem;
            --folio-space: 1rem;
            --folio-radius: 6px;
            --folio-indent: ${indent}rem;
            --folio-color-bg: light-dark(#fffdf8, #141414);
            --folio-color-text: light-dark(#1b1b1b, #ebe7e0);
            --folio-color-muted: light-dark(#595652, #aaa49b);
            --folio-color-surface: light-dark(#f3efe7, #1f1e1c);
            --folio-color-border: light-dark(#ddd6ca, #3a3733);
            --folio-color-accent: light-dark(#a61b1b, #ff7a6e);
            --folio-color-link: light-dark(#0a58a8, #8fbaf5);
            --folio-color-focus: light-dark(#1662d6, #9cc2ff);
            --folio-color-on-accent: light-dark(#ffffff, #141414);
            --folio-color-error-bg: light-dark(#fdecea, #3a1715);
            --folio-color-error: light-dark(#8c1d18, #ffb4ab);
            --folio-color-badge: light-dark(#1d5e3a, #a6e3bd);
            --folio-color-badge-bg: light-dark(#e1f2e7, #16321f);
        }
        .folio {
            color-scheme: light;
            background: var(--folio-color-bg);
            color: var(--folio-color-text);
            font-family: var(--folio-font-ui);
            font-size: var(--folio-font-size);
            line-height: var(--folio-line-height);
            max-width: var(--folio-measure);
            margin-inline: auto;
            padding: calc(var(--folio-space) * 1.5) var(--folio-space) calc(var(--folio-space) * 3);
            overflow-wrap: anywhere;
            -webkit-text-size-adjust: 100%;
        }
        .folio[data-theme="dark"] {
            color-scheme: dark;
        }
        .folio[data-theme="auto"] {
            color-scheme: light dark;
        }
        .folio *, .folio *::before, .folio *::after {
            box-sizing: border-box;
        }
        .folio a {
            color: var(--folio-color-link);
            text-underline-offset: 0.15em;
            text-decoration-thickness: 1px;
        }
        .folio a:hover {
            text-decoration-thickness: 2px;
        }
        .folio :focus-visible {
            outline: 3px solid var(--folio-color-focus);
            outline-offset: 2px;
            border-radius: 2px;
        }
        .folio code {
            font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, "Liberation Mono", monospace;
            font-size: 0.9em;
        }
        @media (max-width: ${narrow}rem) {
            :root .folio, :host {
                --folio-indent: ${narrow_indent}rem;
            }
            .folio {
                padding-inline: 0.875rem;
            }
        }
        "#,
        measure = MEASURE_REM,
        indent = INDENT_REM,
        narrow = NARROW_SCREEN_REM,
        narrow_indent = NARROW_INDENT_REM,
    )
}
