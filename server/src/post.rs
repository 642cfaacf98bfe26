//! Reading and validating a posted comment:
//! `{"parent": null|"id", "author": {"name": "…", "email": "…"?}, "body": "…", "format": "markdown"|"text"}`.
//!
//! The body is parsed as a generic JSON value first, so a wrong type is reported against the
//! field that has it (`invalid_field`) instead of as an opaque deserialisation error.

use serde_json::{Map, Value};

use crate::db::NewRow;
use crate::errors::ApiError;
use crate::model::MAX_BODY_CHARS;

/// Longest author name, in characters.
pub const MAX_NAME_CHARS: usize = 80;
/// Longest email address (RFC 5321's path limit).
pub const MAX_EMAIL_CHARS: usize = 254;

/// Checks that the declared content type is JSON (`application/json`, any `+json`, any params).
pub fn check_content_type(value: Option<&str>) -> Result<(), ApiError> {
    let essence = value
        .and_then(|v| v.split(';').next())
        .map(|v| v.trim().to_ascii_lowercase());
    match essence.as_deref() {
        Some("application/json") => Ok(()),
        Some(other) if other.starts_with("application/") && other.ends_with("+json") => Ok(()),
        _ => Err(ApiError::BadJson(
            "The request must be sent with Content-Type: application/json.".into(),
        )),
    }
}

/// Parses and validates the request body. The returned row has no id and no date yet.
pub fn parse(bytes: &[u8]) -> Result<NewRow, ApiError> {
    let value: Value = serde_json::from_slice(bytes)
        .map_err(|err| ApiError::BadJson(format!("The request body is not valid JSON ({err}).")))?;
    let Value::Object(obj) = value else {
        return Err(ApiError::BadJson(
            "The request body must be a JSON object describing the comment.".into(),
        ));
    };

    let body = read_body(&obj)?;
    let (name, email) = read_author(&obj)?;
    let format = read_format(&obj)?;
    let parent = read_parent(&obj)?;
    Ok(NewRow {
        parent,
        author_name: name,
        author_email: email,
        body,
        format,
        ..NewRow::default()
    })
}

/// The honeypot: a form field people never see (`website`). A post that fills it came from a bot.
pub fn honeypot_filled(bytes: &[u8]) -> bool {
    serde_json::from_slice::<Value>(bytes)
        .ok()
        .and_then(|v| {
            v.get("website")
                .and_then(Value::as_str)
                .map(|w| !w.trim().is_empty())
        })
        .unwrap_or(false)
}

/// Reads an edit: `{"body": "…", "format": "markdown"|"text"}`, validated like a new comment's text.
pub fn parse_edit(bytes: &[u8]) -> Result<(String, String), ApiError> {
    let value: Value = serde_json::from_slice(bytes)
        .map_err(|err| ApiError::BadJson(format!("The request body is not valid JSON ({err}).")))?;
    let Value::Object(obj) = value else {
        return Err(ApiError::BadJson(
            "The request body must be a JSON object.".into(),
        ));
    };
    Ok((read_body(&obj)?, read_format(&obj)?))
}

/// Checks an `Idempotency-Key` header: 1 to 255 visible ASCII characters.
pub fn check_idempotency_key(key: &str) -> Result<(), ApiError> {
    if key.is_empty() || key.len() > 255 || !key.bytes().all(|b| b.is_ascii_graphic()) {
        return Err(ApiError::BadJson(
            "The Idempotency-Key header must be 1 to 255 visible ASCII characters.".into(),
        ));
    }
    Ok(())
}

pub(crate) fn read_body(obj: &Map<String, Value>) -> Result<String, ApiError> {
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

fn read_author(obj: &Map<String, Value>) -> Result<(String, Option<String>), ApiError> {
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
        Some(Value::String(s)) => s.trim(),
        Some(_) => return Err(ApiError::field("author.name", "The name must be a string.")),
    };
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

pub(crate) fn read_format(obj: &Map<String, Value>) -> Result<String, ApiError> {
    match obj.get("format") {
        None | Some(Value::Null) => Ok("markdown".into()),
        Some(Value::String(s)) if s == "markdown" || s == "text" => Ok(s.clone()),
        Some(_) => Err(ApiError::field(
            "format",
            "The format must be \"markdown\" or \"text\".",
        )),
    }
}

fn read_parent(obj: &Map<String, Value>) -> Result<Option<String>, ApiError> {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn field_of(json: &str) -> Option<&'static str> {
        match parse(json.as_bytes()) {
            Err(ApiError::InvalidField { field, .. }) => Some(field),
            _ => None,
        }
    }

    #[test]
    fn accepts_a_minimal_comment() {
        let row = parse(br#"{"author":{"name":" Ana "},"body":"Hi"}"#);
        let row = row.unwrap_or_default();
        assert_eq!(row.author_name, "Ana");
        assert_eq!(row.format, "markdown");
        assert_eq!(row.parent, None);
        let with_parent =
            parse(br#"{"parent":12,"author":{"name":"A","email":""},"body":"x","format":"text"}"#);
        let with_parent = with_parent.unwrap_or_default();
        assert_eq!(with_parent.parent.as_deref(), Some("12"));
        assert_eq!(with_parent.author_email, None);
    }

    #[test]
    fn reports_the_faulty_field() {
        assert_eq!(field_of(r#"{"author":{"name":"A"}}"#), Some("body"));
        assert_eq!(
            field_of(r#"{"author":{"name":"A"},"body":"  \n"}"#),
            Some("body")
        );
        let long = format!(
            r#"{{"author":{{"name":"A"}},"body":"{}"}}"#,
            "é".repeat(5001)
        );
        assert_eq!(field_of(&long), Some("body"));
        let max = format!(
            r#"{{"author":{{"name":"A"}},"body":"{}"}}"#,
            "é".repeat(5000)
        );
        assert_eq!(field_of(&max), None);
        assert_eq!(field_of(r#"{"body":"x"}"#), Some("author.name"));
        assert_eq!(
            field_of(r#"{"author":{"name":"  "},"body":"x"}"#),
            Some("author.name")
        );
        assert_eq!(
            field_of(r#"{"author":{"name":"A","email":"nope"},"body":"x"}"#),
            Some("author.email")
        );
        assert_eq!(
            field_of(r#"{"author":{"name":"A"},"body":"x","format":"html"}"#),
            Some("format")
        );
        assert_eq!(
            field_of(r#"{"author":{"name":"A"},"body":"x","parent":true}"#),
            Some("parent")
        );
    }

    #[test]
    fn honeypot_and_keys() {
        assert!(honeypot_filled(br#"{"website":"http://spam.example"}"#));
        assert!(!honeypot_filled(br#"{"website":"  "}"#));
        assert!(!honeypot_filled(br#"{"body":"x"}"#));
        assert!(check_idempotency_key("abc-123").is_ok());
        assert!(check_idempotency_key("").is_err());
        assert!(check_idempotency_key("a b").is_err());
        assert!(check_idempotency_key(&"k".repeat(256)).is_err());
        assert!(parse_edit(br#"{"body":"new"}"#).is_ok());
        assert!(parse_edit(br#"{"body":""}"#).is_err());
    }

    #[test]
    fn rejects_non_objects_as_bad_json() {
        assert!(matches!(parse(b"[1]"), Err(ApiError::BadJson(_))));
        assert!(matches!(parse(b"{"), Err(ApiError::BadJson(_))));
        assert!(check_content_type(Some("application/json; charset=utf-8")).is_ok());
        assert!(check_content_type(Some("text/plain")).is_err());
        assert!(check_content_type(None).is_err());
    }
}
