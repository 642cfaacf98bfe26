//! A field as text with its transforms (template, join, `after`, entity decoding, replace, HTML stripping,
//! length cut), and where a body comes from along its `or` chain.

use serde_json::Value;

use super::super::doc::{Field, FieldSpec};
use super::select::{first, flatten, values};
use super::template::{scalar, template};
use super::{spec_of, Doc};
use crate::source::entities::decode_entities;
use crate::source::error::SourceError;
use crate::source::sanitize::{sanitize, Policy};

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
        template(doc, t, cur, &spec.with)?
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
    let s = spec
        .replace
        .iter()
        .filter(|(from, _)| !from.is_empty())
        .fold(s, |s, (from, to)| s.replace(from.as_str(), to));
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
