//! Dates as APIs send them: ISO 8601 / RFC 3339 strings, or Unix seconds or milliseconds as numbers, turned into
//! the model's [`Timestamp`].
//!
//! The reading and the calendar arithmetic are the workspace crate `folio-time`, shared with the reference server;
//! what is the widget's own is the `Timestamp` (with its normalised `iso` text) and the clamp to the range of
//! ECMAScript dates, beyond which `Intl` throws. No `chrono` or `time`: parsing is all Folio needs (the browser's
//! `Intl` formats for the reader), and every kilobyte of wasm counts.

use std::rc::Rc;

use folio_time::{format_date, format_rfc3339, unix_to_millis, MAX_EPOCH_MS};

use crate::model::Timestamp;

/// Parse an ISO 8601 date (`2017-03-31`), date-time (`2017-03-31T14:05:00Z`, `...+02:00`, `... 14:05:00`,
/// fractional seconds) into a timestamp. Returns `None` for anything else or out-of-range values.
pub fn parse_iso8601(text: &str) -> Option<Timestamp> {
    let parsed = folio_time::parse_iso8601(text)?;
    // A date alone keeps its date-only text, so no hour is invented for it.
    let iso = if parsed.date_only {
        format_date(parsed.epoch_ms)
    } else {
        format_rfc3339(parsed.epoch_ms)
    };
    Some(Timestamp {
        epoch_ms: parsed.epoch_ms,
        iso: Rc::from(iso),
        date_only: parsed.date_only,
    })
}

/// A timestamp from Unix time. Numbers above 10^11 are taken as milliseconds (10^11 seconds is the year 5138,
/// while 10^11 milliseconds is 1973), which is how APIs that mix the two are told apart.
pub fn from_unix(value: f64) -> Option<Timestamp> {
    unix_to_millis(value).map(from_epoch_ms)
}

/// A timestamp for an exact millisecond count (for dates Folio makes itself, like "now").
pub fn from_epoch_ms(epoch_ms: i64) -> Timestamp {
    // The range of ECMAScript dates: beyond it `Intl` throws.
    let epoch_ms = epoch_ms.clamp(-MAX_EPOCH_MS, MAX_EPOCH_MS);
    Timestamp {
        epoch_ms,
        iso: Rc::from(format_rfc3339(epoch_ms)),
        date_only: false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // A plain calendar date stays a date: no hour must be invented for it.
    #[test]
    fn date_only() {
        let t = parse_iso8601("2017-03-31").expect("valid date");
        assert_eq!(t.epoch_ms, 1_490_918_400_000);
        assert_eq!(&*t.iso, "2017-03-31");
        assert!(t.date_only);
    }

    // Offsets are applied, so the same instant written two ways compares equal.
    #[test]
    fn offsets_normalise_to_utc() {
        let a = parse_iso8601("2026-05-04T10:30:00+02:00").expect("valid");
        let b = parse_iso8601("2026-05-04T08:30:00Z").expect("valid");
        assert_eq!(a.epoch_ms, b.epoch_ms);
        assert_eq!(&*a.iso, "2026-05-04T08:30:00Z");
        let c = parse_iso8601("2026-05-04T03:30:00-0500").expect("valid");
        assert_eq!(c.epoch_ms, b.epoch_ms);
    }

    // Fractional seconds keep their milliseconds; a space instead of `T` is accepted (SQL-style APIs).
    #[test]
    fn fractions_and_space_separator() {
        let t = parse_iso8601("2026-01-02 03:04:05.6789Z").expect("valid");
        assert_eq!(t.epoch_ms % 1000, 678);
        assert_eq!(&*t.iso, "2026-01-02T03:04:05.678Z");
    }

    // Garbage and impossible dates are refused rather than guessed.
    #[test]
    fn rejects_invalid() {
        for bad in [
            "",
            "yesterday",
            "2017-02-30",
            "2017-13-01",
            "2017-03-31T25:00Z",
            "2017-03-31T10:00+99:00",
            "31/03/2017",
            "2017-03-31T10",
        ] {
            assert!(parse_iso8601(bad).is_none(), "{bad} should be refused");
        }
    }

    // Seconds and milliseconds are told apart by magnitude.
    #[test]
    fn unix_seconds_and_millis() {
        let s = from_unix(1_490_918_400.0).expect("valid");
        let ms = from_unix(1_490_918_400_000.0).expect("valid");
        assert_eq!(s.epoch_ms, ms.epoch_ms);
        assert_eq!(&*s.iso, "2017-03-31T00:00:00Z");
        assert!(from_unix(f64::NAN).is_none());
        assert!(from_unix(1e300).is_none());
    }

    // Dates before 1970 and leap days survive the round trip through the civil-date arithmetic.
    #[test]
    fn civil_round_trip() {
        for (text, iso) in [
            ("1960-02-29T12:00:00Z", "1960-02-29T12:00:00Z"),
            ("2000-02-29T00:00:00Z", "2000-02-29T00:00:00Z"),
        ] {
            let t = parse_iso8601(text).expect("valid");
            assert_eq!(&*from_epoch_ms(t.epoch_ms).iso, iso);
        }
    }
}
