use std::cell::RefCell;

use wasm_bindgen::JsValue;
use yew::prelude::*;

use crate::components::common::{format_date, reader_locale};
use crate::hooks::use_lang;
use crate::model::Timestamp;

thread_local! {
    /// One formatter per locale: building an `Intl.RelativeTimeFormat` costs far more than using one, and a long
    /// thread formats thousands of dates.
    static FORMATTER: RefCell<Option<(String, js_sys::Intl::RelativeTimeFormat)>> = const { RefCell::new(None) };
    /// The same for the exact date in the tooltip (`dateStyle: long, timeStyle: short`).
    static EXACT: RefCell<Option<(String, js_sys::Function)>> = const { RefCell::new(None) };
}

/// "14 February 2026 at 03:00" in `locale`, from one cached `Intl.DateTimeFormat`.
fn format_exact(t: &Timestamp, locale: &str) -> String {
    EXACT.with(|cell| {
        let mut cell = cell.borrow_mut();
        if cell.as_ref().map(|(l, _)| l.as_str()) != Some(locale) {
            let options = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&options, &"dateStyle".into(), &"long".into());
            let _ = js_sys::Reflect::set(&options, &"timeStyle".into(), &"short".into());
            let locales = js_sys::Array::of1(&JsValue::from_str(locale));
            let f = js_sys::Intl::DateTimeFormat::new(&locales, &options).format();
            *cell = Some((locale.to_string(), f));
        }
        let date = js_sys::Date::new(&JsValue::from_f64(t.epoch_ms as f64));
        cell.as_ref()
            .and_then(|(_, f)| f.call1(&JsValue::NULL, &date).ok())
            .and_then(|v| v.as_string())
            .unwrap_or_default()
    })
}

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

/// "3 hours ago" in `locale`, from the browser's `Intl.RelativeTimeFormat`.
pub fn format_relative(t: &Timestamp, now_ms: i64, locale: &str) -> String {
    let (value, unit) = relative_parts(t.epoch_ms - now_ms);
    FORMATTER.with(|cell| {
        let mut cell = cell.borrow_mut();
        if cell.as_ref().map(|(l, _)| l.as_str()) != Some(locale) {
            let options = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&options, &"numeric".into(), &"auto".into());
            let locales = js_sys::Array::of1(&JsValue::from_str(locale));
            *cell = Some((
                locale.to_string(),
                js_sys::Intl::RelativeTimeFormat::new(&locales, &options),
            ));
        }
        cell.as_ref()
            .map(|(_, f)| String::from(f.format(value, unit)))
            .unwrap_or_default()
    })
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
    let locale = reader_locale(lang.code());
    let now = js_sys::Date::now() as i64;
    // A calendar date without a time reads as that date (in UTC, see `format_date`); anything else is relative.
    let (text, exact) = if props.at.date_only {
        let d = format_date(&props.at, &locale, false);
        (d.clone(), d)
    } else {
        (
            format_relative(&props.at, now, &locale),
            format_exact(&props.at, &locale),
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
