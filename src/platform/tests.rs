use super::*;
use crate::model::Timestamp;

fn at(ms: i64, date_only: bool) -> Timestamp {
    Timestamp {
        epoch_ms: ms,
        iso: folio_time::format_rfc3339(ms).into(),
        date_only,
    }
}

// Natively dates are ISO 8601 in UTC, to the minute, whatever the locale.
#[test]
fn native_dates_are_utc_iso() {
    let t = at(1_771_038_045_500, false); // 2026-02-14T03:00:45.5Z
    assert_eq!(format_exact(&t, "en-GB"), "2026-02-14 03:00 UTC");
    assert_eq!(format_date(&t, "de", true), "2026-02-14 03:00 UTC");
    assert_eq!(format_date(&t, "de", false), "2026-02-14");
    assert_eq!(
        format_date(&at(1_490_918_400_000, true), "en", true),
        "2017-03-31"
    );
}

// No page, no reader, no storage on a server.
#[test]
fn native_has_no_page() {
    storage_set("k", "v");
    assert_eq!(storage_get("k"), None);
    assert_eq!(page_url(), None);
    assert!(reader_languages().is_empty());
    assert!(now_ms() > 1_700_000_000_000);
}
