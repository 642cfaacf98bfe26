//! Reading ISO 8601 / RFC 3339 dates and date-times.

use crate::civil::{days_from_civil, days_in_month};
use crate::MS_PER_DAY;

/// A parsed date: the instant, and whether the text named a calendar day only (no time of day was given, so none
/// should be shown).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Parsed {
    /// Unix milliseconds, UTC; midnight UTC for a date alone.
    pub epoch_ms: i64,
    /// The text was a date without a time (`2017-03-31`).
    pub date_only: bool,
}

/// Parses an ISO 8601 date (`2017-03-31`) or date-time (`2017-03-31T14:05:00Z`, `…+02:00`, `…-0500`, `…+02`,
/// `2017-03-31 14:05`, fractional seconds), ignoring surrounding whitespace. A time without an offset is read as
/// UTC, the least surprising guess for an API; a leap second (`:60`) is folded into the second before it; digits
/// finer than milliseconds are dropped. `None` for anything else or impossible values (`2017-02-30`, `25:00`).
pub fn parse_iso8601(text: &str) -> Option<Parsed> {
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
        return Some(Parsed {
            epoch_ms: days * MS_PER_DAY,
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
            let frac = &b[start..i.min(start + 3)];
            millis = digits(frac)? * [100, 10, 1][frac.len() - 1];
        }
    }
    if hour > 23 || minute > 59 || second > 60 {
        return None;
    }
    let offset_minutes = offset_minutes(&b[i..])?;
    // Local time = UTC + offset, so UTC = local - offset.
    let epoch_ms = ((days * 24 + hour) * 60 + minute - offset_minutes) * 60_000
        + second.min(59) * 1000
        + millis;
    Some(Parsed {
        epoch_ms,
        date_only: false,
    })
}

/// The zone after the time, in minutes east of UTC: nothing or `Z` (UTC), `±hh`, `±hhmm` or `±hh:mm`.
fn offset_minutes(zone: &[u8]) -> Option<i64> {
    match zone {
        [] | [b'Z' | b'z'] => Some(0),
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
            Some(if *sign == b'-' { -total } else { total })
        }
        _ => None,
    }
}

/// A run of ASCII digits as a number; `None` when empty or when anything else is in it.
fn digits(b: &[u8]) -> Option<i64> {
    if b.is_empty() || !b.iter().all(u8::is_ascii_digit) {
        return None;
    }
    Some(b.iter().fold(0, |n, d| n * 10 + i64::from(d - b'0')))
}

#[cfg(test)]
mod tests;
