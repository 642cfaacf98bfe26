//! Styles of the article's head: breadcrumb, kicker, title, standfirst, byline and dates, the hero image. The
//! body, related box and tags are in `body_style.rs`; the player in `components/audio/style.rs`.

use stylist::ast::{sheet, Sheet};

/// The rules of the article's head.
pub fn sheet() -> Sheet {
    sheet!(
        r#"
        .folio-breadcrumb ol {
            display: flex;
            flex-wrap: wrap;
            gap: 0.25rem;
            list-style: none;
            margin: 0 0 0.75rem;
            padding: 0;
            font-size: 0.8125rem;
            font-weight: 600;
            letter-spacing: 0.02em;
            text-transform: uppercase;
        }
        .folio-breadcrumb li + li::before {
            content: "›";
            margin-inline-end: 0.25rem;
            color: var(--folio-color-muted);
        }
        [dir="rtl"] .folio-breadcrumb li + li::before {
            content: "‹";
        }
        .folio-breadcrumb a {
            color: var(--folio-color-muted);
            text-decoration: none;
        }
        .folio-breadcrumb a:hover {
            color: var(--folio-color-text);
            text-decoration: underline;
        }
        .folio-kicker {
            display: flex;
            align-items: center;
            gap: 0.5rem;
            margin: 0 0 0.5rem;
            font-size: 0.875rem;
            font-weight: 700;
            letter-spacing: 0.06em;
            text-transform: uppercase;
            color: var(--folio-color-accent);
        }
        .folio-title {
            margin: 0 0 0.75rem;
            font-family: var(--folio-font-body);
            font-size: clamp(1.875rem, 1.2rem + 3vw, 2.75rem);
            line-height: 1.15;
            font-weight: 700;
            letter-spacing: -0.01em;
            text-wrap: balance;
        }
        .folio-standfirst {
            margin: 0 0 1.25rem;
            font-family: var(--folio-font-body);
            font-size: 1.25rem;
            line-height: 1.5;
            color: var(--folio-color-muted);
        }
        .folio-meta {
            display: flex;
            flex-wrap: wrap;
            justify-content: space-between;
            gap: 0.25rem 1rem;
            padding-block: 0.75rem;
            border-block: 1px solid var(--folio-color-border);
            font-size: 0.875rem;
            color: var(--folio-color-muted);
        }
        .folio-meta p {
            margin: 0;
        }
        .folio-byline {
            color: var(--folio-color-text);
            font-weight: 600;
        }
        .folio-dates {
            display: flex;
            flex-wrap: wrap;
            gap: 0 1rem;
        }
        .folio-hero {
            margin: 0 0 1.75rem;
        }
        .folio-hero__image {
            display: block;
            width: 100%;
            height: auto;
            border-radius: var(--folio-radius);
            background: var(--folio-color-surface);
        }
        .folio-hero__caption {
            margin-top: 0.5rem;
            font-size: 0.875rem;
            line-height: 1.45;
            color: var(--folio-color-muted);
        }
        .folio-hero__credit {
            font-size: 0.75rem;
            letter-spacing: 0.03em;
            text-transform: uppercase;
        }
        @media (max-width: ${narrow}rem) {
            .folio-standfirst {
                font-size: 1.125rem;
            }
        }
        "#,
        narrow = crate::styles::NARROW_SCREEN_REM,
    )
}
