//! The languages installed at run time, in a build without the `languages` feature (the embed's modules): the
//! loader fetches a language's file and hands its text to [`Lang::install`](super::Lang::install).

use std::cell::Cell;

use serde_json::Value;

use super::{Lang, Strings};

thread_local! {
    /// By [`Lang`] discriminant. A table, once installed, stays: the strings are leaked, so they are `&'static`
    /// like the compiled-in ones, which every component expects; at most four tables per page.
    static INSTALLED: [Cell<Option<&'static Strings>>; Lang::ALL.len()] = const { [const { Cell::new(None) }; 5] };
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

/// The table in a file's text: a JSON array of exactly as many strings as there are keys.
fn read(json: &str) -> Option<Box<Strings>> {
    let value: Value = serde_json::from_str(json).ok()?;
    let items = value.as_array()?;
    let mut texts = items
        .iter()
        .map_while(Value::as_str)
        .map(|s| &*Box::leak(Box::from(s)));
    let table = Strings::from_texts(&mut texts)?;
    // A non-string item stops the strings early: then the count is short, and `from_texts` said so above, unless
    // the bad item came after the last key (one too many either way).
    (items.len() == items.iter().filter(|v| v.is_string()).count()).then_some(table)
}
