//! The Folio JSON format (docs/folio-json.md) → model. Reads `serde_json::Value` rather than typed structs so that
//! every wrong type is reported with its JSON path, and optional fields that are absent are simply left out.
//!
//! The entry points are here; an article is read in `article`, a comment list and its comments in `comments`,
//! a live article's entries in `entries`, authors, crumbs and tags in `parts`, and single fields (with their JSON path) in `read`.

mod article;
mod comments;
mod entries;
mod parts;
mod read;

use super::error::SourceError;
use crate::model::{Article, CommentList};

pub use article::article_from_value;
pub use comments::{comment, comments_from_value};
pub use entries::{read_correction, read_entry};
#[cfg(feature = "mapping")]
pub(crate) use parts::anonymous;

/// The comment length limit assumed when a server does not state one.
pub const DEFAULT_MAX_LENGTH: usize = 5000;

pub use super::error::parse_json;

/// An article document, fetched from `base` (used to resolve relative URLs).
pub fn parse_article(text: &str, base: Option<&str>) -> Result<Article, SourceError> {
    article_from_value(&parse_json(text)?, base)
}

/// A comment list document, fetched from `base`.
pub fn parse_comments(text: &str, base: Option<&str>) -> Result<CommentList, SourceError> {
    comments_from_value(&parse_json(text)?, base)
}

#[cfg(test)]
mod tests;
