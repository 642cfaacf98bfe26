//! Dates: reading the forms the Folio JSON format allows, writing RFC 3339 UTC.
//!
//! Dates are kept as Unix milliseconds (UTC) in the database so that ordering is a plain integer
//! comparison, whatever offset or precision the seed files used. The civil-date arithmetic is
//! Howard Hinnant's well-known days-from-civil algorithm; it is small enough that pulling in a
//! date crate for it is not worth the build time.

use std::time::{SystemTime, UNIX_EPOCH};

const MS_PER_DAY: i64 = 86_400_000;
/// Unix seconds beyond this (year 5138) are treated as nonsense rather than overflow risks.
const MAX_UNIX_SECONDS: f64 = 1e11;

/// The current time in Unix milliseconds.
pub fn now_millis() -> i64 {
    // A clock before 1970 is a broken machine; 0 keeps the server up instead of panicking.
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
        .unwrap_or(0)
}

/// Formats Unix milliseconds as RFC 3339 in UTC: `2024-01-31T09:05:00Z`, with `.mmm` only when
/// the milliseconds are not zero.
pub fn format_rfc3339(ms: i64) -> String {
    let days = ms.div_euclid(MS_PER_DAY);
    let rem = ms.rem_euclid(MS_PER_DAY);
    let (y, m, d) = civil_from_days(days);
    let (h, min, s, milli) = (
        rem / 3_600_000,
        rem / 60_000 % 60,
        rem / 1000 % 60,
        rem % 1000,
    );
    if milli == 0 {
        format!("{y:04}-{m:02}-{d:02}T{h:02}:{min:02}:{s:02}Z")
    } else {
        format!("{y:04}-{m:02}-{d:02}T{h:02}:{min:02}:{s:02}.{milli:03}Z")
    }
}

/// Reads a Folio date: an ISO 8601 string (`2017-03-31`, `2017-03-31T14:05:00Z`,
/// `2017-03-31T14:05:00.25-05:00`) or a number of Unix seconds. `None` when it is neither.
pub fn parse_date(value: &serde_json::Value) -> Option<i64> {
    match value {
        serde_json::Value::Number(n) => {
            let secs = n.as_f64()?;
            if !secs.is_finite() || secs.abs() > MAX_UNIX_SECONDS {
                return None;
            }
            // The range check above makes this cast lossless enough and overflow-free.
            Some((secs * 1000.0).round() as i64)
        }
        serde_json::Value::String(s) => parse_iso8601(s.trim()),
        _ => None,
    }
}

/// Parses the ISO 8601 profile above. A date alone means midnight UTC; a time without an offset
/// is taken as UTC, since the server has no better guess.
pub fn parse_iso8601(s: &str) -> Option<i64> {
    let mut p = Cursor {
        bytes: s.as_bytes(),
        pos: 0,
    };
    let year = p.digits(4)?;
    p.expect(b'-')?;
    let month = p.digits(2)?;
    p.expect(b'-')?;
    let day = p.digits(2)?;
    if !(1..=12).contains(&month) || day < 1 || day > days_in_month(year, month) {
        return None;
    }
    let mut ms = days_from_civil(year, month, day) * MS_PER_DAY;
    if p.done() {
        return Some(ms);
    }
    match p.next()? {
        b'T' | b't' | b' ' => {}
        _ => return None,
    }
    let hour = p.digits(2)?;
    p.expect(b':')?;
    let minute = p.digits(2)?;
    let mut second = 0;
    let mut milli = 0;
    if p.peek() == Some(b':') {
        p.pos += 1;
        second = p.digits(2)?;
        if p.peek() == Some(b'.') || p.peek() == Some(b',') {
            p.pos += 1;
            milli = p.fraction_millis()?;
        }
    }
    // 60 is a leap second: fold it into the last ordinary second instead of rejecting the date.
    if hour > 23 || minute > 59 || second > 60 {
        return None;
    }
    ms += ((hour * 60 + minute) * 60 + second.min(59)) * 1000 + milli;
    let offset_minutes = match p.next() {
        None => 0,
        Some(b'Z') | Some(b'z') => 0,
        Some(sign @ (b'+' | b'-')) => {
            let oh = p.digits(2)?;
            if p.peek() == Some(b':') {
                p.pos += 1;
            }
            let om = p.digits(2)?;
            if oh > 23 || om > 59 {
                return None;
            }
            let total = oh * 60 + om;
            if sign == b'-' {
                -total
            } else {
                total
            }
        }
        Some(_) => return None,
    };
    if !p.done() {
        return None;
    }
    // Local time = UTC + offset, so UTC = local - offset.
    Some(ms - offset_minutes * 60_000)
}

