use yew::prelude::*;

use crate::i18n::{Lang, Strings};

/// The interface language, provided by the [`Reader`](crate::Reader) through a context.
#[hook]
pub fn use_lang() -> Lang {
    use_context::<Lang>().unwrap_or_default()
}

/// The interface strings of the current language.
#[hook]
pub fn use_strings() -> &'static Strings {
    use_lang().strings()
}
