//! Reading one field through its spec: fallback paths, lookups, constants, templates and the value transforms.

use std::rc::Rc;

use serde_json::Value;

use super::date::parse_date;
use super::doc::{Field, FieldSpec};
use super::path::Path;
use crate::model::Timestamp;
use crate::source::entities::decode_entities;
use crate::source::error::SourceError;
use crate::source::sanitize::{sanitize, Policy};

/// The document being mapped: `$` paths start here.
#[derive(Clone, Copy)]
pub struct Doc<'a> {
    /// The whole document.
    pub root: &'a Value,
}

static NO_SPEC: FieldSpec = FieldSpec {
    path: None,
    constant: None,
    template: None,
    date: None,
    decode: false,
    strip_html: false,
    join: None,
    format: None,
    format_from: None,
    lookup: None,
    equals: None,
    after: None,
    replace: None,
    max_chars: None,
    or: None,
};

/// The spec of a field (a bare path has the default transforms) and its paths.
pub fn spec_of(field: &Field) -> (&FieldSpec, Vec<&str>) {
    match field {
        Field::Path(p) => (&NO_SPEC, vec![p.as_str()]),
        Field::Paths(ps) => (&NO_SPEC, ps.iter().map(String::as_str).collect()),
        Field::Spec(s) => (
            s,
            s.path
                .as_ref()
                .map(|p| p.as_slice().iter().map(String::as_str).collect())
                .unwrap_or_default(),
        ),
    }
}

/// The paths a field tries, for error messages: `` `a`, `b` ``.
pub fn tried(field: &Field) -> String {
    let (spec, paths) = spec_of(field);
    let mut out: Vec<String> = paths.iter().map(|p| format!("`{p}`")).collect();
    if let Some(t) = &spec.template {
        out.push(format!("template `{t}`"));
    }
    if out.is_empty() {
        "no path".into()
    } else {
        out.join(", ")
    }
}

fn parse_path(p: &str) -> Result<Path, SourceError> {
    Path::parse(p).map_err(|reason| SourceError::BadMapping { reason })
}

/// The values a field reaches from `cur`: those of the first path that reaches a non-null value (lookups
/// applied), else the constant. Also returns the path that matched, for error messages.
pub fn values<'a>(
    doc: Doc<'a>,
    field: &'a Field,
    cur: &'a Value,
) -> Result<(Vec<&'a Value>, String), SourceError> {
    let (spec, paths) = spec_of(field);
    for p in paths {
        let found: Vec<&Value> = parse_path(p)?
            .select(doc.root, cur)
            .into_iter()
            .filter(|v| !v.is_null() && v.as_str().is_none_or(|s| !s.trim().is_empty()))
            .collect();
        if found.is_empty() {
            continue;
        }
        let found = match &spec.lookup {
            None => found,
            Some(l) => {
                let within = parse_path(&l.within)?.select(doc.root, cur);
                let candidates: Vec<&Value> = within
                    .into_iter()
                    .flat_map(|v| match v {
                        Value::Array(a) => a.iter().collect::<Vec<_>>(),
                        other => vec![other],
                    })
                    .collect();
                let mut out = Vec::new();
                for v in flatten(found) {
                    let key = match (&l.by, v) {
                        (Some(by), Value::Object(o)) => o.get(by).unwrap_or(&Value::Null),
                        _ => v,
                    };
                    out.extend(
                        candidates
                            .iter()
                            .find(|c| c.get(&l.key).is_some_and(|k| loose_eq(k, key)))
                            .copied(),
                    );
                }
                out
            }
        };
        if !found.is_empty() {
            return Ok((found, p.to_string()));
        }
    }
    Ok(match (&spec.constant, &spec.or) {
        (Some(c), _) if !c.is_null() => (vec![c], "const".into()),
        (_, Some(or)) => values(doc, or, cur)?,
        _ => (Vec::new(), String::new()),
    })
}

/// Arrays reached by a path stand for their elements (so `tags` and `tags[*]` mean the same for a list).
pub fn flatten(vs: Vec<&Value>) -> Vec<&Value> {
    if vs.len() == 1 {
        if let Value::Array(a) = vs[0] {
            return a.iter().collect();
        }
    }
    vs
}

/// Strings and numbers compare by their text, so an id `12` finds `"12"`.
pub fn loose_eq(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::String(x), Value::Number(n)) | (Value::Number(n), Value::String(x)) => {
            x.trim() == n.to_string()
        }
        _ => a == b,
    }
}

/// The first value of a field, if any.
pub fn first<'a>(
    doc: Doc<'a>,
    field: &'a Field,
    cur: &'a Value,
) -> Result<Option<(&'a Value, String)>, SourceError> {
    let (vs, path) = values(doc, field, cur)?;
    Ok(vs.into_iter().next().map(|v| (v, path)))
}

