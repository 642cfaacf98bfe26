//! Date transforms: ISO 8601, Unix seconds or milliseconds, and a strftime-like pattern (`%d/%m/%Y %H:%M`).

use serde_json::Value;

use crate::model::Timestamp;
use crate::source::date::{from_epoch_ms, from_unix, parse_iso8601};
use crate::source::error::SourceError;

/// Read `v` as a date in `format` (`auto`, `iso`, `unix`, `unix_ms` or a `%` pattern). Blank strings are absent.
pub fn parse_date(v: &Value, format: &str, path: &str) -> Result<Option<Timestamp>, SourceError> {
    if let Value::String(s) = v {
        if s.trim().is_empty() {
            return Ok(None);
        }
    }
    let number = || -> Result<f64, SourceError> {
        match v {
            Value::Number(n) => n
                .as_f64()
                .ok_or_else(|| SourceError::bad(path, format!("{n} is out of range"))),
            Value::String(s) => s
                .trim()
                .parse::<f64>()
                .map_err(|_| SourceError::bad(path, format!("\"{s}\" is not a Unix time"))),
            other => Err(SourceError::wrong(path, "a number", other)),
        }
    };
    let epoch = |ms: f64| -> Result<Option<Timestamp>, SourceError> {
        if ms.is_finite() && ms.abs() <= 8.64e15 {
            Ok(Some(from_epoch_ms(ms as i64)))
        } else {
            Err(SourceError::bad(path, format!("{ms} ms is out of range")))
        }
    };
    match format {
        "unix" => epoch(number()? * 1000.0),
        "unix_ms" => epoch(number()?),
        "auto" | "iso" => match v {
            Value::String(s) => parse_iso8601(s).map(Some).ok_or_else(|| {
                SourceError::bad(
                    path,
                    format!("\"{s}\" is not an ISO 8601 date (like 2017-03-31T14:05:00Z)"),
                )
            }),
            Value::Number(n) if format == "auto" => n
                .as_f64()
                .and_then(from_unix)
                .map(Some)
                .ok_or_else(|| SourceError::bad(path, format!("{n} is out of range"))),
            other => Err(SourceError::wrong(path, "a date string", other)),
        },
        pattern if pattern.contains('%') => match v {
            Value::String(s) => strptime(s.trim(), pattern)
                .and_then(|iso| parse_iso8601(&iso))
                .map(Some)
                .ok_or_else(|| {
                    SourceError::bad(
                        path,
                        format!("\"{s}\" does not match the date format \"{pattern}\""),
                    )
                }),
            other => Err(SourceError::wrong(path, "a date string", other)),
        },
        other => Err(SourceError::BadMapping {
            reason: format!(
                "the date format \"{other}\" is not iso, unix, unix_ms, auto or a %-pattern"
            ),
        }),
    }
}

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// Match `s` against a strftime-like pattern and write the moment as ISO 8601 (UTC offset kept).
/// Directives: `%Y %y %m %d %e %H %I %M %S %f %p %b %B %a %A %z %Z %T %%`.
fn strptime(s: &str, pattern: &str) -> Option<String> {
    let (mut y, mut mo, mut d, mut h, mut mi, mut sec) = (None, None, None, 0_u32, 0_u32, 0_u32);
    let mut frac = String::new();
    let mut pm = None;
    let mut zone = String::from("Z");
    let mut has_time = false;
    let mut s = s;
    let mut p = pattern.chars().peekable();
    let digits = |s: &mut &str, max: usize| -> Option<u32> {
        let t = s.trim_start_matches(' ');
        let n = t.chars().take(max).take_while(char::is_ascii_digit).count();
        let v = t.get(..n)?.parse().ok()?;
        *s = &t[n..];
        Some(v)
    };
    let word = |s: &mut &str| -> String {
        let n = s
            .chars()
            .take_while(|c| c.is_alphabetic())
            .map(char::len_utf8)
            .sum();
        let w = s[..n].to_lowercase();
        *s = &s[n..];
        w
    };
    while let Some(c) = p.next() {
        if c != '%' {
            if c.is_whitespace() {
                s = s.trim_start();
            } else {
                s = s.strip_prefix(c)?;
            }
            continue;
        }
        match p.next()? {
            'Y' => y = Some(digits(&mut s, 4)?),
            'y' => y = Some(2000 + digits(&mut s, 2)?),
            'm' => mo = Some(digits(&mut s, 2)?),
            'd' | 'e' => d = Some(digits(&mut s, 2)?),
            'H' | 'I' => (h, has_time) = (digits(&mut s, 2)?, true),
            'M' => mi = digits(&mut s, 2)?,
            'S' => sec = digits(&mut s, 2)?,
            'T' => {
                h = digits(&mut s, 2)?;
                s = s.strip_prefix(':')?;
                mi = digits(&mut s, 2)?;
                s = s.strip_prefix(':')?;
                sec = digits(&mut s, 2)?;
                has_time = true;
            }
            'f' => {
                let n = s.chars().take_while(char::is_ascii_digit).count();
                frac = s[..n].to_string();
                s = &s[n..];
            }
            'p' => pm = Some(word(&mut s) == "pm"),
            'b' | 'B' => {
                let w = word(&mut s);
                mo = Some(MONTHS.iter().position(|m| w.starts_with(m))? as u32 + 1);
            }
            'a' | 'A' => {
                word(&mut s);
            }
            'z' | 'Z' => {
                let t = s.trim_start();
                if let Some(rest) = t.strip_prefix('Z') {
                    s = rest;
                } else if t.starts_with(['+', '-']) {
                    let sign = &t[..1];
                    let mut r = &t[1..];
                    let hh = digits(&mut r, 2)?;
                    r = r.strip_prefix(':').unwrap_or(r);
                    let mm = digits(&mut r, 2).unwrap_or(0);
                    zone = format!("{sign}{hh:02}:{mm:02}");
                    s = r;
                } else {
                    let w = word(&mut s);
                    if !matches!(w.as_str(), "utc" | "gmt") {
                        return None;
                    }
                }
            }
            '%' => s = s.strip_prefix('%')?,
            _ => return None,
        }
    }
    if !s.trim().is_empty() {
        return None;
    }
    match pm {
        Some(true) if h < 12 => h += 12,
        Some(false) if h == 12 => h = 0,
        _ => {}
    }
    let (y, mo, d) = (y?, mo?, d.unwrap_or(1));
    if !has_time && mi == 0 && sec == 0 {
        return Some(format!("{y:04}-{mo:02}-{d:02}"));
    }
    let frac = if frac.is_empty() {
        String::new()
    } else {
        format!(".{frac}")
    };
    Some(format!(
        "{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}:{sec:02}{frac}{zone}"
    ))
}

#[cfg(test)]
mod tests;
