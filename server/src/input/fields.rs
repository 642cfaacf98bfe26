//! The fields of a posted comment, each read and checked on its own, so an error names the field at fault.

use serde_json::{Map, Value};

use super::names::without_format_chars;
use crate::errors::ApiError;
use crate::model::MAX_BODY_CHARS;

/// Longest author name, in characters.
pub const MAX_NAME_CHARS: usize = 80;
/// Longest email address (RFC 5321's path limit).
pub const MAX_EMAIL_CHARS: usize = 254;

/// `body`: a non-blank string of at most [`MAX_BODY_CHARS`] characters.
pub fn read_body(obj: &Map<String, Value>) -> Result<String, ApiError> {
    let body = match obj.get("body") {
        None | Some(Value::Null) => {
            return Err(ApiError::field("body", "The comment text is missing."))
        }
        Some(Value::String(s)) => s,
        Some(_) => {
            return Err(ApiError::field(
                "body",
                "The comment text must be a string.",
            ))
        }
    };
    if body.trim().is_empty() {
        return Err(ApiError::field("body", "The comment is empty."));
    }
    let chars = body.chars().count();
    if chars > MAX_BODY_CHARS {
        return Err(ApiError::field(
            "body",
            format!("The comment is too long: {chars} characters, at most {MAX_BODY_CHARS} are allowed."),
        ));
    }
    Ok(body.clone())
}

/// `author`: `{"name": "…", "email": "…"?}`; returns the trimmed name and the email, if any.
pub fn read_author(obj: &Map<String, Value>) -> Result<(String, Option<String>), ApiError> {
    let author = match obj.get("author") {
        None | Some(Value::Null) => {
            return Err(ApiError::field("author.name", "Your name is missing."))
        }
        Some(Value::Object(author)) => author,
        Some(_) => {
            return Err(ApiError::field(
                "author",
                "The author must be an object with a name and an optional email.",
            ))
        }
    };
    let name = match author.get("name") {
        None | Some(Value::Null) => {
            return Err(ApiError::field("author.name", "Your name is missing."))
        }
        Some(Value::String(s)) => without_format_chars(s),
        Some(_) => return Err(ApiError::field("author.name", "The name must be a string.")),
    };
    let name = name.trim();
    if name.is_empty() {
        return Err(ApiError::field("author.name", "Your name is empty."));
    }
    if name.chars().count() > MAX_NAME_CHARS {
        return Err(ApiError::field(
            "author.name",
            format!("The name is too long: at most {MAX_NAME_CHARS} characters are allowed."),
        ));
    }
    // A name is shown on one line; control characters there are only ever mischief.
    if name.chars().any(char::is_control) {
        return Err(ApiError::field(
            "author.name",
            "The name must not contain line breaks or control characters.",
        ));
    }

    let email = match author.get("email") {
        None | Some(Value::Null) => None,
        // Forms send an empty field as "": that means no email, not a bad one.
        Some(Value::String(s)) if s.trim().is_empty() => None,
        Some(Value::String(s)) => Some(s.trim()),
        Some(_) => {
            return Err(ApiError::field(
                "author.email",
                "The email address must be a string.",
            ))
        }
    };
    if let Some(email) = email {
        if email.chars().count() > MAX_EMAIL_CHARS {
            return Err(ApiError::field(
                "author.email",
                format!("The email address is too long: at most {MAX_EMAIL_CHARS} characters are allowed."),
            ));
        }
        if !email.contains('@') || email.chars().any(|c| c.is_control() || c.is_whitespace()) {
            return Err(ApiError::field(
                "author.email",
                "The email address does not look valid.",
            ));
        }
    }
    Ok((name.to_owned(), email.map(str::to_owned)))
}

/// `format`: `markdown` (the default) or `text`.
pub fn read_format(obj: &Map<String, Value>) -> Result<String, ApiError> {
    match obj.get("format") {
        None | Some(Value::Null) => Ok("markdown".into()),
        Some(Value::String(s)) if s == "markdown" || s == "text" => Ok(s.clone()),
        Some(_) => Err(ApiError::field(
            "format",
            "The format must be \"markdown\" or \"text\".",
        )),
    }
}

/// `parent`: a comment id (string or number), or null/0 for a top-level comment.
pub fn read_parent(obj: &Map<String, Value>) -> Result<Option<String>, ApiError> {
    match obj.get("parent") {
        None | Some(Value::Null) => Ok(None),
        // The Folio format allows numeric ids and uses 0 for "no parent".
        Some(Value::Number(n)) if n.as_i64() == Some(0) => Ok(None),
        Some(Value::Number(n)) => Ok(Some(n.to_string())),
        Some(Value::String(s)) if !s.is_empty() => Ok(Some(s.clone())),
        Some(_) => Err(ApiError::field(
            "parent",
            "The parent must be the id of a comment of this article, or null.",
        )),
    }
}
