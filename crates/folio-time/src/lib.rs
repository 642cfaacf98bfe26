//! Folio's dates, shared by the widget (`folio::source::date`) and the reference server (`folio-server`'s
//! `timefmt`): reading ISO 8601 / RFC 3339 strings and Unix times, writing RFC 3339 in UTC.
//!
//! Pure and dependency-free on purpose: the widget ships it in its WebAssembly, where `chrono` or `time` would cost
//! more than the little Folio needs (the browser's `Intl` formats dates for the reader). Instants are Unix
//! milliseconds (UTC) in an `i64`, so ordering is an integer comparison whatever offset or precision the source
//! used. What each side builds on top (the widget's `Timestamp`, the server's clock and JSON reading) stays there.

mod civil;
mod parse;

pub use civil::{civil_from_days, days_from_civil, days_in_month, is_leap};
pub use parse::{parse_iso8601, Parsed};

/// Milliseconds in a day.
pub const MS_PER_DAY: i64 = 86_400_000;
/// The largest distance from 1970 of an ECMAScript date, in milliseconds (±100,000,000 days): beyond it the
/// browser's `Date` and `Intl` refuse the value, so neither side accepts one.
pub const MAX_EPOCH_MS: i64 = 8_640_000_000_000_000;
/// Numbers from here on are read as milliseconds, below it as seconds (see [`unix_to_millis`]).
pub const MILLIS_THRESHOLD: f64 = 1e11;

/// Unix time as an API sends it, in milliseconds. Numbers of [`MILLIS_THRESHOLD`] or more are taken as
/// milliseconds (10^11 seconds is the year 5138, while 10^11 milliseconds is 1973), which is how APIs that mix the
/// two are told apart. `None` for NaN, infinities and instants outside [`MAX_EPOCH_MS`].
pub fn unix_to_millis(value: f64) -> Option<i64> {
    if !value.is_finite() {
        return None;
    }
    let ms = if value.abs() >= MILLIS_THRESHOLD {
        value
    } else {
        value * 1000.0
    };
    // In range, the cast is exact to the millisecond and cannot saturate.
    (ms.abs() <= MAX_EPOCH_MS as f64).then_some(ms as i64)
}

/// Formats Unix milliseconds as RFC 3339 in UTC: `2024-01-31T09:05:00Z`, with `.mmm` only when the milliseconds are
/// not zero.
pub fn format_rfc3339(ms: i64) -> String {
    let rem = ms.rem_euclid(MS_PER_DAY);
    let (h, min, s, milli) = (
        rem / 3_600_000,
        rem / 60_000 % 60,
        rem / 1000 % 60,
        rem % 1000,
    );
    let date = format_date(ms);
    if milli == 0 {
        format!("{date}T{h:02}:{min:02}:{s:02}Z")
    } else {
        format!("{date}T{h:02}:{min:02}:{s:02}.{milli:03}Z")
    }
}

/// The UTC calendar date of Unix milliseconds: `2024-01-31`.
pub fn format_date(ms: i64) -> String {
    let (y, m, d) = civil_from_days(ms.div_euclid(MS_PER_DAY));
    format!("{y:04}-{m:02}-{d:02}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_epoch_and_millis() {
        assert_eq!(format_rfc3339(0), "1970-01-01T00:00:00Z");
        assert_eq!(format_rfc3339(951_782_400_123), "2000-02-29T00:00:00.123Z");
        assert_eq!(format_rfc3339(-1), "1969-12-31T23:59:59.999Z");
        assert_eq!(format_date(1_490_918_400_000), "2017-03-31");
    }

    // Seconds and milliseconds are told apart by magnitude; nonsense is refused, not clamped.
    #[test]
    fn unix_seconds_and_millis() {
        assert_eq!(unix_to_millis(1_490_918_400.0), Some(1_490_918_400_000));
        assert_eq!(unix_to_millis(1_490_918_400_000.0), Some(1_490_918_400_000));
        assert_eq!(unix_to_millis(-1.5), Some(-1500));
        assert_eq!(unix_to_millis(f64::NAN), None);
        assert_eq!(unix_to_millis(f64::INFINITY), None);
        assert_eq!(unix_to_millis(1e300), None);
        assert_eq!(unix_to_millis(8.64e15), Some(MAX_EPOCH_MS));
    }
}
