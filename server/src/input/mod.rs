//! Reading and validating a posted comment (an editor's entries and corrections are read in `live`):
//! `{"parent": null|"id", "author": {"name": "…", "email": "…"?}, "body": "…", "format": "markdown"|"text"}`.
//!
//! The body is parsed as a generic JSON value first, so a wrong type is reported against the
//! field that has it (`invalid_field`) instead of as an opaque deserialisation error.

mod fields;
pub mod live;
mod names;
#[cfg(test)]
mod tests;

use serde_json::{Map, Value};

use crate::db::NewRow;
use crate::errors::ApiError;
use fields::{read_author, read_body, read_format, read_parent};
pub use names::is_format_char;

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
    let obj = json_object(bytes, "a JSON object describing the comment")?;
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
    let obj = json_object(bytes, "a JSON object")?;
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

/// The body as a JSON object; anything else is `bad_json`, saying the body must be `what`.
fn json_object(bytes: &[u8], what: &str) -> Result<Map<String, Value>, ApiError> {
    let value: Value = serde_json::from_slice(bytes)
        .map_err(|err| ApiError::BadJson(format!("The request body is not valid JSON ({err}).")))?;
    match value {
        Value::Object(obj) => Ok(obj),
        _ => Err(ApiError::BadJson(format!(
            "The request body must be {what}."
        ))),
    }
}
