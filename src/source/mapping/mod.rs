//! Any JSON article API through a mapping document: where each model field comes from, with transforms, comment
//! threading models, pagination and posting. Presets for common platforms ship as mapping documents in
//! `presets/*.json`; with neither a preset nor a mapping, the shape is detected from the presets' signatures.
//!
//! Pure Rust like the rest of `source`: the hooks fetch, this maps. docs/mapping.md is the guide.
//!
//! The text entry points are in `text`; which mapping applies is in `choice`, the mapping document's shape in
//! `doc`, and each part of the model in its own module.
//!
//! The engine is the `mapping` cargo feature (on by default). Without it (the embed's lite module) only what
//! reading Folio JSON shares with mappings is built: the settings ([`MappingChoice`]), detection from the presets'
//! signatures ([`detect`], with the [`path`] language it needs), the paging headers ([`PageInfo`]), the comment
//! form ([`PostForm`]) and the [`Warning`] type.

mod choice;
mod detect;
mod form;
mod headers;
pub mod path;
mod warning;

#[cfg(feature = "mapping")]
mod article;
#[cfg(feature = "mapping")]
mod body;
#[cfg(feature = "mapping")]
mod comments;
#[cfg(feature = "mapping")]
mod date;
#[cfg(feature = "mapping")]
pub mod doc;
#[cfg(feature = "mapping")]
mod lint;
#[cfg(feature = "mapping")]
mod paging;
#[cfg(feature = "mapping")]
mod post;
#[cfg(feature = "mapping")]
mod presets;
#[cfg(feature = "mapping")]
mod text;
#[cfg(feature = "mapping")]
mod value;

#[cfg(all(test, feature = "mapping"))]
mod tests;
#[cfg(all(test, feature = "mapping"))]
mod tests_ghost;
#[cfg(all(test, feature = "mapping"))]
mod tests_language;
#[cfg(all(test, feature = "mapping"))]
mod tests_live;
#[cfg(all(test, feature = "mapping"))]
mod tests_post;
#[cfg(all(test, feature = "mapping"))]
mod tests_presets;
#[cfg(all(test, feature = "mapping"))]
mod tests_presets_new;
#[cfg(all(test, feature = "mapping", not(target_arch = "wasm32")))]
mod tests_props;
#[cfg(all(test, feature = "mapping"))]
mod tests_rich;
#[cfg(all(test, feature = "mapping"))]
mod tests_warnings;

pub use choice::{is_inline, MappingChoice};
pub use detect::{detect, SIGNATURES};
pub use form::PostForm;
pub use headers::{next_from_link, PageInfo};
pub use warning::Warning;

#[cfg(feature = "mapping")]
pub use article::map_article;
#[cfg(feature = "mapping")]
pub use body::FORMATS;
#[cfg(feature = "mapping")]
pub use choice::{parse_mapping, resolve, Resolved};
#[cfg(feature = "mapping")]
pub use comments::{child_ids, item_url, map_comments, map_item, max_items, MAX_COMMENTS};
#[cfg(feature = "mapping")]
pub use doc::{Mapping, Threading};
#[cfg(feature = "mapping")]
pub use lint::{article_warnings, comment_warnings};
#[cfg(feature = "mapping")]
pub use paging::{next_page, set_param};
#[cfg(feature = "mapping")]
pub use post::{post_held, post_request, post_response, posts_template, PostRequest};
#[cfg(feature = "mapping")]
pub use presets::{preset, preset_source, PRESETS};
#[cfg(feature = "mapping")]
pub use text::{comment_warnings_text, map_article_text, map_comments_text, MappedArticle};
