//! Dates on the server: the clock, and reading the date forms of Folio JSON seed files.
//!
//! Dates are kept as Unix milliseconds (UTC) in the database so that ordering is a plain integer comparison,
//! whatever offset or precision the seed files used. Parsing and RFC 3339 formatting are the workspace crate
//! `folio-time`, the same code the widget reads dates with, so the two sides cannot disagree about a date.

use std::time::{SystemTime, UNIX_EPOCH};

pub use folio_time::format_rfc3339;

/// The current time in Unix milliseconds.
pub fn now_millis() -> i64 {
    // A clock before 1970 is a broken machine; 0 keeps the server up instead of panicking.
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
        .unwrap_or(0)
}

/// Reads a Folio date: an ISO 8601 string (`2017-03-31`, `2017-03-31T14:05:00Z`, `2017-03-31T14:05:00.25-05:00`;
/// a date alone is midnight UTC) or a number of Unix seconds (milliseconds from 10^11 on, as the widget reads
/// them). `None` when it is neither.
pub fn parse_date(value: &serde_json::Value) -> Option<i64> {
    match value {
        serde_json::Value::Number(n) => folio_time::unix_to_millis(n.as_f64()?),
        serde_json::Value::String(s) => parse_iso8601(s),
        _ => None,
    }
}

/// Unix milliseconds of an ISO 8601 date or date-time (see [`folio_time::parse_iso8601`]).
pub fn parse_iso8601(s: &str) -> Option<i64> {
    folio_time::parse_iso8601(s).map(|p| p.epoch_ms)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    // Strings and numbers name the same instant; the crate's own tests cover every written form.
    #[test]
    fn reads_strings_and_unix_seconds() {
        let utc = parse_date(&json!("2017-03-31T14:05:00Z"));
        assert_eq!(
            utc.map(format_rfc3339).as_deref(),
            Some("2017-03-31T14:05:00Z")
        );
        assert_eq!(parse_date(&json!(1_490_969_100)), utc);
        assert_eq!(parse_date(&json!(" 2017-03-31 ")), Some(1_490_918_400_000));
    }

    #[test]
    fn rejects_nonsense() {
        assert_eq!(parse_date(&json!(true)), None);
        assert_eq!(parse_date(&json!(1e300)), None);
        assert_eq!(parse_date(&json!("2017-02-30")), None);
        assert_eq!(parse_iso8601("2017-03-31T10:00Zjunk"), None);
        assert!(now_millis() > 1_600_000_000_000);
    }
}
