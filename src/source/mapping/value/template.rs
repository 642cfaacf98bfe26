//! `{path}` templates (URLs, post bodies) and the scalar text of one value.

use serde_json::Value;

use super::super::doc::Field;
use super::{parse_path, Doc};
use crate::source::error::SourceError;

/// Fill `{path}` placeholders from `cur` (`{{` and `}}` are literal braces); a placeholder named in `with` is that
/// field's text, transforms applied. A placeholder that reaches nothing makes the whole template absent, so a URL
/// is never built with a hole in it.
pub fn template(
    doc: Doc<'_>,
    t: &str,
    cur: &Value,
    with: &[(String, Field)],
) -> Result<Option<String>, SourceError> {
    let mut out = String::new();
    let mut rest = t;
    while let Some(i) = rest.find(['{', '}']) {
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        if tail.starts_with("{{") || tail.starts_with("}}") {
            out.push_str(&tail[..1]);
            rest = &tail[2..];
            continue;
        }
        if tail.starts_with('}') {
            return Err(SourceError::BadMapping {
                reason: format!("the template \"{t}\" has a `}}` without `{{`"),
            });
        }
        let Some(end) = tail.find('}') else {
            return Err(SourceError::BadMapping {
                reason: format!("the template \"{t}\" has a `{{` that is not closed"),
            });
        };
        let path = &tail[1..end];
        let own = with.iter().find(|(name, _)| name == path);
        let text = match own {
            Some((_, f)) => super::text(doc, Some(f), cur)?,
            None => match parse_path(path)?.first(doc.root, cur) {
                Some(v) => scalar(v, path)?,
                None => None,
            },
        };
        match text {
            Some(s) => out.push_str(&s),
            None => return Ok(None),
        }
        rest = &tail[end + 1..];
    }
    out.push_str(rest);
    Ok(Some(out))
}

pub(super) fn scalar(v: &Value, path: &str) -> Result<Option<String>, SourceError> {
    match v {
        Value::Null => Ok(None),
        Value::String(s) => Ok(Some(s.clone())),
        Value::Number(n) => Ok(Some(n.to_string())),
        Value::Bool(b) => Ok(Some(b.to_string())),
        other => Err(SourceError::wrong(path, "a string", other)),
    }
}
