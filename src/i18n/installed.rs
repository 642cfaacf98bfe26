//! The languages installed at run time, in a build without the `languages` feature (the embed's modules): the
//! loader fetches a language's file and hands its text to [`Lang::install`](super::Lang::install).

use std::cell::Cell;

use serde_json::Value;

use super::{Lang, Strings};

thread_local! {
    /// By [`Lang`] discriminant. A table, once installed, stays: the strings are leaked, so they are `&'static`
    /// like the compiled-in ones, which every component expects; at most four tables per page.
    static INSTALLED: [Cell<Option<&'static Strings>>; Lang::ALL.len()] =
        const { [const { Cell::new(None) }; Lang::ALL.len()] };
}

/// The installed table of `lang`, if any.
pub(super) fn get(lang: Lang) -> Option<&'static Strings> {
    INSTALLED.with(|t| t[lang as usize].get())
}

/// Reads a language file's text into `lang`'s table (see [`Lang::install`](super::Lang::install)).
pub(super) fn install(lang: Lang, json: &str) -> bool {
    if get(lang).is_some() {
        return true;
    }
    let Some(table) = read(json) else {
        return false;
    };
    let table: &'static Strings = Box::leak(table);
    INSTALLED.with(|t| t[lang as usize].set(Some(table)));
    true
}

/// The table in a file's text: a JSON array of exactly as many strings as there are keys. Checked whole before
/// any string is kept, so a file of another build leaks nothing.
fn read(json: &str) -> Option<Box<Strings>> {
    let value: Value = serde_json::from_str(json).ok()?;
    let items = value.as_array()?;
    if items.len() != Strings::LEN || !items.iter().all(Value::is_string) {
        return None;
    }
    let mut texts = items
        .iter()
        .filter_map(Value::as_str)
        .map(|s| &*Box::leak(Box::from(s)));
    Strings::from_texts(&mut texts)
}
