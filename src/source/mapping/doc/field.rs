//! One field of a mapping: a path, fallback paths, or a [`FieldSpec`] with its transforms (lookups, dates,
//! formats, defaults).

use serde_json::Value;

use super::fields::Fields;
use super::read::{count, expected, join, strings, Read};

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
    /// Rich-text bodies: the URL of an image from its asset reference (Portable Text's `_ref`), a template whose
    /// placeholders are `{id}`, `{width}`, `{height}`, `{format}` and `{ref}`.
    pub image_url: Option<String>,
    /// Rich-text bodies: the URL of a linked entry (Contentful's `entry-hyperlink`, embedded entries), a template
    /// read on the entry (`/blog/{fields.slug}`).
    pub entry_url: Option<String>,
    /// Replace each value by the object whose `key` equals it in the list at `in` (Drupal's `included`).
    pub lookup: Option<Lookup>,
    /// A flag: true when the value equals one of these (`null` matches an absent value).
    pub equals: Option<OneOrMany<Value>>,
    /// Keep only the text after the last occurrence of this separator (`t3_abc` with `_` → `abc`).
    pub after: Option<String>,
    /// Replace text, pair by pair in order: `["{size}", "96"]` (Discourse avatar templates), or a list of pairs.
    pub replace: Vec<(String, String)>,
    /// Cut text longer than this many characters at a word boundary, with `…` (a title made from a post).
    pub max_chars: Option<usize>,
    /// Another field tried when this one reaches nothing, with its own transforms and format.
    pub or: Option<Field>,
    /// Keep only the list items (or values) that pass every condition (key `where`): The Guardian's keyword tags.
    pub filter: Vec<Where>,
    /// A path read on each value after `lookup` and `where` (a looked-up asset's `fields.file.url`).
    pub then: Option<String>,
    /// Split a string into a list at this separator, trimming and dropping empty parts (`"A, B"` → tags).
    pub split: Option<String>,
    /// Template placeholders read by their own field (key `with`): `{ref}` in the template is this field's text,
    /// with its transforms, instead of a path.
    pub with: Vec<(String, Field)>,
    /// A flag true when any of these flags is (deleted *or* removed).
    pub any: Vec<Field>,
    /// A flag true when all of these flags are.
    pub all: Vec<Field>,
    /// The values of all these fields, one list after the other (key `merge`): comments in two lists of the
    /// response (`pinned` and `comments`) read as one.
    pub merge: Vec<Field>,
    /// A flag true when the value equals the article object's value at this path (the comment's author is the
    /// article's author).
    pub equals_article: Option<String>,
}

/// One condition of a `where`: the value at `path` (read on each item) passes the test.
#[derive(Clone, Debug, PartialEq)]
pub struct Where {
    /// Where the tested value is on the item (empty: the item itself).
    pub path: String,
    /// The test.
    pub test: Test,
}

/// What a `where` condition tests.
#[derive(Clone, Debug, PartialEq)]
pub enum Test {
    /// The value equals one of these (key `equals`; `null` matches absent).
    Equals(Vec<Value>),
    /// The value equals none of these (key `not`).
    Not(Vec<Value>),
    /// The value is there and not null (`"exists": true`), or is not (`false`).
    Exists(bool),
}

/// A lookup in another list of the document.
#[derive(Clone, Debug, PartialEq)]
pub struct Lookup {
    /// Where the candidates are (key `in`; usually a `$` path).
    pub within: String,
    /// The candidate's key that must equal the value: a path, so it may be nested (`sys.id`).
    pub key: String,
    /// When the value is an object (a JSON:API reference, a Contentful link), compare the value at this path of it
    /// instead (`id`, `sys.id`).
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
            image_url: f.opt_str("image_url"),
            entry_url: f.opt_str("entry_url"),
            lookup: f.opt_with("lookup", Lookup::read),
            // Any value compares, so an array is always a list of values (as serde tried `Many` first).
            equals: f.opt("equals").map(|v| match v {
                Value::Array(items) => OneOrMany::Many(items.clone()),
                v => OneOrMany::One(v.clone()),
            }),
            after: f.opt_str("after"),
            replace: f.with("replace", false, replace),
            max_chars: f.opt_with("max_chars", count),
            or: f.opt_field("or"),
            filter: f.with("where", false, |v, p| list(v, p, Where::read)),
            then: f.opt_str("then"),
            split: f.opt_str("split"),
            with: f.with("with", false, with),
            any: f.with("any", false, flags),
            all: f.with("all", false, flags),
            merge: f.with("merge", false, flags),
            equals_article: f.opt_str("equals_article"),
        };
        f.finish().map(|()| spec)
    }
}

/// `["from", "to"]`, or a list of such pairs. Plain loops rather than `collect` into a `Result` here and below:
/// each such `collect` is another copy of the iterator machinery in the embed's wasm.
fn replace(v: &Value, path: &str) -> Read<Vec<(String, String)>> {
    let pair = |v: &Value| match v.as_array().map(Vec::as_slice) {
        Some([Value::String(a), Value::String(b)]) => Some((a.clone(), b.clone())),
        _ => None,
    };
    let mut out = Vec::new();
    match (pair(v), v) {
        (Some(p), _) => out.push(p),
        (None, Value::Array(items)) => {
            for i in items {
                out.extend(pair(i));
            }
            if out.len() != items.len() {
                out.clear();
            }
        }
        _ => {}
    }
    if out.is_empty() {
        return Err(expected(
            path,
            "[\"from\", \"to\"] or a list of such pairs",
            v,
        ));
    }
    Ok(out)
}

/// Template placeholders read by their own field: an object of fields.
fn with(v: &Value, path: &str) -> Read<Vec<(String, Field)>> {
    let map = v
        .as_object()
        .ok_or_else(|| expected(path, "an object", v))?;
    let mut out = Vec::new();
    for (k, f) in map {
        out.push((k.clone(), Field::read(f, &join(path, k))?));
    }
    Ok(out)
}

/// The fields of `any` / `all` / `merge` (one function for all keeps one copy in the wasm).
fn flags(v: &Value, path: &str) -> Read<Vec<Field>> {
    list(v, path, Field::read)
}

/// One part read by `read`, or an array of them (`where`, `any`, `all`).
fn list<T>(v: &Value, path: &str, read: super::read::Reader<T>) -> Read<Vec<T>> {
    let Value::Array(items) = v else {
        return read(v, path).map(|t| vec![t]);
    };
    let mut out = Vec::new();
    for (i, x) in items.iter().enumerate() {
        out.push(read(x, &format!("{path}[{i}]"))?);
    }
    Ok(out)
}

impl Where {
    fn read(v: &Value, path: &str) -> Read<Self> {
        let mut f = Fields::new(v, path)?;
        let at = f.with("path", false, super::read::string);
        let values = |v: &Value| match v {
            Value::Array(items) => items.clone(),
            v => vec![v.clone()],
        };
        let (equals, not) = (f.opt("equals"), f.opt("not"));
        let exists = f.opt_with("exists", super::read::flag);
        let test = match (equals, not, exists) {
            (Some(e), None, None) => Test::Equals(values(e)),
            (None, Some(n), None) => Test::Not(values(n)),
            (None, None, Some(b)) => Test::Exists(b),
            _ => {
                let at = super::read::place(path);
                return Err(format!(
                    "{at} needs exactly one of `equals`, `not`, `exists`"
                ));
            }
        };
        f.finish().map(|()| Self { path: at, test })
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
