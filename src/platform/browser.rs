//! The browser's answers (see the module above).
//!
//! While the SPA takes over a page a server rendered ([`begin_hydration`] … [`end_hydration`]), every read answers
//! as the server did (`neutral`: no page, no reader, nothing stored, ISO dates) and writes to storage are dropped:
//! the first render must equal the server's markup node for node, and the effects of that render must not write
//! the empty state it was drawn with over what the reader had stored. `Reader` ends the mode after its first
//! effects and draws again with the browser's answers (stored sort order, drafts, edit tokens, local dates).

use std::cell::{Cell, RefCell};

use wasm_bindgen::JsValue;

use crate::model::Timestamp;

thread_local! {
    /// One formatter per locale: building an `Intl.RelativeTimeFormat` costs far more than using one, and a long
    /// thread formats thousands of dates.
    static RELATIVE: RefCell<Option<(String, js_sys::Intl::RelativeTimeFormat)>> = const { RefCell::new(None) };
    /// The same for the exact date in the tooltip (`dateStyle: long, timeStyle: short`).
    static EXACT: RefCell<Option<(String, js_sys::Function)>> = const { RefCell::new(None) };
    /// Taking a server's markup over: answer as the server did.
    static HYDRATING: Cell<bool> = const { Cell::new(false) };
}

/// Answer as a server would until [`end_hydration`] (the SPA calls it before hydrating a rendered page).
pub fn begin_hydration() {
    HYDRATING.with(|h| h.set(true));
}

/// Answer from the browser again; `true` when hydration was under way (so the caller draws again).
pub fn end_hydration() -> bool {
    cfg!(feature = "hydration") && HYDRATING.with(|h| h.replace(false))
}

/// Whether reads answer as the server did (see the module comment).
pub fn hydrating() -> bool {
    // Without the feature (the embed's modules) nothing begins it: a constant, so the hydration-only paths drop out.
    cfg!(feature = "hydration") && HYDRATING.with(Cell::get)
}

/// `Some(())` when the browser may be asked: `live()?` ends a read with the neutral `None` while hydrating.
fn live() -> Option<()> {
    (!hydrating()).then_some(())
}

/// The host page's address.
pub fn page_url() -> Option<String> {
    live()?;
    web_sys::window()?.location().href().ok()
}

/// The fragment of the page's address, with its `#` (empty when there is none).
pub fn page_hash() -> Option<String> {
    live()?;
    web_sys::window()?.location().hash().ok()
}

/// The host page's `<html lang>`.
pub fn page_lang() -> Option<String> {
    live()?;
    web_sys::window()?
        .document()?
        .document_element()?
        .get_attribute("lang")
}

/// The reader's languages, most wanted first (`navigator.languages`).
pub fn reader_languages() -> Vec<String> {
    if hydrating() {
        return Vec::new();
    }
    web_sys::window()
        .map(|w| {
            w.navigator()
                .languages()
                .iter()
                .filter_map(|l| l.as_string())
                .collect()
        })
        .unwrap_or_default()
}

/// The reader's first language with its region (`en-GB`), which picks the date format.
pub fn reader_language() -> Option<String> {
    live()?;
    web_sys::window()?.navigator().language()
}

/// Milliseconds since the Unix epoch.
pub fn now_ms() -> i64 {
    js_sys::Date::now() as i64
}

/// The browser offers the Web Share API (`navigator.share`).
pub fn can_share() -> bool {
    if hydrating() {
        return false;
    }
    web_sys::window()
        .map(|w| js_sys::Reflect::has(&w.navigator(), &JsValue::from_str("share")).unwrap_or(false))
        .unwrap_or(false)
}

fn storage() -> Option<web_sys::Storage> {
    live()?;
    web_sys::window()?.local_storage().ok()?
}

/// The value stored under `key`. `localStorage` may be missing or refuse access (private modes, sandboxed
/// iframes): that reads as "nothing stored", never as an error that stops the widget.
pub fn storage_get(key: &str) -> Option<String> {
    storage()?.get_item(key).ok()?
}

/// Store `value` under `key`; failures (a full quota) are ignored.
pub fn storage_set(key: &str, value: &str) {
    if let Some(s) = storage() {
        let _ = s.set_item(key, value);
    }
}

/// Forget `key`.
pub fn storage_remove(key: &str) {
    if let Some(s) = storage() {
        let _ = s.remove_item(key);
    }
}

/// A date for `locale` by the browser's `Intl` (no locale data in the wasm). A date without a time of day is
/// formatted in UTC, or a reader west of Greenwich would see the day before.
pub fn format_date(t: &Timestamp, locale: &str, with_time: bool) -> String {
    if hydrating() {
        return super::neutral::format_date(t, with_time);
    }
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

/// "14 February 2026 at 03:00" in `locale`, from one cached `Intl.DateTimeFormat`.
pub fn format_exact(t: &Timestamp, locale: &str) -> String {
    if hydrating() {
        return super::neutral::format_exact(t);
    }
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

/// "3 hours ago" in `locale`: `value` `unit`s from now (see `relative_parts`), by `Intl.RelativeTimeFormat`.
pub fn format_relative(value: f64, unit: &str, locale: &str) -> String {
    if hydrating() {
        return String::new(); // as on a server: the caller shows the exact date
    }
    RELATIVE.with(|cell| {
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
