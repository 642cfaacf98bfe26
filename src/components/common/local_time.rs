use yew::prelude::*;

use crate::model::Timestamp;
use crate::platform::{self, format_date};

/// The reader's own regional locale when it matches the interface language (`en-GB` writes "31 March 2017"),
/// else the language alone.
pub fn reader_locale(lang: &str) -> String {
    let preferred = platform::reader_language().unwrap_or_default();
    let primary = preferred.split('-').next().unwrap_or("");
    if primary.eq_ignore_ascii_case(lang) {
        preferred
    } else {
        lang.to_string()
    }
}

/// A moment as `<time datetime>` showing the date (and with `with_time` the time of day) in `locale` (from
/// [`reader_locale`]). A view function: the component that calls it subscribes to the platform's phase
/// (`use_phase`), so that a hydrated page draws the reader's own date format once it reads `Intl` again.
pub fn local_time(at: &Timestamp, with_time: bool, locale: &str) -> Html {
    let text = format_date(at, locale, with_time);
    html! { <time datetime={at.iso.to_string()}>{ text }</time> }
}
