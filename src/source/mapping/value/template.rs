//! `{path}` templates (URLs, post bodies) and the scalar text of one value.

use serde_json::Value;

use super::{parse_path, Doc};
use crate::source::error::SourceError;

/// Fill `{path}` placeholders from `cur` (`{{` and `}}` are literal braces). A placeholder that reaches nothing
/// makes the whole template absent, so a URL is never built with a hole in it.
pub fn template(doc: Doc<'_>, t: &str, cur: &Value) -> Result<Option<String>, SourceError> {
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
        let p = parse_path(path)?;
        match p.first(doc.root, cur) {
            Some(v) => match scalar(v, path)? {
                Some(s) => out.push_str(&s),
                None => return Ok(None),
            },
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
