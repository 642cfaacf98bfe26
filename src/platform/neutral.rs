//! The answers where there is no page and no reader: what a server renders with (`native`), and what the browser
//! answers while it takes a server's markup over (hydration, see `browser`), so both draw the same first render.
//! Dates are ISO 8601 in UTC, which every reader and crawler can read and which a cached page never gets wrong (a
//! server-rendered "3 hours ago" would be stale the moment it is stored).

use crate::model::Timestamp;

/// `2017-03-31`, or `2026-02-14 03:00 UTC` with the time.
pub fn format_date(t: &Timestamp, with_time: bool) -> String {
    if with_time && !t.date_only {
        format_exact(t)
    } else {
        folio_time::format_date(t.epoch_ms)
    }
}

/// `2026-02-14 03:00 UTC`.
pub fn format_exact(t: &Timestamp) -> String {
    let rfc = folio_time::format_rfc3339(t.epoch_ms - t.epoch_ms.rem_euclid(60_000));
    // `2026-02-14T03:00:00Z` → `2026-02-14 03:00 UTC`.
    match (rfc.get(..10), rfc.get(11..16)) {
        (Some(day), Some(time)) => format!("{day} {time} UTC"),
        _ => rfc,
    }
}
