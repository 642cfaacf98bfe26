use yew::prelude::*;

use crate::i18n::{Lang, Strings};
use crate::platform::Phase;

/// What every component of a reader reads from around it, provided by the [`Reader`](crate::Reader) as one
/// context: the interface language and the platform's [`Phase`]. One context rather than two: each context type
/// is a provider component and a subscription of its own in the wasm. A component that reads either draws again
/// when either changes (the phase changes once, when hydration ends).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ReaderEnv {
    /// The interface language.
    pub lang: Lang,
    /// Where the platform's answers come from.
    pub phase: Phase,
}

/// The reader's [`ReaderEnv`]; outside a reader, the defaults (English, live).
#[hook]
pub fn use_reader_env() -> ReaderEnv {
    use_context::<ReaderEnv>().unwrap_or_default()
}

/// The interface language (of the [`ReaderEnv`]).
#[hook]
pub fn use_lang() -> Lang {
    use_reader_env().lang
}

/// The interface strings of the current language.
#[hook]
pub fn use_strings() -> &'static Strings {
    use_lang().strings()
}