/// A tiny byte cursor for the parser above.
struct Cursor<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl Cursor<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn next(&mut self) -> Option<u8> {
        let b = self.peek()?;
        self.pos += 1;
        Some(b)
    }

    fn done(&self) -> bool {
        self.pos >= self.bytes.len()
    }

    fn expect(&mut self, want: u8) -> Option<()> {
        (self.next()? == want).then_some(())
    }

    fn digits(&mut self, count: usize) -> Option<i64> {
        let mut value = 0i64;
        for _ in 0..count {
            let b = self.next()?;
            if !b.is_ascii_digit() {
                return None;
            }
            value = value * 10 + i64::from(b - b'0');
        }
        Some(value)
    }

    /// Reads one or more fraction digits and returns milliseconds, truncating extra precision.
    fn fraction_millis(&mut self) -> Option<i64> {
        let start = self.pos;
        let mut millis = 0i64;
        while let Some(b) = self.peek().filter(u8::is_ascii_digit) {
            let place = self.pos - start;
            if place < 3 {
                millis += i64::from(b - b'0') * [100, 10, 1][place];
            }
            self.pos += 1;
        }
        (self.pos > start).then_some(millis)
    }
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

/// Days since 1970-01-01 of a proleptic Gregorian date.
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
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn formats_epoch_and_millis() {
        assert_eq!(format_rfc3339(0), "1970-01-01T00:00:00Z");
        assert_eq!(format_rfc3339(951_782_400_123), "2000-02-29T00:00:00.123Z");
    }

    #[test]
    fn parses_every_documented_form() {
        let utc = parse_iso8601("2017-03-31T14:05:00Z");
        assert_eq!(
            utc.map(format_rfc3339).as_deref(),
            Some("2017-03-31T14:05:00Z")
        );
        let offset = parse_iso8601("2017-03-31T14:05:00-05:00");
        assert_eq!(
            offset.map(format_rfc3339).as_deref(),
            Some("2017-03-31T19:05:00Z")
        );
        let date = parse_iso8601("2017-03-31");
        assert_eq!(
            date.map(format_rfc3339).as_deref(),
            Some("2017-03-31T00:00:00Z")
        );
        let frac = parse_iso8601("2017-03-31T14:05:00.25+0130");
        assert_eq!(
            frac.map(format_rfc3339).as_deref(),
            Some("2017-03-31T12:35:00.250Z")
        );
        assert_eq!(parse_date(&json!(1_490_969_100)), utc);
    }

    #[test]
    fn rejects_nonsense() {
        for bad in [
            "",
            "2017",
            "2017-13-01",
            "2017-02-30",
            "2017-03-31T25:00",
            "2017-03-31Tx",
            "2017-03-31T10:00Zjunk",
        ] {
            assert_eq!(parse_iso8601(bad), None, "{bad}");
        }
        assert_eq!(parse_date(&json!(true)), None);
        assert_eq!(parse_date(&json!(1e300)), None);
    }

    #[test]
    fn round_trips_through_days() {
        for days in [-800_000, -1, 0, 1, 11_016, 2_932_896] {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y, m, d), days);
        }
    }
}
