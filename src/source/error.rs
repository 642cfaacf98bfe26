use std::fmt;

use serde_json::Value;

/// Why a document could not be turned into the model. Each variant names what failed, so the widget can say it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SourceError {
    /// The response is not JSON at all (an HTML error page, an empty body ...).
    NotJson {
        /// What the parser said, with the start of the text it was given.
        detail: String,
    },
    /// A required field is absent.
    MissingField {
        /// The model's name for it (`title`).
        field: &'static str,
        /// Where it was looked for (`/title`).
        path: String,
    },
    /// A field is there but of the wrong kind.
    WrongType {
        /// Where it is (`/authors/0/name`).
        path: String,
        /// What was expected (`a string`).
        expected: &'static str,
        /// What was found (`a number`).
        found: &'static str,
    },
    /// A required field that a mapping (preset or document) could not find.
    MissingMapped {
        /// The model's name for it (`title`).
        field: String,
        /// The paths tried, as the mapping wrote them (`` `title.rendered`, `title` ``).
        tried: String,
        /// The preset or mapping used (`wordpress`, `custom mapping`).
        mapping: String,
    },
    /// The mapping document itself is wrong (not valid JSON, an unknown key, a malformed path, an unknown preset).
    BadMapping {
        /// What is wrong.
        reason: String,
    },
    /// A value has the right type but cannot be used (an unparsable date, an empty title ...).
    BadValue {
        /// Where it is.
        path: String,
        /// Why it cannot be used.
        reason: String,
    },
    /// Only a build with the mapping language can read this: the document looks like another API's (a preset's
    /// signature fits), or a preset or mapping document is configured. Made only without the `mapping` feature
    /// (the embed's lite module, whose loader then hands the element to the full module: never shown there).
    NeedsMapping {
        /// The preset whose signature fits, or the configured preset, or `custom mapping`.
        shape: String,
    },
}

impl fmt::Display for SourceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NotJson { detail } => write!(f, "the response is not JSON ({detail})"),
            Self::MissingField { field, path } => {
                write!(
                    f,
                    "the required field `{field}` is missing (looked for `{path}`)"
                )
            }
            Self::WrongType {
                path,
                expected,
                found,
            } => {
                write!(f, "`{path}` should be {expected} but is {found}")
            }
            Self::BadValue { path, reason } => write!(f, "`{path}` cannot be used: {reason}"),
            Self::MissingMapped {
                field,
                tried,
                mapping,
            } => write!(
                f,
                "the required field `{field}` is missing: the {mapping} mapping looked for {tried}"
            ),
            Self::BadMapping { reason } => write!(f, "mapping error: {reason}"),
            Self::NeedsMapping { shape } => write!(
                f,
                "this build of Folio reads Folio JSON only, and the response needs the {shape} mapping"
            ),
        }
    }
}

impl std::error::Error for SourceError {}

impl SourceError {
    /// `found` at `path` is not what the format expects.
    pub(crate) fn wrong(path: &str, expected: &'static str, found: &Value) -> Self {
        let found = match found {
            Value::Null => "null",
            Value::Bool(_) => "true/false",
            Value::Number(_) => "a number",
            Value::String(_) => "a string",
            Value::Array(_) => "an array",
            Value::Object(_) => "an object",
        };
        Self::WrongType {
            path: path.to_string(),
            expected,
            found,
        }
    }

    /// The value at `path` has the right type but cannot be used.
    pub(crate) fn bad(path: &str, reason: String) -> Self {
        Self::BadValue {
            path: path.to_string(),
            reason,
        }
    }
}

/// Parse response text as JSON, with a message that shows what came instead (often an HTML error page).
pub fn parse_json(text: &str) -> Result<Value, SourceError> {
    serde_json::from_str(text).map_err(|e| {
        let start: String = text.trim_start().chars().take(40).collect();
        let detail = if start.is_empty() {
            "the body is empty".to_string()
        } else {
            format!("{e}; it starts with \"{start}\"")
        };
        SourceError::NotJson { detail }
    })
}

/// A JSON document as compact text. Serialising a `Value` cannot fail; `serde_json::to_string` rather than
/// `Value`'s `Display` (which also links the pretty printer, for `{:#}`): one serialiser in the wasm, not two.
pub fn json_text(v: &Value) -> String {
    serde_json::to_string(v).unwrap_or_default()
}
