//! Styles of the shared pieces: visually hidden text, the "live" label, buttons, the loading state and the error
//! box (also drawn by the panic hook, `shells/panic_hook.rs`).

use stylist::ast::{sheet, Sheet};

/// The rules of `common/` and of the classes several parts share.
pub fn sheet() -> Sheet {
    sheet!(
        r#"
        .folio-visually-hidden {
            position: absolute !important;
            width: 1px;
            height: 1px;
            overflow: hidden;
            clip-path: inset(50%);
            white-space: nowrap;
        }
        /* Both the article's "live" kicker and the thread's live notice. */
        .folio-live {
            padding: 0.1rem 0.45rem;
            border-radius: 3px;
            background: var(--folio-color-accent);
            color: var(--folio-color-on-accent);
            display: flex;
            align-items: center;
            gap: 0.5rem;
        }
        .folio-live:empty {
            display: none;
        }
        .folio-link-button {
            min-height: 2rem;
            padding: 0.2rem 0;
            border: 0;
            background: none;
            color: var(--folio-color-link);
            font: 600 0.8125rem/1.2 var(--folio-font-ui);
            cursor: pointer;
        }
        .folio-link-button:hover {
            text-decoration: underline;
        }
        .folio-button {
            min-height: 2.5rem;
            padding: 0.45rem 1rem;
            border: 1px solid var(--folio-color-muted);
            border-radius: calc(var(--folio-radius) - 2px);
            background: var(--folio-color-bg);
            color: var(--folio-color-text);
            font: 600 0.9375rem/1.2 var(--folio-font-ui);
            cursor: pointer;
        }
        .folio-button--primary {
            border-color: var(--folio-color-accent);
            background: var(--folio-color-accent);
            color: var(--folio-color-on-accent);
        }
        .folio-button:disabled {
            opacity: 0.6;
            cursor: not-allowed;
        }
        .folio-button--danger {
            border-color: var(--folio-color-error);
            background: var(--folio-color-error-bg);
            color: var(--folio-color-error);
        }
        .folio-loading__text {
            display: block;
            margin-bottom: 1rem;
            color: var(--folio-color-muted);
            font-size: 0.9375rem;
        }
        .folio-skeleton__line {
            height: 1rem;
            margin-bottom: 0.75rem;
            border-radius: 4px;
            background: var(--folio-color-surface);
        }
        .folio-skeleton__line--title {
            height: 2.25rem;
            width: 85%;
        }
        .folio-skeleton__line--short {
            width: 60%;
        }
        @media (prefers-reduced-motion: no-preference) {
            .folio-skeleton__line {
                animation: folio-pulse 1.4s ease-in-out infinite;
            }
        }
        @keyframes folio-pulse {
            50% {
                opacity: 0.5;
            }
        }
        .folio-error {
            padding: 1rem 1.25rem;
            border: 1px solid var(--folio-color-error);
            border-radius: var(--folio-radius);
            background: var(--folio-color-error-bg);
            color: var(--folio-color-error);
        }
        .folio-error p {
            margin: 0 0 0.5rem;
        }
        .folio-error__title {
            font-weight: 700;
            font-size: 1.0625rem;
        }
        .folio-error__detail {
            font-family: ui-monospace, Menlo, Consolas, monospace;
            font-size: 0.8125rem;
            overflow-wrap: anywhere;
        }
        "#
    )
}
