//! Reading what an editor sends to a live article: a new entry
//! `{"author": "…" | {"name": "…"}, "title": "…"?, "body": "…", "body_format": "html"|"markdown"|"text"?}`, an
//! edit of one (`body`, with `title` and `body_format` when they change), a body correction (`body`,
//! `body_format`). Editors are trusted with HTML (the widget sanitises it anyway), not with sizes or types.

use serde_json::{Map, Value};

use super::json_object;
use super::names::without_format_chars;
use crate::errors::ApiError;
use crate::model::NewEntry;

/// Longest entry or corrected body, in characters: a long live-blog post, not a book.
pub const MAX_LIVE_BODY_CHARS: usize = 50_000;
/// Longest entry headline, in characters.
pub const MAX_TITLE_CHARS: usize = 300;

/// An edit of an entry: the new text and format, and the headline when the request names one (`Some(None)`
/// removes it).
pub type EntryEdit = (String, String, Option<Option<String>>);

/// A new entry (its id and date are the store's).
pub fn parse_entry(bytes: &[u8]) -> Result<NewEntry, ApiError> {
    let obj = json_object(bytes, "a JSON object describing the entry")?;
    let (body, format) = body_and_format(&obj)?;
    Ok(NewEntry {
        id: None,
        author: author(&obj)?,
        title: title(&obj)?.flatten(),
        body,
        format,
        published_at: 0,
    })
}

/// An edit of an entry.
pub fn parse_entry_edit(bytes: &[u8]) -> Result<EntryEdit, ApiError> {
    let obj = json_object(bytes, "a JSON object describing the entry")?;
    let (body, format) = body_and_format(&obj)?;
    Ok((body, format, title(&obj)?))
}

/// A correction of the article's body: its text and format.
pub fn parse_correction(bytes: &[u8]) -> Result<(String, String), ApiError> {
    body_and_format(&json_object(
        bytes,
        "a JSON object with the corrected body",
    )?)
}

fn body_and_format(obj: &Map<String, Value>) -> Result<(String, String), ApiError> {
    let body = match obj.get("body") {
        Some(Value::String(s)) if !s.trim().is_empty() => s.clone(),
        Some(Value::String(_)) => return Err(ApiError::field("body", "The text is empty.")),
        None | Some(Value::Null) => return Err(ApiError::field("body", "The text is missing.")),
        Some(_) => return Err(ApiError::field("body", "The text must be a string.")),
    };
    if body.chars().count() > MAX_LIVE_BODY_CHARS {
        return Err(ApiError::field(
            "body",
            format!("The text is too long: at most {MAX_LIVE_BODY_CHARS} characters are allowed."),
        ));
    }
    let format = match obj.get("body_format") {
        None | Some(Value::Null) => "html",
        Some(Value::String(f)) if ["html", "markdown", "text"].contains(&f.as_str()) => f,
        Some(_) => {
            return Err(ApiError::field(
                "body_format",
                "The format must be html, markdown or text.",
            ))
        }
    };
    Ok((body, format.to_owned()))
}

fn author(obj: &Map<String, Value>) -> Result<String, ApiError> {
    let name = match obj.get("author") {
        Some(Value::String(s)) => s,
        Some(Value::Object(a)) => match a.get("name") {
            Some(Value::String(s)) => s,
            _ => {
                return Err(ApiError::field(
                    "author.name",
                    "The author's name is missing.",
                ))
            }
        },
        _ => return Err(ApiError::field("author", "The author (a name) is missing.")),
    };
    let name = without_format_chars(name);
    let name = name.trim();
    if name.is_empty() || name.chars().count() > super::fields::MAX_NAME_CHARS {
        return Err(ApiError::field(
            "author",
            "The author's name must have 1 to 80 characters.",
        ));
    }
    Ok(name.to_owned())
}

/// `title`: absent (`None`), removed (`Some(None)`: null or blank) or a one-line headline.
fn title(obj: &Map<String, Value>) -> Result<Option<Option<String>>, ApiError> {
    match obj.get("title") {
        None => Ok(None),
        Some(Value::Null) => Ok(Some(None)),
        Some(Value::String(s)) => {
            let t = s.trim();
            if t.chars().count() > MAX_TITLE_CHARS || t.contains(['\n', '\r']) {
                return Err(ApiError::field(
                    "title",
                    "The headline must be one line of at most 300 characters.",
                ));
            }
            Ok(Some((!t.is_empty()).then(|| t.to_owned())))
        }
        Some(_) => Err(ApiError::field("title", "The headline must be a string.")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_are_checked_field_by_field() {
        let e = parse_entry(br#"{"author": {"name": " Ana "}, "title": "Hi", "body": "<p>x</p>"}"#)
            .expect("valid");
        assert_eq!(
            (e.author.as_str(), e.title.as_deref(), e.format.as_str()),
            ("Ana", Some("Hi"), "html")
        );
        let field = |r: Result<NewEntry, ApiError>| match r {
            Err(ApiError::InvalidField { field, .. }) => field,
            other => panic!("{other:?}"),
        };
        assert_eq!(
            field(parse_entry(br#"{"author": "A", "body": " "}"#)),
            "body"
        );
        assert_eq!(field(parse_entry(br#"{"body": "x"}"#)), "author");
        assert_eq!(
            field(parse_entry(
                br#"{"author": "A", "body": "x", "body_format": "rtf"}"#
            )),
            "body_format"
        );
        assert_eq!(
            field(parse_entry(br#"{"author": "A", "body": "x", "title": 3}"#)),
            "title"
        );
        let (_, _, t) = parse_entry_edit(br#"{"body": "x", "title": null}"#).expect("valid");
        assert_eq!(t, Some(None));
        assert!(parse_correction(b"[]").is_err());
    }
}
