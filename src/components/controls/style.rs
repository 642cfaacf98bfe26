//! Styles of the reader controls: the reading time and the display settings under the byline, the text sizes
//! (`data-text-size` on the reader's box scales the body through `--folio-text-scale`), and the reading-progress
//! bar. Nothing moves for a reader who asked for reduced motion.

use stylist::ast::{sheet, Sheet};

/// The rules of the reader controls.
pub fn sheet() -> Sheet {
    sheet!(
        r#"
        .folio[data-text-size="small"] {
            --folio-text-scale: 0.9;
        }
        .folio[data-text-size="large"] {
            --folio-text-scale: 1.2;
        }
        .folio-progress {
            position: sticky;
            top: 0;
            z-index: 1;
            height: 4px;
            margin-block: 0.5rem 0;
            background: var(--folio-color-surface);
        }
        .folio-progress__bar {
            width: calc(var(--folio-progress, 0) * 0.1%);
            height: 100%;
            background: var(--folio-color-accent);
        }
        .folio-controls {
            display: flex;
            flex-wrap: wrap;
            align-items: center;
            justify-content: space-between;
            gap: 0.5rem 1rem;
            margin-top: 0.5rem;
            font-family: var(--folio-font-ui);
            font-size: 0.875rem;
            color: var(--folio-color-muted);
        }
        .folio-reading-time {
            margin: 0;
        }
        .folio-display[open] {
            flex-basis: 100%;
        }
        .folio-display__toggle {
            width: fit-content;
            min-height: 2.5rem;
            padding: 0.55rem 0.75rem;
            border: 1px solid var(--folio-color-border);
            border-radius: 999px;
            color: var(--folio-color-text);
            font-weight: 600;
            cursor: pointer;
        }
        .folio-display[open] .folio-display__toggle {
            margin-inline-start: auto;
        }
        .folio-display__panel {
            display: flex;
            flex-wrap: wrap;
            gap: 0.75rem 1.5rem;
            margin-top: 0.5rem;
            padding: 0.75rem;
            border-radius: var(--folio-radius);
            background: var(--folio-color-surface);
        }
        .folio-display__group {
            display: flex;
            flex-wrap: wrap;
            gap: 0.3rem;
            min-width: 0;
            margin: 0;
            padding: 0;
            border: 0;
        }
        .folio-display__legend {
            margin-bottom: 0.35rem;
            padding: 0;
            font-weight: 600;
            color: var(--folio-color-text);
        }
        .folio-display__option {
            min-height: 2.5rem;
            padding: 0.3rem 0.8rem;
            border: 1px solid var(--folio-color-border);
            border-radius: 999px;
            background: var(--folio-color-bg);
            color: var(--folio-color-text);
            font: 600 0.8125rem/1.2 var(--folio-font-ui);
            cursor: pointer;
        }
        .folio-display__option[aria-pressed="true"] {
            border-color: var(--folio-color-text);
            background: var(--folio-color-text);
            color: var(--folio-color-bg);
        }
        @media (prefers-reduced-motion: no-preference) {
            .folio-progress__bar {
                transition: width 0.15s linear;
            }
        }
        "#
    )
}
