//! Hooks join state and the network: they fetch, parse through `source`, and hand components a [`Load`].
//!
//! [`Load`]: crate::state::Load

mod comment_pages;
mod use_document;
mod use_lang;
mod use_load;
mod use_mapped;
mod use_stored;

pub use comment_pages::fetch_page;
pub use use_document::{use_document, Parser};
pub use use_lang::{use_lang, use_strings};
pub use use_load::use_load;
pub use use_mapped::{use_mapped_article, use_mapped_comments, MappedContext, MappedInfo};
pub use use_stored::{storage_get, storage_remove, storage_set};
