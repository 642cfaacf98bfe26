//! Reading one field through its spec: fallback paths, lookups, constants, templates and the value transforms.
//!
//! The field's spec and paths are read here; values are reached in [`select`], turned into text in
//! [`text`](mod@text), templates filled in [`template`](mod@template), typed reads in [`typed`].

mod select;
mod template;
mod text;
mod typed;

use serde_json::Value;

use super::doc::{Field, FieldSpec};
use super::path::Path;
use crate::source::error::SourceError;

pub use select::{first, flatten, loose_eq, values, values_lost};
pub use template::template;
pub use text::{body_source, chain, text};
pub use typed::{date, flag, id, number, plain};

/// The document being mapped: `$` paths start here.
#[derive(Clone, Copy)]
pub struct Doc<'a> {
    /// The whole document.
    pub root: &'a Value,
    /// The article object, when comments are mapped: `equals_article` compares with it.
    pub article: Option<&'a Value>,
}

impl<'a> Doc<'a> {
    /// The document `root`, read without an article.
    pub fn new(root: &'a Value) -> Self {
        Doc {
            root,
            article: None,
        }
    }
}

static NO_SPEC: FieldSpec = FieldSpec {
    path: None,
    constant: None,
    template: None,
    date: None,
    decode: false,
    strip_html: false,
    join: None,
    format: None,
    format_from: None,
    image_url: None,
    entry_url: None,
    lookup: None,
    equals: None,
    after: None,
    replace: Vec::new(),
    max_chars: None,
    or: None,
    filter: Vec::new(),
    then: None,
    split: None,
    with: Vec::new(),
    any: Vec::new(),
    all: Vec::new(),
    merge: Vec::new(),
    equals_article: None,
};

/// The spec of a field (a bare path has the default transforms) and its paths.
pub fn spec_of(field: &Field) -> (&FieldSpec, Vec<&str>) {
    match field {
        Field::Path(p) => (&NO_SPEC, vec![p.as_str()]),
        Field::Paths(ps) => (&NO_SPEC, ps.iter().map(String::as_str).collect()),
        Field::Spec(s) => (
            s,
            s.path
                .as_ref()
                .map(|p| p.as_slice().iter().map(String::as_str).collect())
                .unwrap_or_default(),
        ),
    }
}

/// The paths a field tries, for error messages: `` `a`, `b` ``.
pub fn tried(field: &Field) -> String {
    let (spec, paths) = spec_of(field);
    let mut out: Vec<String> = paths.iter().map(|p| format!("`{p}`")).collect();
    if let Some(t) = &spec.template {
        out.push(format!("template `{t}`"));
    }
    if out.is_empty() {
        "no path".into()
    } else {
        out.join(", ")
    }
}

fn parse_path(p: &str) -> Result<Path, SourceError> {
    Path::parse(p).map_err(|reason| SourceError::BadMapping { reason })
}
