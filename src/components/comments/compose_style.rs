//! Styles of the comment forms (the main one, each reply form, the edit form): fields with their counters and
//! errors, the Markdown preview, the status line, the honeypot.

use stylist::ast::{sheet, Sheet};

/// The rules of the comment forms.
pub fn sheet() -> Sheet {
    sheet!(
        r#"
        .folio-compose {
            margin: 0 0 1.5rem;
            padding: 1rem;
            border: 1px solid var(--folio-color-border);
            border-radius: var(--folio-radius);
            background: var(--folio-color-surface);
            font-size: 0.9375rem;
        }
        .folio-compose--reply { margin: 0.75rem 0 0.5rem; }
        .folio-compose__who {
            display: grid;
            grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr));
            gap: 0 1rem;
        }
        .folio-field { margin-bottom: 0.75rem; }
        .folio-field label {
            display: block;
            margin-bottom: 0.25rem;
            font-weight: 600;
        }
        .folio-field input, .folio-field textarea {
            width: 100%;
            padding: 0.5rem 0.65rem;
            border: 1px solid var(--folio-color-muted);
            border-radius: calc(var(--folio-radius) - 2px);
            background: var(--folio-color-bg);
            color: var(--folio-color-text);
            font: inherit;
            line-height: 1.5;
        }
        .folio-field textarea { min-height: 6rem; resize: vertical; }
        .folio-field [aria-invalid="true"] {
            border-color: var(--folio-color-error);
            box-shadow: 0 0 0 1px var(--folio-color-error);
        }
        .folio-field__meta {
            display: flex;
            flex-wrap: wrap;
            justify-content: space-between;
            gap: 0 1rem;
            margin-top: 0.25rem;
            font-size: 0.8125rem;
            color: var(--folio-color-muted);
        }
        .folio-field__meta p { margin: 0; }
        .folio-field__count--over { color: var(--folio-color-error); font-weight: 700; }
        .folio-field__error {
            margin: 0.25rem 0 0;
            font-size: 0.875rem;
            font-weight: 600;
            color: var(--folio-color-error);
        }
        .folio-compose__error {
            margin-bottom: 0.75rem;
            padding: 0.6rem 0.75rem;
            border-radius: calc(var(--folio-radius) - 2px);
            background: var(--folio-color-error-bg);
            color: var(--folio-color-error);
        }
        .folio-compose__status {
            margin: 0;
            font-size: 0.875rem;
            color: var(--folio-color-badge);
        }
        .folio-compose__status:empty { display: none; }
        .folio-compose__actions {
            display: flex;
            flex-wrap: wrap;
            gap: 0.5rem;
        }
        .folio-compose__preview {
            min-height: 5rem;
            padding: 0.5rem 0.75rem;
            border: 1px dashed var(--folio-color-border);
            border-radius: var(--folio-radius);
        }
        .folio-compose__preview-toggle { margin-inline-end: auto; }
        /* The honeypot: out of sight and out of the tab order; only bots fill it. */
        .folio-hp {
            position: absolute;
            inset-inline-start: -10000px;
            width: 1px;
            height: 1px;
            overflow: hidden;
        }
        "#
    )
}
