//! Styles of the article's body (the sanitised HTML: headings, quotes, images, code, tables), the related-articles
//! box inside it, the tag list under it, and a live article's entries with its "last update" beside the badge.

use stylist::ast::{sheet, Sheet};

/// The rules of the article's body, related box and tags.
pub fn sheet() -> Sheet {
    sheet!(
        r#"
        .folio-body {
            font-family: var(--folio-font-body);
            font-size: calc(1.1875rem * var(--folio-text-scale, 1));
            line-height: 1.7;
        }
        .folio-body > p, .folio-body > ul, .folio-body > ol, .folio-body > blockquote, .folio-body > pre,
        .folio-body > table {
            margin: 0 0 1.25em;
        }
        .folio-body h2, .folio-body h3, .folio-body h4 {
            margin: 1.75em 0 0.5em;
            font-family: var(--folio-font-ui);
            line-height: 1.3;
        }
        /* In em, so they follow the reader's text size (1.375rem and 1.1875rem at the medium size). */
        .folio-body h2 { font-size: 1.158em; }
        .folio-body h3 { font-size: 1em; }
        .folio-body blockquote {
            margin-inline: 0;
            padding-inline-start: 1.25rem;
            border-inline-start: 4px solid var(--folio-color-accent);
            font-style: italic;
            color: var(--folio-color-text);
        }
        .folio-body img {
            max-width: 100%;
            height: auto;
            border-radius: var(--folio-radius);
        }
        .folio-body pre {
            overflow-x: auto;
            padding: 0.75rem 1rem;
            border-radius: var(--folio-radius);
            background: var(--folio-color-surface);
            font-size: 0.875em;
        }
        .folio-body table {
            width: 100%;
            border-collapse: collapse;
            font-family: var(--folio-font-ui);
            font-size: 0.9375rem;
        }
        .folio-body th, .folio-body td {
            padding: 0.4rem 0.5rem;
            border-bottom: 1px solid var(--folio-color-border);
            text-align: start;
        }
        .folio-related {
            margin: 0 0 1.5em;
            padding: 0.75rem 1rem;
            border-inline-start: 4px solid var(--folio-color-accent);
            background: var(--folio-color-surface);
            border-radius: 0 var(--folio-radius) var(--folio-radius) 0;
            font-family: var(--folio-font-ui);
        }
        [dir="rtl"] .folio-related {
            border-radius: var(--folio-radius) 0 0 var(--folio-radius);
        }
        .folio-related__label {
            margin: 0 0 0.25rem;
            font-size: 0.75rem;
            font-weight: 700;
            letter-spacing: 0.08em;
            text-transform: uppercase;
            color: var(--folio-color-accent);
        }
        .folio-related__list {
            margin: 0;
            padding: 0;
            list-style: none;
        }
        .folio-related__link {
            font-size: 1.0625rem;
            font-weight: 600;
            line-height: 1.35;
        }
        .folio-article__footer {
            margin-top: 2rem;
        }
        .folio-tags {
            display: flex;
            flex-wrap: wrap;
            align-items: center;
            gap: 0.5rem;
        }
        .folio-tags__label {
            margin: 0;
            font-size: 0.8125rem;
            font-weight: 700;
            color: var(--folio-color-muted);
        }
        .folio-tags__list {
            display: flex;
            flex-wrap: wrap;
            gap: 0.4rem;
            margin: 0;
            padding: 0;
            list-style: none;
        }
        .folio-tag {
            padding: 0.15rem 0.6rem;
            border-radius: 999px;
            background: var(--folio-color-surface);
            font-size: 0.8125rem;
        }
        /* A live article's entries: a timeline under the body, newest first. */
        .folio-liveblog {
            margin-block: 2rem;
        }
        .folio-liveblog__heading {
            margin: 0 0 0.75rem;
            font: 700 1.25rem/1.3 var(--folio-font-ui);
        }
        .folio-liveblog__list {
            list-style: none;
            margin: 0.75rem 0 0;
            padding: 0;
        }
        .folio-entry {
            padding-block: 1rem;
            padding-inline-start: 1rem;
            border-inline-start: 3px solid var(--folio-color-accent);
            border-block-end: 1px solid var(--folio-color-border);
        }
        .folio-entry__meta {
            display: flex;
            flex-wrap: wrap;
            gap: 0.25rem 0.75rem;
            margin: 0 0 0.5rem;
            font: 0.875rem/1.4 var(--folio-font-ui);
            color: var(--folio-color-muted);
        }
        .folio-entry__meta time {
            font-weight: 700;
            color: var(--folio-color-text);
        }
        .folio-entry__title {
            margin: 0 0 0.5rem;
            font: 700 1.125rem/1.3 var(--folio-font-ui);
        }
        .folio-live__last {
            font-weight: 400;
            letter-spacing: 0;
            text-transform: none;
            color: var(--folio-color-muted);
        }
        @media (max-width: ${narrow}rem) {
            .folio-body {
                font-size: calc(1.125rem * var(--folio-text-scale, 1));
            }
        }
        "#,
        narrow = crate::styles::NARROW_SCREEN_REM,
    )
}
