//! The answers outside a browser, for server rendering (see the module above). There is no page, no reader and no
//! storage; dates are ISO 8601 in UTC (`neutral`).

use crate::model::Timestamp;

/// No page.
pub fn page_url() -> Option<String> {
    None
}

/// No page.
pub fn page_hash() -> Option<String> {
    None
}

/// No page.
pub fn page_lang() -> Option<String> {
    None
}

/// No reader: the interface language comes from the configuration or the default.
pub fn reader_languages() -> Vec<String> {
    Vec::new()
}

/// No reader.
pub fn reader_language() -> Option<String> {
    None
}

/// Milliseconds since the Unix epoch, from the system clock.
pub fn now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or(0)
}

/// A server has no share sheet.
pub fn can_share() -> bool {
    false
}

/// Nothing is stored on a server.
pub fn storage_get(_key: &str) -> Option<String> {
    None
}

/// Nothing is stored on a server.
pub fn storage_set(_key: &str, _value: &str) {}

/// Nothing is stored on a server.
pub fn storage_remove(_key: &str) {}

/// `2017-03-31`, or `2026-02-14 03:00 UTC` with the time (the locale is not used: see `neutral`).
pub fn format_date(t: &Timestamp, _locale: &str, with_time: bool) -> String {
    super::neutral::format_date(t, with_time)
}

/// `2026-02-14 03:00 UTC`.
pub fn format_exact(t: &Timestamp, _locale: &str) -> String {
    super::neutral::format_exact(t)
}

/// Natively a relative time is not written (it would be stale in any cache): callers show the exact date.
pub fn format_relative(_value: f64, _unit: &str, _locale: &str) -> String {
    String::new()
}

/// A server never takes markup over: always `false`.
pub fn hydrating() -> bool {
    false
}

/// A server never takes markup over: nothing to end.
pub fn end_hydration() -> bool {
    false
}

/// A server never takes markup over: nothing to begin.
pub fn begin_hydration() {}
