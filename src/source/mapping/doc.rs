//! The mapping document: its types and their readers. docs/mapping.md explains it, docs/mapping.schema.json
//! describes it. Unknown keys are refused, so a misspelt key is named instead of silently ignored.
//!
//! The document itself ([`Mapping`]) is here; its parts are in `field`, `article`, `comments`, `threading` and
//! `pagination`, each type with its reader, and the helpers the readers share in `read` and `fields`.

mod article;
mod comments;
mod field;
mod fields;
mod pagination;
mod read;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_errors;
#[cfg(test)]
mod tests_parts;
mod threading;

use serde_json::Value;

use fields::Fields;

pub use article::{ArticleMap, EntriesMap, HeroMap, ListMap};
pub use comments::{CommentMap, CommentsMap, EmojiMap, PostMap};
pub use field::{Field, FieldSpec, Lookup, OneOrMany, Test, Where};
pub use pagination::Pagination;
pub use threading::Threading;

/// A whole mapping: how to find an article (and, optionally, its comments) in one API's JSON.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Mapping {
    /// A link to the JSON Schema, for editors (key `$schema`); ignored.
    pub schema: Option<String>,
    /// The mapping's name, used in error messages (`wordpress`, `my-api`).
    pub name: Option<String>,
    /// What it is for; ignored.
    pub description: Option<String>,
    /// Auto-detection signature: paths that must all exist in an article document of this shape.
    pub detect: Vec<String>,
    /// The site the article belongs to (`https://www.example.com`), when its API is on another host: relative
    /// links and images in what is drawn resolve against it instead of the API's URL.
    pub site: Option<String>,
    /// Where each article field comes from.
    pub article: ArticleMap,
    /// Where the comments come from and how they are threaded.
    pub comments: Option<CommentsMap>,
}

impl Mapping {
    /// Reads a mapping document from its parsed JSON. The error says what is wrong and where
    /// (``unknown field `titel` in `article` (expected one of: root, id, …)``).
    pub fn from_value(v: &Value) -> Result<Self, String> {
        let mut f = Fields::new(v, "")?;
        let mapping = Self {
            schema: f.opt_str("$schema"),
            name: f.opt_str("name"),
            description: f.opt_str("description"),
            detect: f.list_of_str("detect"),
            site: f.opt_with("site", |v, p| match v.as_str() {
                Some(s) if crate::source::url::origin_of(s).is_some() => Ok(s.to_string()),
                _ => Err(read::expected(p, "an absolute http(s) URL", v)),
            }),
            article: f.with("article", true, ArticleMap::read),
            comments: f.opt_with("comments", CommentsMap::read),
        };
        f.finish().map(|()| mapping)
    }
}
