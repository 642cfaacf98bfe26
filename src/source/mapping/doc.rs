//! The mapping document: its serde types. docs/mapping.md explains it, docs/mapping.schema.json describes it.
//! Unknown keys are refused, so a misspelt key is named instead of silently ignored.
//!
//! The document itself ([`Mapping`]) is here; its parts are in `field`, `article`,
//! `comments` and `threading`.

mod article;
mod comments;
mod field;
mod threading;

use serde::Deserialize;

pub use article::{ArticleMap, HeroMap, ListMap};
pub use comments::{CommentMap, CommentsMap, PostMap};
pub use field::{Field, FieldSpec, Lookup, OneOrMany};
pub use threading::{Pagination, Threading};

/// A whole mapping: how to find an article (and, optionally, its comments) in one API's JSON.
#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Mapping {
    /// A link to the JSON Schema, for editors; ignored.
    #[serde(default, rename = "$schema")]
    pub schema: Option<String>,
    /// The mapping's name, used in error messages (`wordpress`, `my-api`).
    #[serde(default)]
    pub name: Option<String>,
    /// What it is for; ignored.
    #[serde(default)]
    pub description: Option<String>,
    /// Auto-detection signature: paths that must all exist in an article document of this shape.
    #[serde(default)]
    pub detect: Vec<String>,
    /// Where each article field comes from.
    pub article: ArticleMap,
    /// Where the comments come from and how they are threaded.
    #[serde(default)]
    pub comments: Option<CommentsMap>,
}
