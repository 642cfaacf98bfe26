//! Typed reads of a field: trimmed text, ids, dates (with the field's `date` format), flags and whole numbers.

use std::rc::Rc;

use serde_json::Value;

use super::super::date::parse_date;
use super::super::doc::Field;
use super::select::{first, loose_eq};
use super::text::text;
use super::{parse_path, spec_of, Doc};
use crate::model::Timestamp;
use crate::source::error::SourceError;

/// Trimmed text; empty counts as absent.
pub fn plain<'a>(
    doc: Doc<'a>,
    field: Option<&'a Field>,
    cur: &'a Value,
) -> Result<Option<Rc<str>>, SourceError> {
    Ok(text(doc, field, cur)?
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .map(Rc::from))
}

/// An id: a string or a number, trimmed; empty counts as absent.
pub fn id<'a>(
    doc: Doc<'a>,
    field: Option<&'a Field>,
    cur: &'a Value,
) -> Result<Option<Rc<str>>, SourceError> {
    plain(doc, field, cur)
}

/// A date, read with the field's `date` format.
pub fn date<'a>(
    doc: Doc<'a>,
    field: Option<&'a Field>,
    cur: &'a Value,
) -> Result<Option<Timestamp>, SourceError> {
    let Some(field) = field else { return Ok(None) };
    let (spec, _) = spec_of(field);
    let Some((v, path)) = first(doc, field, cur)? else {
        return Ok(None);
    };
    parse_date(v, spec.date.as_deref().unwrap_or("auto"), &path)
}

/// A flag: with `any` / `all`, whether any / all of those flags are true; with `equals_article`, whether the value
/// equals the article's at that path; with `equals`, whether the value (null when absent) equals one of the listed
/// values; without, whether it is true, a non-zero number, or a non-empty string other than "false"/"0".
pub fn flag<'a>(
    doc: Doc<'a>,
    field: Option<&'a Field>,
    cur: &'a Value,
) -> Result<bool, SourceError> {
    let Some(field) = field else { return Ok(false) };
    let (spec, _) = spec_of(field);
    // `any` / `all` combine other flags; each keeps its own path and test.
    for f in &spec.any {
        if flag(doc, Some(f), cur)? {
            return Ok(true);
        }
    }
    for f in &spec.all {
        if !flag(doc, Some(f), cur)? {
            return Ok(false);
        }
    }
    if !spec.any.is_empty() || !spec.all.is_empty() {
        return Ok(spec.any.is_empty());
    }
    let v = first(doc, field, cur)?.map_or(&Value::Null, |(v, _)| v);
    if let Some(p) = &spec.equals_article {
        // Read on the article object (the comment's author against the article's): both must be there.
        let a = match doc.article {
            Some(a) => parse_path(p)?.first(a, a),
            None => None,
        };
        return Ok(a.is_some_and(|a| !v.is_null() && loose_eq(a, v)));
    }
    if let Some(eq) = &spec.equals {
        return Ok(eq.as_slice().iter().any(|e| loose_eq(e, v)));
    }
    Ok(match v {
        Value::Bool(b) => *b,
        Value::Number(n) => n.as_f64().is_some_and(|f| f != 0.0),
        Value::String(s) => !matches!(s.trim(), "" | "false" | "0"),
        Value::Null => false,
        Value::Array(a) => !a.is_empty(),
        Value::Object(_) => true,
    })
}

/// A whole number (scores, sizes). Strings of digits are accepted; fractions are rounded toward zero.
pub fn number<'a>(
    doc: Doc<'a>,
    field: Option<&'a Field>,
    cur: &'a Value,
) -> Result<Option<i64>, SourceError> {
    let Some(field) = field else { return Ok(None) };
    let Some((v, path)) = first(doc, field, cur)? else {
        return Ok(None);
    };
    match v {
        Value::Number(n) => Ok(n
            .as_i64()
            .or_else(|| n.as_f64().map(|f| f.clamp(-9e15, 9e15) as i64))),
        Value::String(s) => s
            .trim()
            .parse::<i64>()
            .map(Some)
            .map_err(|_| SourceError::bad(&path, format!("\"{s}\" is not a number"))),
        other => Err(SourceError::wrong(&path, "a number", other)),
    }
}
