//! Styles of the share bar: a wrapping row of pill-shaped links and buttons, each with its icon (on narrow screens
//! the networks show only their icons, their names staying for assistive technology), the status line under it,
//! and the Mastodon server dialog.

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
        .folio-share__item {
            display: flex;
        }
        .folio-share__link, .folio-share__button, .folio-share__change {
            display: inline-flex;
            align-items: center;
            gap: 0.35rem;
            min-height: 2.5rem;
            min-width: 2.5rem;
            justify-content: center;
            padding: 0.3rem 0.75rem;
            border: 1px solid var(--folio-color-border);
            border-radius: 999px;
            background: var(--folio-color-bg);
            color: var(--folio-color-text);
            font: 600 0.8125rem/1.2 var(--folio-font-ui);
            text-decoration: none;
            cursor: pointer;
        }
        /* Mastodon's link and its "change server" button read as one pill split in two. */
        .folio-share__item > .folio-share__link:not(:last-child) {
            border-start-end-radius: 0;
            border-end-end-radius: 0;
        }
        .folio-share__change {
            padding-inline: 0.6rem;
            border-inline-start: 0;
            border-start-start-radius: 0;
            border-end-start-radius: 0;
        }
        .folio-icon {
            flex: none;
        }
        /* Beats `.folio a` (the link colour). */
        .folio a.folio-share__link {
            color: var(--folio-color-text);
        }
        .folio-share__link:hover, .folio-share__button:hover, .folio-share__change:hover {
            border-color: var(--folio-color-text);
            background: var(--folio-color-surface);
        }
        .folio-share__status {
            min-height: 1.25rem;
            margin: 0.25rem 0 0;
            font-size: 0.8125rem;
            color: var(--folio-color-muted);
        }
        .folio-dialog {
            width: min(26rem, calc(100vw - 2rem));
            padding: 1.25rem;
            border: 1px solid var(--folio-color-border);
            border-radius: var(--folio-radius);
            background: var(--folio-color-bg);
            color: var(--folio-color-text);
            font-family: var(--folio-font-ui);
        }
        .folio-dialog::backdrop {
            background: rgba(0, 0, 0, 0.45);
        }
        .folio-dialog__title {
            margin: 0 0 0.75rem;
            font-size: 1.125rem;
        }
        .folio-dialog__label {
            display: block;
            font-weight: 600;
            font-size: 0.9375rem;
        }
        .folio-dialog__hint {
            margin: 0.25rem 0 0.5rem;
            font-size: 0.8125rem;
            color: var(--folio-color-muted);
        }
        .folio-dialog__input {
            width: 100%;
            min-height: 2.5rem;
            padding: 0.4rem 0.6rem;
            border: 1px solid var(--folio-color-muted);
            border-radius: calc(var(--folio-radius) - 2px);
            background: var(--folio-color-bg);
            color: var(--folio-color-text);
            font: 1rem/1.3 var(--folio-font-ui);
        }
        .folio-dialog__actions {
            display: flex;
            flex-wrap: wrap;
            gap: 0.5rem;
            margin-top: 1rem;
        }
        @media (max-width: ${narrow}rem) {
            .folio-share__link .folio-share__name {
                position: absolute;
                width: 1px;
                height: 1px;
                overflow: hidden;
                clip-path: inset(50%);
                white-space: nowrap;
            }
            .folio-share__link {
                padding-inline: 0.5rem;
            }
        }
        "#,
        narrow = crate::styles::NARROW_SCREEN_REM,
    )
}
