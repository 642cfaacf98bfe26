//! Hooks join state and the network: they fetch through `net`, read through the [`Adapter`](crate::source::Adapter),
//! keep the outcome in `state`'s types and reducers, and hand components a [`Load`](crate::state::Load), models and
//! callbacks. Nothing below this layer touches the browser's network or storage; nothing above it fetches.

mod comment_page;
mod live_poll;
mod module_switch;
mod post_job;
mod preloaded;
pub mod read_aloud;
mod section;
mod use_article;
mod use_compose;
mod use_document;
mod use_effect_on;
mod use_lang;
mod use_live;
#[cfg(feature = "live-articles")]
mod use_live_article;
mod use_load;
mod use_more_pages;
mod use_own;
mod use_phase;
mod use_prefs;
mod use_sentinel;
mod use_stored;
#[cfg(feature = "mapping")] // only a mapping reads "more" stubs
mod use_stub;
mod use_thread;

pub use comment_page::{fetch_page, LoadedPage};
pub use live_poll::{POLL_MS, POLL_TIMEOUT_MS};
pub use module_switch::{use_module_switch, ModuleSwitch, Upgrade};
pub use preloaded::Preloaded;
pub use section::{use_retry, use_section_io, SectionIo};
pub use use_article::{use_article, Source};
pub use use_compose::{use_compose, Compose, Submit};
pub use use_document::{use_document, Parser};
pub use use_effect_on::use_effect_on;
pub use use_lang::{use_lang, use_reader_env, use_strings, ReaderEnv};
pub use use_live::{use_live, LiveSource};
#[cfg(feature = "live-articles")]
pub use use_live_article::use_live_article;
pub use use_load::use_load;
pub use use_more_pages::use_more_pages;
pub use use_own::{use_delete, use_edit, OwnRequest};
pub use use_phase::{use_after_hydration, use_on_hydrated, use_phase};
pub use use_prefs::{
    use_mastodon_server, use_reading_prefs, PrefsHandle, MASTODON_KEY, TEXT_SIZE_KEY, THEME_KEY,
};
pub use use_sentinel::use_sentinel;
pub use use_stored::{storage_get, storage_remove, storage_set};
#[cfg(feature = "mapping")]
pub use use_stub::use_stub_loader;
pub use use_thread::{use_persisted, use_thread, ThreadHandle, SORT_KEY};
