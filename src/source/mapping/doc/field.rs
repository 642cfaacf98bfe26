//! One field of a mapping: a path, fallback paths, or a [`FieldSpec`] with its transforms (lookups, dates,
//! formats, defaults).

use serde::Deserialize;
use serde_json::Value;

/// One field: a path, a list of fallback paths, or a full [`FieldSpec`].
#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(untagged)]
pub enum Field {
    /// One path.
    Path(String),
    /// Fallbacks: the first path that reaches a non-null value wins.
    Paths(Vec<String>),
    /// A path with transforms.
    Spec(Box<FieldSpec>),
}

/// A field with its transforms.
#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct FieldSpec {
    /// Path, or fallback paths.
    #[serde(default)]
    pub path: Option<OneOrMany>,
    /// A fixed value, used when no path is given or none reaches a value.
    #[serde(default, rename = "const")]
    pub constant: Option<Value>,
    /// A string built from paths: `https://example.com/{slug}` (each `{path}` is read from the same item).
    #[serde(default)]
    pub template: Option<String>,
    /// Dates: `iso`, `unix` (seconds), `unix_ms`, `auto` (the default), or a format like `%d/%m/%Y %H:%M`.
    #[serde(default)]
    pub date: Option<String>,
    /// Decode HTML character references (`&#8217;` → `’`), as in WordPress's `title.rendered`.
    #[serde(default)]
    pub decode: bool,
    /// The value is HTML: keep only its text (for excerpts and titles that carry markup).
    #[serde(default)]
    pub strip_html: bool,
    /// Join all the values the path reaches (and list elements) with this separator.
    #[serde(default)]
    pub join: Option<String>,
    /// Body format: `html`, `markdown`, `text`, `contentful`, `portable_text`.
    #[serde(default)]
    pub format: Option<String>,
    /// Read the body format from this path instead (falling back to `format`).
    #[serde(default)]
    pub format_from: Option<String>,
    /// Replace each value by the object whose `key` equals it in the list at `in` (Drupal's `included`).
    #[serde(default)]
    pub lookup: Option<Lookup>,
    /// A flag: true when the value equals one of these (`null` matches an absent value).
    #[serde(default)]
    pub equals: Option<OneOrMany<Value>>,
    /// Keep only the text after the last occurrence of this separator (`t3_abc` with `_` → `abc`).
    #[serde(default)]
    pub after: Option<String>,
    /// Replace text: `["{size}", "96"]` (Discourse avatar templates).
    #[serde(default)]
    pub replace: Option<(String, String)>,
    /// Cut text longer than this many characters at a word boundary, with `…` (a title made from a post).
    #[serde(default)]
    pub max_chars: Option<usize>,
    /// Another field tried when this one reaches nothing, with its own transforms and format.
    #[serde(default)]
    pub or: Option<Field>,
}

/// A lookup in another list of the document.
#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Lookup {
    /// Where the candidates are (usually a `$` path).
    #[serde(rename = "in")]
    pub within: String,
    /// The candidate's key that must equal the value.
    pub key: String,
    /// When the value is an object (a JSON:API reference), compare this key of it instead.
    #[serde(default)]
    pub by: Option<String>,
}

/// One value or a list.
#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(untagged)]
pub enum OneOrMany<T = String> {
    /// Several (tried first, so that a list of values is not read as one list value).
    Many(Vec<T>),
    /// One.
    One(T),
}

impl<T> OneOrMany<T> {
    /// The values, as a slice.
    pub fn as_slice(&self) -> &[T] {
        match self {
            Self::One(t) => std::slice::from_ref(t),
            Self::Many(v) => v,
        }
    }
}
