//! Small readers that know their JSON path: each reads one field of an object as the type Folio JSON gives it,
//! treats `null` as absent, and reports a wrong type with the field's path.

use std::rc::Rc;

use serde_json::{Map, Value};

use super::super::date::{from_unix, parse_iso8601};
use super::super::error::SourceError;
use super::super::url::safe_link;
use crate::model::Timestamp;

pub(super) fn object<'a>(v: &'a Value, path: &str) -> Result<&'a Map<String, Value>, SourceError> {
    v.as_object()
        .ok_or_else(|| wrong(if path.is_empty() { "/" } else { path }, "an object", v))
}

pub(super) fn text<'a>(
    o: &'a Map<String, Value>,
    key: &str,
    path: &str,
) -> Result<Option<&'a str>, SourceError> {
    match o.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s)),
        Some(other) => Err(wrong(&format!("{path}/{key}"), "a string", other)),
    }
}

/// A plain-text field, trimmed; empty counts as absent.
pub(super) fn plain(
    o: &Map<String, Value>,
    key: &str,
    path: &str,
) -> Result<Option<Rc<str>>, SourceError> {
    Ok(text(o, key, path)?
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(Rc::from))
}

pub(super) fn link(
    o: &Map<String, Value>,
    key: &str,
    path: &str,
    base: Option<&str>,
) -> Result<Option<Rc<str>>, SourceError> {
    Ok(text(o, key, path)?
        .and_then(|u| safe_link(base, u))
        .map(Rc::from))
}

pub(super) fn flag(o: &Map<String, Value>, key: &str, path: &str) -> Result<bool, SourceError> {
    match o.get(key) {
        None | Some(Value::Null) => Ok(false),
        Some(Value::Bool(b)) => Ok(*b),
        Some(other) => Err(wrong(&format!("{path}/{key}"), "true or false", other)),
    }
}

pub(super) fn count(
    o: &Map<String, Value>,
    key: &str,
    path: &str,
) -> Result<Option<usize>, SourceError> {
    match o.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Number(n)) => match n.as_u64().and_then(|n| usize::try_from(n).ok()) {
            Some(n) => Ok(Some(n)),
            None => Err(bad(
                &format!("{path}/{key}"),
                format!("{n} is not a whole number of zero or more"),
            )),
        },
        Some(other) => Err(wrong(&format!("{path}/{key}"), "a number", other)),
    }
}

pub(super) fn date(
    o: &Map<String, Value>,
    key: &str,
    path: &str,
) -> Result<Option<Timestamp>, SourceError> {
    let at = || format!("{path}/{key}");
    match o.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) if s.trim().is_empty() => Ok(None),
        Some(Value::String(s)) => parse_iso8601(s).map(Some).ok_or_else(|| {
            bad(
                &at(),
                format!("\"{s}\" is not an ISO 8601 date (like 2017-03-31T14:05:00Z)"),
            )
        }),
        Some(Value::Number(n)) => n
            .as_f64()
            .and_then(from_unix)
            .map(Some)
            .ok_or_else(|| bad(&at(), format!("{n} is out of range"))),
        Some(other) => Err(wrong(&at(), "a date", other)),
    }
}

pub(super) fn id(v: Option<&Value>, path: &str) -> Result<Option<Rc<str>>, SourceError> {
    match v {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) if s.trim().is_empty() => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.trim().into())),
        Some(Value::Number(n)) => Ok(Some(n.to_string().into())),
        Some(other) => Err(wrong(path, "a string or a number", other)),
    }
}

pub(super) fn id_or_none(v: Option<&Value>, path: &str) -> Result<Option<Rc<str>>, SourceError> {
    Ok(id(v, path)?.filter(|p| &**p != "0"))
}

pub(super) fn list<T>(
    o: &Map<String, Value>,
    key: &str,
    path: &str,
    mut each: impl FnMut(&Value, &str) -> Result<T, SourceError>,
) -> Result<Vec<T>, SourceError> {
    match o.get(key) {
        None | Some(Value::Null) => Ok(Vec::new()),
        Some(Value::Array(items)) => items
            .iter()
            .enumerate()
            .map(|(i, v)| each(v, &format!("{path}/{key}/{i}")))
            .collect(),
        Some(other) => Err(wrong(&format!("{path}/{key}"), "an array", other)),
    }
}

pub(super) fn wrong(path: &str, expected: &'static str, found: &Value) -> SourceError {
    SourceError::wrong(path, expected, found)
}

pub(super) fn bad(path: &str, reason: String) -> SourceError {
    SourceError::bad(path, reason)
}
