//! Date transforms: ISO 8601, Unix seconds or milliseconds, and a strftime-like pattern (`%d/%m/%Y %H:%M`, read
//! by [`strptime`](mod@strptime)).

mod strptime;

use serde_json::Value;

use crate::model::Timestamp;
use crate::source::date::{from_epoch_ms, from_unix, parse_iso8601};
use crate::source::error::SourceError;
use strptime::strptime;

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
            // serde_json's number parser, already in the module, instead of `str::parse::<f64>` and its tables.
            Value::String(s) => s
                .trim()
                .parse::<serde_json::Number>()
                .ok()
                .and_then(|n| n.as_f64())
                .ok_or_else(|| SourceError::bad(path, format!("\"{s}\" is not a Unix time"))),
            other => Err(SourceError::wrong(path, "a number", other)),
        }
    };
    let epoch = |ms: f64| -> Result<Option<Timestamp>, SourceError> {
        if ms.is_finite() && ms.abs() <= 8.64e15 {
            Ok(Some(from_epoch_ms(ms as i64)))
        } else {
            // The value as given (no float formatting code for one message).
            Err(SourceError::bad(path, format!("{v} is out of range")))
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

#[cfg(test)]
mod tests;