/// A field as text, transforms applied: template, join, `after`, entity decoding, HTML stripping.
/// Numbers and booleans are written out; objects and arrays (without `join`) are a wrong type.
pub fn text<'a>(
    doc: Doc<'a>,
    field: Option<&'a Field>,
    cur: &'a Value,
) -> Result<Option<String>, SourceError> {
    let Some(field) = field else { return Ok(None) };
    let (spec, paths) = spec_of(field);
    if let Some(or) = &spec.or {
        // The fallback keeps its own transforms.
        let own = if spec.template.is_some() || !paths.is_empty() {
            text(doc, Some(&without_or(spec)), cur)?
        } else {
            None
        };
        return match own {
            Some(s) => Ok(Some(s)),
            None => text(doc, Some(or), cur),
        };
    }
    let raw = if let Some(t) = &spec.template {
        template(doc, t, cur)?
    } else if let Some(sep) = &spec.join {
        let (vs, path) = values(doc, field, cur)?;
        let parts = flatten(vs)
            .into_iter()
            .map(|v| scalar(v, &path))
            .collect::<Result<Vec<_>, _>>()?;
        let parts: Vec<String> = parts.into_iter().flatten().collect();
        (!parts.is_empty()).then(|| parts.join(sep))
    } else {
        match first(doc, field, cur)? {
            None => None,
            Some((v, path)) => scalar(v, &path)?,
        }
    };
    Ok(raw.map(|s| finish(spec, s)))
}

fn without_or(spec: &FieldSpec) -> Field {
    Field::Spec(Box::new(FieldSpec {
        or: None,
        ..spec.clone()
    }))
}

/// Where a body comes from: the first field of the `or` chain that reaches a value, with that field's spec (its
/// `format`) and path. Strings are entity-decoded when the spec says `decode` (Reddit's `selftext_html`).
pub fn body_source<'a>(
    doc: Doc<'_>,
    field: &'a Field,
    cur: &Value,
) -> Result<Option<(Value, String, &'a FieldSpec)>, SourceError> {
    for f in chain(field) {
        let (spec, _) = spec_of(f);
        let own = match f {
            Field::Spec(s) => without_or(s),
            other => other.clone(),
        };
        if spec.template.is_some() {
            if let Some(s) = text(doc, Some(&own), cur)? {
                return Ok(Some((Value::String(s), "template".into(), spec)));
            }
            continue;
        }
        let (vs, path) = values(doc, &own, cur)?;
        if let Some(v) = vs.first() {
            let v = match (v, spec.decode) {
                (Value::String(s), true) => Value::String(decode_entities(s).into_owned()),
                _ => (*v).clone(),
            };
            return Ok(Some((v, path, spec)));
        }
    }
    Ok(None)
}

/// The field and its `or` chain, in order: the body tries each with its own format.
pub fn chain(field: &Field) -> Vec<&Field> {
    let mut out = vec![field];
    let mut at = field;
    while let Field::Spec(s) = at {
        match &s.or {
            Some(next) if out.len() < 16 => {
                out.push(next);
                at = next;
            }
            _ => break,
        }
    }
    out
}

fn finish(spec: &FieldSpec, s: String) -> String {
    let s = match &spec.after {
        Some(sep) => s.rsplit(sep.as_str()).next().unwrap_or(&s).to_string(),
        None => s,
    };
    let s = if spec.decode {
        decode_entities(&s).into_owned()
    } else {
        s
    };
    let s = match &spec.replace {
        Some((from, to)) if !from.is_empty() => s.replace(from.as_str(), to),
        _ => s,
    };
    let s = if spec.strip_html {
        crate::source::sanitize::plain_text(&sanitize(&s, Policy::Comment, None))
    } else {
        s
    };
    match spec.max_chars {
        Some(max) if s.chars().count() > max => {
            let cut: String = s.chars().take(max).collect();
            let cut = match cut.rfind(char::is_whitespace) {
                Some(i) if i > 0 => &cut[..i],
                _ => &cut[..],
            };
            format!("{}…", cut.trim_end())
        }
        _ => s,
    }
}

fn scalar(v: &Value, path: &str) -> Result<Option<String>, SourceError> {
    match v {
        Value::Null => Ok(None),
        Value::String(s) => Ok(Some(s.clone())),
        Value::Number(n) => Ok(Some(n.to_string())),
        Value::Bool(b) => Ok(Some(b.to_string())),
        other => Err(SourceError::wrong(path, "a string", other)),
    }
}

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

/// A flag: with `equals`, whether the value (null when absent) equals one of the listed values; without, whether
/// it is true, a non-zero number, or a non-empty string other than "false"/"0".
pub fn flag<'a>(
    doc: Doc<'a>,
    field: Option<&'a Field>,
    cur: &'a Value,
) -> Result<bool, SourceError> {
    let Some(field) = field else { return Ok(false) };
    let (spec, _) = spec_of(field);
    let v = first(doc, field, cur)?.map_or(&Value::Null, |(v, _)| v);
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
