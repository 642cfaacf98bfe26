//! Dates as APIs send them: ISO 8601 / RFC 3339 strings, or Unix seconds or milliseconds as numbers.
//!
//! Written here rather than pulling in `chrono` or `time`: parsing is all Folio needs (the browser's `Intl`
//! formats for the reader), and every kilobyte of wasm counts.

use std::rc::Rc;

use crate::model::Timestamp;

/// Parse an ISO 8601 date (`2017-03-31`), date-time (`2017-03-31T14:05:00Z`, `...+02:00`, `... 14:05:00`,
/// fractional seconds) into a timestamp. Returns `None` for anything else or out-of-range values.
pub fn parse_iso8601(text: &str) -> Option<Timestamp> {
    let s = text.trim();
    let b = s.as_bytes();
    if b.len() < 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let year = digits(&b[0..4])?;
    let month = digits(&b[5..7])?;
    let day = digits(&b[8..10])?;
    if !(1..=12).contains(&month) || day < 1 || day > days_in_month(year, month) {
        return None;
    }
    let days = days_from_civil(year, month, day);
    if b.len() == 10 {
        let iso = format!("{year:04}-{month:02}-{day:02}");
        return Some(Timestamp {
            epoch_ms: days * 86_400_000,
            iso: Rc::from(iso),
            date_only: true,
        });
    }
    if !matches!(b[10], b'T' | b't' | b' ') || b.len() < 16 || b[13] != b':' {
        return None;
    }
    let hour = digits(&b[11..13])?;
    let minute = digits(&b[14..16])?;
    let mut i = 16;
    let mut second = 0;
    let mut millis = 0;
    if b.get(i) == Some(&b':') {
        second = digits(b.get(i + 1..i + 3)?)?;
        i += 3;
        if matches!(b.get(i), Some(b'.') | Some(b',')) {
            i += 1;
            let start = i;
            while b.get(i).is_some_and(u8::is_ascii_digit) {
                i += 1;
            }
            if i == start {
                return None;
            }
            // Keep milliseconds; finer digits are beyond what a reader sees.
            let frac = &s[start..i.min(start + 3)];
            millis = frac.parse::<i64>().ok()? * 10_i64.pow(3 - frac.len() as u32);
        }
    }
    if hour > 23 || minute > 59 || second > 60 {
        return None;
    }
    let offset_minutes = match &b[i..] {
        [] => 0, // No zone: read as UTC, the least surprising guess for an API.
        [b'Z' | b'z'] => 0,
        [sign @ (b'+' | b'-'), h1, h2, rest @ ..] => {
            let oh = digits(&[*h1, *h2])?;
            let om = match rest {
                [] => 0,
                [b':', m1, m2] | [m1, m2] => digits(&[*m1, *m2])?,
                _ => return None,
            };
            if oh > 23 || om > 59 {
                return None;
            }
            let total = oh * 60 + om;
            if *sign == b'-' {
                -total
            } else {
                total
            }
        }
        _ => return None,
    };
    let epoch_ms = ((days * 24 + hour) * 60 + minute - offset_minutes) * 60_000
        + second.min(59) * 1000
        + millis;
    Some(from_epoch_ms_inner(epoch_ms, false))
}

/// A timestamp from Unix time. Numbers above 10^11 are taken as milliseconds (10^11 seconds is the year 5138,
/// while 10^11 milliseconds is 1973), which is how APIs that mix the two are told apart.
pub fn from_unix(value: f64) -> Option<Timestamp> {
    if !value.is_finite() {
        return None;
    }
    let ms = if value.abs() >= 1e11 {
        value
    } else {
        value * 1000.0
    };
    // The range of ECMAScript dates: beyond it `Intl` throws.
    if ms.abs() > 8.64e15 {
        return None;
    }
    Some(from_epoch_ms_inner(ms as i64, false))
}

/// A timestamp for an exact millisecond count (for dates Folio makes itself, like "now").
pub fn from_epoch_ms(epoch_ms: i64) -> Timestamp {
    from_epoch_ms_inner(
        epoch_ms.clamp(-8_640_000_000_000_000, 8_640_000_000_000_000),
        false,
    )
}

fn from_epoch_ms_inner(epoch_ms: i64, date_only: bool) -> Timestamp {
    let days = epoch_ms.div_euclid(86_400_000);
    let rem = epoch_ms.rem_euclid(86_400_000);
    let (y, m, d) = civil_from_days(days);
    let (h, min, s, ms) = (
        rem / 3_600_000,
        rem / 60_000 % 60,
        rem / 1000 % 60,
        rem % 1000,
    );
    let iso = if ms == 0 {
        format!("{y:04}-{m:02}-{d:02}T{h:02}:{min:02}:{s:02}Z")
    } else {
        format!("{y:04}-{m:02}-{d:02}T{h:02}:{min:02}:{s:02}.{ms:03}Z")
    };
    Timestamp {
        epoch_ms,
        iso: Rc::from(iso),
        date_only,
    }
}

fn digits(b: &[u8]) -> Option<i64> {
    if b.is_empty() || !b.iter().all(u8::is_ascii_digit) {
        return None;
    }
    Some(b.iter().fold(0, |n, d| n * 10 + i64::from(d - b'0')))
}

fn is_leap(y: i64) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

fn days_in_month(y: i64, m: i64) -> i64 {
    match m {
        2 if is_leap(y) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's `days_from_civil`).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The inverse of [`days_from_civil`].
fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(m <= 2), m, d)
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
