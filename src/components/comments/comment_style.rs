//! Styles of one comment: header (avatar, author, badge, "in reply to", permalink), body, footer, the states of a
//! comment being sent, failed or held for review, and the reader's own Edit / Delete.

use stylist::ast::{sheet, Sheet};

use crate::styles::NARROW_SCREEN_REM;

/// The rules of one comment.
pub fn sheet() -> Sheet {
    sheet!(
        r#"
        .folio-comment__header {
            display: flex;
            align-items: center;
            flex-wrap: wrap;
            gap: 0.25rem 0.6rem;
            font-size: 0.875rem;
        }
        .folio-avatar {
            flex: none;
            width: 2.25rem;
            height: 2.25rem;
            border-radius: 50%;
            object-fit: cover;
            background: var(--folio-color-surface);
        }
        .folio-avatar--initial {
            display: inline-grid;
            place-items: center;
            font-weight: 700;
            color: var(--folio-color-muted);
            /* The browser upper-cases the initial (any script), so the wasm carries no Unicode case tables. */
            text-transform: uppercase;
        }
        .folio-comment__who { flex: 1 1 auto; min-width: 0; }
        .folio-comment__author { font-weight: 700; color: var(--folio-color-text); }
        .folio a.folio-comment__author { color: var(--folio-color-text); }
        .folio-badge {
            display: inline-block;
            padding: 0 0.4rem;
            border-radius: 3px;
            background: var(--folio-color-badge-bg);
            color: var(--folio-color-badge);
            font-size: 0.75rem;
            font-weight: 700;
            letter-spacing: 0.03em;
            text-transform: uppercase;
        }
        .folio-comment__in-reply { color: var(--folio-color-muted); }
        /* Said on narrow screens only, where the indentation stops earlier (NARROW_INDENT_LIMIT). */
        .folio-comment__in-reply--narrow { display: none; }
        .folio-comment__permalink { font-size: 0.8125rem; }
        .folio a.folio-comment__permalink { color: var(--folio-color-muted); text-decoration: none; }
        .folio a.folio-comment__permalink:hover { text-decoration: underline; }
        .folio-comment__body {
            margin-top: 0.35rem;
            font-size: 1rem;
            line-height: 1.6;
            overflow-wrap: anywhere;
        }
        /* A comment's only pictures are its custom emoji (the comment policy turns other images into text). */
        .folio-comment__body img { height: 1.25em; width: auto; vertical-align: -0.25em; }
        .folio-comment__body > details > summary { cursor: pointer; font-weight: 600; color: var(--folio-color-muted); }
        .folio-comment__body > :first-child { margin-top: 0; }
        .folio-comment__body > :last-child { margin-bottom: 0; }
        .folio-comment__body p, .folio-comment__body ul, .folio-comment__body ol { margin: 0 0 0.6em; }
        .folio-comment__body blockquote {
            margin: 0 0 0.6em;
            padding-inline-start: 0.75rem;
            border-inline-start: 3px solid var(--folio-color-border);
            color: var(--folio-color-muted);
        }
        .folio-comment__body pre {
            overflow-x: auto;
            padding: 0.75rem 1rem;
            border-radius: var(--folio-radius);
            background: var(--folio-color-surface);
            font-size: 0.875em;
            white-space: pre;
        }
        .folio-comment--deleted .folio-comment__deleted {
            margin: 0;
            font-size: 0.9375rem;
            font-style: italic;
            color: var(--folio-color-muted);
        }
        .folio-comment__footer {
            display: flex;
            align-items: center;
            gap: 1rem;
            margin-top: 0.35rem;
            font-size: 0.8125rem;
            color: var(--folio-color-muted);
        }
        .folio-comment__toggle { margin-inline-start: 0.75rem; }
        .folio-comment__hidden {
            margin-inline-start: 0.5rem;
            color: var(--folio-color-muted);
            font-size: 0.875rem;
        }
        .folio-comment__subtree {
            margin-top: 0.25rem;
            font-family: var(--folio-font-ui);
            font-size: 0.875rem;
        }
        .folio-comment--sending { opacity: 0.65; }
        .folio-comment--failed {
            border-inline-start: 3px solid var(--folio-color-error);
            padding-inline-start: 0.5rem;
        }
        .folio-comment__pending {
            font-family: var(--folio-font-ui);
            font-size: 0.875rem;
            color: var(--folio-color-muted);
        }
        .folio-comment__failure { color: var(--folio-color-error); margin-inline-end: 0.5rem; }
        .folio-comment--highlight {
            outline: 2px solid var(--folio-color-focus);
            outline-offset: 4px;
            border-radius: var(--folio-radius);
        }
        /* The reader's own comment: Edit / Delete, the in-page delete question, "awaiting review". */
        .folio-own__confirm {
            display: inline-flex;
            flex-wrap: wrap;
            align-items: center;
            gap: 0.5rem;
        }
        .folio-own__error { color: var(--folio-color-error); }
        .folio-comment__held {
            background: var(--folio-color-error-bg);
            color: var(--folio-color-error);
        }
        @media (max-width: ${narrow}rem) {
            .folio-comment__in-reply--narrow { display: inline; }
        }
        "#,
        narrow = NARROW_SCREEN_REM,
    )
}
