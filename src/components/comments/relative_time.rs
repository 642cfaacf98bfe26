use yew::prelude::*;

use crate::model::Timestamp;
use crate::platform::{self, format_date, format_exact};

/// The value and unit `Intl.RelativeTimeFormat` is given for a moment `delta_ms` away (negative: in the past): the
/// largest unit that is at least one, with the number rounded toward now, so "59 minutes" never reads "1 hour".
pub fn relative_parts(delta_ms: i64) -> (f64, &'static str) {
    const UNITS: [(i64, &str); 6] = [
        (365 * 24 * 3_600_000, "year"),
        (30 * 24 * 3_600_000, "month"),
        (7 * 24 * 3_600_000, "week"),
        (24 * 3_600_000, "day"),
        (3_600_000, "hour"),
        (60_000, "minute"),
    ];
    let size = delta_ms.unsigned_abs();
    for (unit_ms, name) in UNITS {
        if size >= unit_ms as u64 {
            return ((delta_ms / unit_ms) as f64, name);
        }
    }
    // Under a minute reads "now" (numeric: "auto" turns 0 seconds into "now").
    (0.0, "second")
}

/// "3 hours ago" in `locale`: empty where nothing can say it (server rendering, see [`platform`]).
pub fn format_relative(t: &Timestamp, now_ms: i64, locale: &str) -> String {
    let (value, unit) = relative_parts(t.epoch_ms - now_ms);
    platform::format_relative(value, unit, locale)
}

/// A moment as `<time datetime title>`: "3 hours ago" in `locale` (from
/// [`reader_locale`](crate::components::common::reader_locale)), the exact date and time
/// in its title; a date without a time of day is shown as that date. A view function: the component that calls it
/// subscribes to the platform's phase (`use_phase`), so that a hydrated page reads the clock and `Intl` again.
pub fn relative_time(at: &Timestamp, locale: &str) -> Html {
    // A calendar date without a time reads as that date (in UTC, see `format_date`); anything else is relative.
    let (text, exact) = if at.date_only {
        let d = format_date(at, locale, false);
        (d.clone(), d)
    } else {
        let exact = format_exact(at, locale);
        let relative = format_relative(at, platform::now_ms(), locale);
        (
            if relative.is_empty() {
                exact.clone()
            } else {
                relative
            },
            exact,
        )
    };
    html! { <time datetime={at.iso.to_string()} title={exact}>{ text }</time> }
}

#[cfg(test)]
mod tests {
    use super::relative_parts;

    // The largest whole unit is chosen, rounded toward now; under a minute is "now"; the future is positive.
    #[test]
    fn units() {
        assert_eq!(relative_parts(-30_000), (0.0, "second"));
        assert_eq!(relative_parts(-59 * 60_000), (-59.0, "minute"));
        assert_eq!(relative_parts(-3 * 3_600_000 - 5), (-3.0, "hour"));
        assert_eq!(relative_parts(-25 * 3_600_000), (-1.0, "day"));
        assert_eq!(relative_parts(-400 * 24 * 3_600_000), (-1.0, "year"));
        assert_eq!(relative_parts(2 * 3_600_000), (2.0, "hour"));
    }
}
