//! The answers outside a browser, for server rendering (see the module above). There is no page, no reader and no
//! storage; dates are ISO 8601 in UTC, which every reader and crawler can read and which a cached page never gets
//! wrong (a server-rendered "3 hours ago" would be stale the moment it is stored).

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

/// `2017-03-31`, or `2026-02-14 03:00 UTC` with the time.
pub fn format_date(t: &Timestamp, _locale: &str, with_time: bool) -> String {
    if with_time && !t.date_only {
        format_exact(t, _locale)
    } else {
        folio_time::format_date(t.epoch_ms)
    }
}

/// `2026-02-14 03:00 UTC`.
pub fn format_exact(t: &Timestamp, _locale: &str) -> String {
    let rfc = folio_time::format_rfc3339(t.epoch_ms - t.epoch_ms.rem_euclid(60_000));
    // `2026-02-14T03:00:00Z` → `2026-02-14 03:00 UTC`.
    format!("{} {} UTC", &rfc[..10], &rfc[11..16])
}

/// Natively a relative time is not written (it would be stale in any cache): callers show the exact date.
pub fn format_relative(_value: f64, _unit: &str, _locale: &str) -> String {
    String::new()
}
