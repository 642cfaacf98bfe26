use yew::prelude::*;

use crate::components::common::reader_locale;
use crate::hooks::{use_lang, use_phase};
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

/// Props of [`RelativeTime`].
#[derive(Properties, PartialEq)]
pub struct RelativeTimeProps {
    /// The moment.
    pub at: Timestamp,
}

/// `<time datetime="ISO 8601" title="exact date">3 hours ago</time>`: relative for reading, exact on hover and for
/// machines.
#[component]
pub fn RelativeTime(props: &RelativeTimeProps) -> Html {
    let lang = use_lang();
    let _ = use_phase(); // relative once a hydrated page reads the clock and `Intl` again
    let locale = reader_locale(lang.code());
    let now = platform::now_ms();
    // A calendar date without a time reads as that date (in UTC, see `format_date`); anything else is relative.
    let (text, exact) = if props.at.date_only {
        let d = format_date(&props.at, &locale, false);
        (d.clone(), d)
    } else {
        let exact = format_exact(&props.at, &locale);
        let relative = format_relative(&props.at, now, &locale);
        (
            if relative.is_empty() {
                exact.clone()
            } else {
                relative
            },
            exact,
        )
    };
    html! { <time datetime={props.at.iso.to_string()} title={exact}>{ text }</time> }
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
