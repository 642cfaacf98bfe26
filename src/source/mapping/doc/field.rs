//! One field of a mapping: a path, fallback paths, or a [`FieldSpec`] with its transforms (lookups, dates,
//! formats, defaults).

use serde_json::Value;

use super::fields::Fields;
use super::read::{count, expected, strings, Read};

/// One field: a path, a list of fallback paths, or a full [`FieldSpec`].
#[derive(Clone, Debug, PartialEq)]
pub enum Field {
    /// One path.
    Path(String),
    /// Fallbacks: the first path that reaches a non-null value wins.
    Paths(Vec<String>),
    /// A path with transforms.
    Spec(Box<FieldSpec>),
}

/// A field with its transforms.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FieldSpec {
    /// Path, or fallback paths.
    pub path: Option<OneOrMany>,
    /// A fixed value (key `const`), used when no path is given or none reaches a value.
    pub constant: Option<Value>,
    /// A string built from paths: `https://example.com/{slug}` (each `{path}` is read from the same item).
    pub template: Option<String>,
    /// Dates: `iso`, `unix` (seconds), `unix_ms`, `auto` (the default), or a format like `%d/%m/%Y %H:%M`.
    pub date: Option<String>,
    /// Decode HTML character references (`&#8217;` → `’`), as in WordPress's `title.rendered`.
    pub decode: bool,
    /// The value is HTML: keep only its text (for excerpts and titles that carry markup).
    pub strip_html: bool,
    /// Join all the values the path reaches (and list elements) with this separator.
    pub join: Option<String>,
    /// Body format: `html`, `markdown`, `text`, `contentful`, `portable_text`.
    pub format: Option<String>,
    /// Read the body format from this path instead (falling back to `format`).
    pub format_from: Option<String>,
    /// Replace each value by the object whose `key` equals it in the list at `in` (Drupal's `included`).
    pub lookup: Option<Lookup>,
    /// A flag: true when the value equals one of these (`null` matches an absent value).
    pub equals: Option<OneOrMany<Value>>,
    /// Keep only the text after the last occurrence of this separator (`t3_abc` with `_` → `abc`).
    pub after: Option<String>,
    /// Replace text: `["{size}", "96"]` (Discourse avatar templates).
    pub replace: Option<(String, String)>,
    /// Cut text longer than this many characters at a word boundary, with `…` (a title made from a post).
    pub max_chars: Option<usize>,
    /// Another field tried when this one reaches nothing, with its own transforms and format.
    pub or: Option<Field>,
}

/// A lookup in another list of the document.
#[derive(Clone, Debug, PartialEq)]
pub struct Lookup {
    /// Where the candidates are (key `in`; usually a `$` path).
    pub within: String,
    /// The candidate's key that must equal the value.
    pub key: String,
    /// When the value is an object (a JSON:API reference), compare this key of it instead.
    pub by: Option<String>,
}

/// One value or a list.
#[derive(Clone, Debug, PartialEq)]
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

impl Field {
    /// Reads a field at `path`: a string is a path, an array of strings fallbacks, an object a [`FieldSpec`].
    pub(super) fn read(v: &Value, path: &str) -> Read<Self> {
        match v {
            Value::String(s) => Ok(Self::Path(s.clone())),
            Value::Array(_) => strings(v, path).map(Self::Paths),
            Value::Object(_) => FieldSpec::read(v, path).map(|s| Self::Spec(Box::new(s))),
            _ => Err(expected(path, "a path, an array of paths or an object", v)),
        }
    }
}

impl FieldSpec {
    fn read(v: &Value, path: &str) -> Read<Self> {
        let mut f = Fields::new(v, path)?;
        let spec = Self {
            path: f.opt_with("path", paths),
            constant: f.opt("const").cloned(),
            template: f.opt_str("template"),
            date: f.opt_str("date"),
            decode: f.bool("decode"),
            strip_html: f.bool("strip_html"),
            join: f.opt_str("join"),
            format: f.opt_str("format"),
            format_from: f.opt_str("format_from"),
            lookup: f.opt_with("lookup", Lookup::read),
            // Any value compares, so an array is always a list of values (as serde tried `Many` first).
            equals: f.opt("equals").map(|v| match v {
                Value::Array(items) => OneOrMany::Many(items.clone()),
                v => OneOrMany::One(v.clone()),
            }),
            after: f.opt_str("after"),
            replace: f.opt_with("replace", |v, p| match v.as_array().map(Vec::as_slice) {
                Some([Value::String(a), Value::String(b)]) => Ok((a.clone(), b.clone())),
                _ => Err(expected(p, "two strings, [\"from\", \"to\"]", v)),
            }),
            max_chars: f.opt_with("max_chars", count),
            or: f.opt_field("or"),
        };
        f.finish().map(|()| spec)
    }
}

/// A path or fallback paths.
fn paths(v: &Value, path: &str) -> Read<OneOrMany> {
    match v {
        Value::String(s) => Ok(OneOrMany::One(s.clone())),
        Value::Array(_) => strings(v, path).map(OneOrMany::Many),
        _ => Err(expected(path, "a path or an array of paths", v)),
    }
}

impl Lookup {
    fn read(v: &Value, path: &str) -> Read<Self> {
        let mut f = Fields::new(v, path)?;
        let lookup = Self {
            within: f.str("in"),
            key: f.str("key"),
            by: f.opt_str("by"),
        };
        f.finish().map(|()| lookup)
    }
}
