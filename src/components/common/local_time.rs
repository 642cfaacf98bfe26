use wasm_bindgen::JsValue;
use yew::prelude::*;

use crate::hooks::use_lang;
use crate::model::Timestamp;

/// Format a timestamp for `locale` with the browser's `Intl` (no locale data in the wasm). A date without a
/// time of day is formatted in UTC, or a reader west of Greenwich would see the day before.
pub fn format_date(t: &Timestamp, locale: &str, with_time: bool) -> String {
    let options = js_sys::Object::new();
    let set = |k: &str, v: &str| {
        let _ = js_sys::Reflect::set(&options, &JsValue::from_str(k), &JsValue::from_str(v));
    };
    set("dateStyle", "long");
    if with_time && !t.date_only {
        set("timeStyle", "short");
    }
    if t.date_only {
        set("timeZone", "UTC");
    }
    let date = js_sys::Date::new(&JsValue::from_f64(t.epoch_ms as f64));
    String::from(date.to_locale_string(locale, &options))
}

/// The reader's own regional locale when it matches the interface language (`en-GB` writes "31 March 2017"),
/// else the language alone.
pub fn reader_locale(lang: &str) -> String {
    let preferred = web_sys::window()
        .and_then(|w| w.navigator().language())
        .unwrap_or_default();
    let primary = preferred.split('-').next().unwrap_or("");
    if primary.eq_ignore_ascii_case(lang) {
        preferred
    } else {
        lang.to_string()
    }
}

/// Props of [`LocalTime`].
#[derive(Properties, PartialEq)]
pub struct LocalTimeProps {
    /// The moment.
    pub at: Timestamp,
    /// Show the time of day too.
    #[prop_or_default]
    pub with_time: bool,
}

/// `<time datetime="ISO 8601">` showing the date in the interface language's locale.
#[component]
pub fn LocalTime(props: &LocalTimeProps) -> Html {
    let lang = use_lang();
    let text = format_date(&props.at, &reader_locale(lang.code()), props.with_time);
    html! { <time datetime={props.at.iso.to_string()}>{ text }</time> }
}
