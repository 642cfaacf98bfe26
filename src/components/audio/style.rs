//! Styles of the player (recorded edition or read aloud), the highlight on the piece being read, and the "Audio
//! only" view.

use stylist::ast::{sheet, Sheet};

/// The rules of the player and of the "Audio only" view.
pub fn sheet() -> Sheet {
    sheet!(
        r#"
        .folio-listen {
            margin: 0 0 1.5rem;
            padding: 0.75rem 1rem;
            border: 1px solid var(--folio-color-border);
            border-radius: var(--folio-radius);
            background: var(--folio-color-surface);
            font-family: var(--folio-font-ui);
            font-size: 0.875rem;
        }
        .folio-listen__label {
            margin: 0 0 0.5rem;
            font-weight: 700;
        }
        .folio-listen__row, .folio-listen__controls {
            display: flex;
            flex-wrap: wrap;
            align-items: center;
            gap: 0.5rem;
        }
        .folio-listen__row > audio {
            flex: 1 1 16rem;
            min-width: 0;
        }
        .folio-listen__button, .folio-listen__only, .folio-listen__speed select {
            min-height: 2.75rem;
            border: 1px solid var(--folio-color-muted);
            border-radius: 999px;
            background: var(--folio-color-bg);
            color: var(--folio-color-text);
            font: 600 0.875rem/1.2 var(--folio-font-ui);
            cursor: pointer;
        }
        .folio-listen__button {
            display: inline-flex;
            align-items: center;
            justify-content: center;
            min-width: 2.75rem;
            padding: 0;
        }
        .folio-listen__play {
            min-width: 3.25rem;
            border-color: var(--folio-color-accent);
            background: var(--folio-color-accent);
            color: var(--folio-color-on-accent);
        }
        .folio-listen__button[aria-disabled="true"] {
            opacity: 0.5;
            cursor: default;
        }
        /* Previous and next point the way the text runs. */
        .folio-listen[dir="rtl"] .folio-listen__button:not(.folio-listen__play) .folio-listen__icon {
            transform: scaleX(-1);
        }
        .folio-listen__speed {
            display: inline-flex;
            align-items: center;
            gap: 0.4rem;
            color: var(--folio-color-text);
        }
        .folio-listen__speed select {
            padding: 0 0.75rem;
        }
        .folio-listen__only {
            padding: 0.3rem 0.9rem;
            margin-inline-start: auto;
        }
        .folio-listen__only[aria-pressed="true"] {
            border-color: var(--folio-color-text);
            background: var(--folio-color-text);
            color: var(--folio-color-bg);
        }
        .folio-listen__note {
            margin: 0.5rem 0 0;
            color: var(--folio-color-muted);
            font-size: 0.8125rem;
        }
        .folio-reading {
            border-radius: var(--folio-radius);
            background: var(--folio-color-surface);
            box-shadow: 0 0 0 0.4rem var(--folio-color-surface);
            outline: 2px solid var(--folio-color-accent);
            outline-offset: 0.4rem;
        }
        /* "Audio only": the title, the player and the piece being read; everything else of the reader hidden. */
        .folio:has(.folio-listen--only) > :not(.folio-article),
        .folio:has(.folio-listen--only) .folio-article > :not(.folio-article__header, .folio-listen, .folio-body),
        .folio:has(.folio-listen--only) .folio-article__header > :not(.folio-title, .folio-reading),
        .folio:has(.folio-listen--only) .folio-body > :not(.folio-reading) {
            display: none;
        }
        "#
    )
}
