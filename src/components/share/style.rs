//! Styles of the share bar: a row of pill-shaped links and buttons, and the status line under it.

use stylist::ast::{sheet, Sheet};

/// The rules of the share bar.
pub fn sheet() -> Sheet {
    sheet!(
        r#"
        .folio-share {
            margin-block: 0.75rem 1.5rem;
        }
        .folio-share__list {
            display: flex;
            flex-wrap: wrap;
            gap: 0.4rem;
            list-style: none;
            margin: 0;
            padding: 0;
        }
        .folio-share__link, .folio-share__button {
            display: inline-flex;
            align-items: center;
            min-height: 2.25rem;
            padding: 0.3rem 0.75rem;
            border: 1px solid var(--folio-color-border);
            border-radius: 999px;
            background: var(--folio-color-bg);
            color: var(--folio-color-text);
            font: 600 0.8125rem/1.2 var(--folio-font-ui);
            text-decoration: none;
            cursor: pointer;
        }
        /* Beats `.folio a` (the link colour). */
        .folio a.folio-share__link {
            color: var(--folio-color-text);
        }
        .folio-share__link:hover, .folio-share__button:hover {
            border-color: var(--folio-color-text);
            background: var(--folio-color-surface);
        }
        .folio-share__status {
            min-height: 1.25rem;
            margin: 0.25rem 0 0;
            font-size: 0.8125rem;
            color: var(--folio-color-muted);
        }
        "#
    )
}
