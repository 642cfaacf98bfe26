use yew::prelude::*;

use crate::hooks::{use_lang, use_phase};
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
    let _ = use_phase(); // the reader's own date format once a hydrated page reads `Intl` again
    let text = format_date(&props.at, &reader_locale(lang.code()), props.with_time);
    html! { <time datetime={props.at.iso.to_string()}>{ text }</time> }
}
