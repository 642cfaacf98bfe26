//! Tests of ISO 8601 reading: every accepted form, and the nonsense refused.
use super::*;
use crate::format_rfc3339;

fn utc(text: &str) -> Option<String> {
    parse_iso8601(text).map(|p| format_rfc3339(p.epoch_ms))
}

// A plain calendar date stays a date: midnight UTC, and marked so no hour is invented for it.
#[test]
fn date_only() {
    let p = parse_iso8601(" 2017-03-31 ").expect("valid date");
    assert_eq!(p.epoch_ms, 1_490_918_400_000);
    assert!(p.date_only);
    assert!(!parse_iso8601("2017-03-31T00:00Z").expect("valid").date_only);
}

// Offsets in every written form are applied, so the same instant written several ways compares equal.
#[test]
fn offsets_normalise_to_utc() {
    assert_eq!(
        utc("2017-03-31T14:05:00Z").as_deref(),
        Some("2017-03-31T14:05:00Z")
    );
    assert_eq!(
        utc("2017-03-31T14:05:00-05:00").as_deref(),
        Some("2017-03-31T19:05:00Z")
    );
    assert_eq!(
        utc("2026-05-04T10:30:00+02:00").as_deref(),
        Some("2026-05-04T08:30:00Z")
    );
    assert_eq!(
        utc("2026-05-04T03:30:00-0500").as_deref(),
        Some("2026-05-04T08:30:00Z")
    );
    assert_eq!(
        utc("2026-05-04T10:30+02").as_deref(),
        Some("2026-05-04T08:30:00Z")
    );
    assert_eq!(
        utc("2017-03-31t14:05z").as_deref(),
        Some("2017-03-31T14:05:00Z")
    );
}

// Fractions keep their milliseconds (truncated, never rounded into the next second); a space instead of `T`
// is accepted (SQL-style APIs); a leap second is folded into the one before.
#[test]
fn fractions_separators_and_leap_seconds() {
    assert_eq!(
        utc("2017-03-31T14:05:00.25+0130").as_deref(),
        Some("2017-03-31T12:35:00.250Z")
    );
    assert_eq!(
        utc("2026-01-02 03:04:05.6789Z").as_deref(),
        Some("2026-01-02T03:04:05.678Z")
    );
    assert_eq!(
        utc("2026-01-02T03:04:05,5").as_deref(),
        Some("2026-01-02T03:04:05.500Z")
    );
    assert_eq!(
        utc("2016-12-31T23:59:60Z").as_deref(),
        Some("2016-12-31T23:59:59Z")
    );
    assert_eq!(
        utc("1960-02-29T12:00:00Z").as_deref(),
        Some("1960-02-29T12:00:00Z")
    );
}

// Garbage and impossible dates are refused rather than guessed.
#[test]
fn rejects_nonsense() {
    for bad in [
        "",
        "2017",
        "yesterday",
        "31/03/2017",
        "2017-13-01",
        "2017-02-30",
        "2017-03-31T10",
        "2017-03-31T25:00",
        "2017-03-31T25:00Z",
        "2017-03-31Tx",
        "2017-03-31T10:00Zjunk",
        "2017-03-31T10:00+99:00",
        "2017-03-31T10:00:00.Z",
        "2017-03-31T10:00+0",
    ] {
        assert_eq!(parse_iso8601(bad), None, "{bad}");
    }
}
