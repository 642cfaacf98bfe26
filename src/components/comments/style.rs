//! Styles of the comment section and the thread's shape: heading and count, toolbar and sort control, the nested
//! reply lists, "show more" rows and the platform's "more" stubs. One comment is in `comment_style.rs`, the forms
//! in `compose_style.rs`.
//!
//! The thread's depth limits are code (`comment_item.rs` adds `folio-thread__replies--flat` from `INDENT_LIMIT`
//! and `--narrow-flat` from `NARROW_INDENT_LIMIT`); the indent they stop is CSS. The checks below tie the two:
//! indentation never eats more than a quarter of the column before it stops.

use stylist::ast::{sheet, Sheet};

use crate::components::comments::{INDENT_LIMIT, NARROW_INDENT_LIMIT, NESTING_LIMIT};
use crate::styles::{INDENT_REM, MEASURE_REM, NARROW_INDENT_REM, NARROW_SCREEN_REM};

/// What a reply level adds besides `--folio-indent`: the padding after the rule, in rem …
const LEVEL_PADDING_REM: f32 = 0.25;
/// … and the 2px rule itself (at 16px to the rem).
const LEVEL_RULE_REM: f32 = 2.0 / 16.0;

const _: () = assert!(NARROW_INDENT_LIMIT < INDENT_LIMIT && INDENT_LIMIT < NESTING_LIMIT);
const _: () = assert!(
    INDENT_LIMIT as f32 * (INDENT_REM + LEVEL_PADDING_REM + LEVEL_RULE_REM) <= MEASURE_REM / 4.0
);
const _: () = assert!(
    NARROW_INDENT_LIMIT as f32 * (NARROW_INDENT_REM + LEVEL_PADDING_REM + LEVEL_RULE_REM)
        <= NARROW_SCREEN_REM / 4.0
);

/// The rules of the comment section and the thread's lists.
pub fn sheet() -> Sheet {
    sheet!(
        r#"
        .folio-comments {
            margin-top: 3rem;
            padding-top: 1.5rem;
            border-top: 3px solid var(--folio-color-text);
        }
        .folio-comments__heading {
            display: flex;
            align-items: baseline;
            gap: 0.6rem;
            margin: 0 0 1rem;
            font-size: 1.375rem;
            line-height: 1.3;
        }
        .folio-comments__count {
            display: inline-block;
            min-width: 1.9rem;
            padding: 0.05rem 0.5rem;
            border-radius: 999px;
            background: var(--folio-color-accent);
            color: var(--folio-color-on-accent);
            font-size: 0.9375rem;
            text-align: center;
        }
        .folio-comments__empty, .folio-comments__closed {
            margin: 0 0 1rem;
            color: var(--folio-color-muted);
            font-size: 1rem;
        }
        .folio-comments__toolbar {
            display: flex;
            flex-wrap: wrap;
            align-items: center;
            justify-content: space-between;
            gap: 0.5rem 1rem;
            margin: 1.25rem 0 0.5rem;
            font-family: var(--folio-font-ui);
            font-size: 0.9375rem;
        }
        .folio-sort {
            display: inline-flex;
            align-items: center;
            gap: 0.5rem;
        }
        .folio-sort__select {
            font: inherit;
            color: inherit;
            background: var(--folio-color-bg);
            border: 1px solid var(--folio-color-border);
            border-radius: var(--folio-radius);
            padding: 0.25rem 0.5rem;
        }
        .folio-thread, .folio-thread__replies {
            list-style: none;
            margin: 0;
            padding: 0;
        }
        .folio-thread__item {
            margin: 0;
        }
        .folio-thread > .folio-thread__item {
            padding-block: 1rem;
            border-bottom: 1px solid var(--folio-color-border);
        }
        .folio-thread__replies {
            margin-inline-start: calc(var(--folio-indent) / 2);
            padding-inline-start: calc(var(--folio-indent) / 2 + ${padding}rem);
            border-inline-start: 2px solid var(--folio-color-border);
        }
        /* Past the indent limit, replies line up instead of marching off a phone's screen. */
        .folio-thread__replies--flat {
            margin-inline-start: 0;
            padding-inline-start: 0;
            border-inline-start: 0;
        }
        .folio-thread__replies > .folio-thread__item {
            padding-top: 0.9rem;
        }
        .folio-thread__more {
            list-style: none;
            margin: 1rem 0;
            text-align: center;
        }
        /* The platform's "N more replies" stubs (Reddit's `more`): a quiet link under the replies they belong to. */
        .folio-thread__stubs {
            list-style: none;
            margin: 0.25rem 0 0;
            padding: 0;
            font-size: 0.875em;
        }
        @media (max-width: ${narrow}rem) {
            .folio-thread__replies--narrow-flat {
                margin-inline-start: 0;
                padding-inline-start: 0;
                border-inline-start: 0;
            }
        }
        "#,
        padding = LEVEL_PADDING_REM,
        narrow = NARROW_SCREEN_REM,
    )
}
