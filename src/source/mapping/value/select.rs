//! Reaching a field's values: the first path that reaches something non-null (with lookups into another list of
//! the document), else the constant or the `or` fallback.

use serde_json::Value;

use super::super::doc::{Field, Test, Where};
use super::{parse_path, spec_of, Doc};
use crate::source::error::SourceError;

/// The values a field reaches from `cur`: those of the first path that reaches a non-null value (lookups
/// applied), else the constant. Also returns the path that matched, for error messages.
pub fn values<'a>(
    doc: Doc<'a>,
    field: &'a Field,
    cur: &'a Value,
) -> Result<(Vec<&'a Value>, String), SourceError> {
    values_lost(doc, field, cur, &mut None)
}

/// [`values`], noting in `lost` the first step (`lookup`, `where`, `then`) that left a path's values with none:
/// the warnings say which step to look at.
pub fn values_lost<'a>(
    doc: Doc<'a>,
    field: &'a Field,
    cur: &'a Value,
    lost: &mut Option<&'static str>,
) -> Result<(Vec<&'a Value>, String), SourceError> {
    let (spec, paths) = spec_of(field);
    if !spec.merge.is_empty() {
        let mut all = Vec::new();
        for f in &spec.merge {
            all.extend(flatten(values_lost(doc, f, cur, lost)?.0));
        }
        return Ok((all, "merge".into()));
    }
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
                // `key` and `by` are paths, so a key nested in each object is reached too (Contentful's `sys.id`).
                let key_path = parse_path(&l.key)?;
                let by_path = l.by.as_deref().map(parse_path).transpose()?;
                let mut out = Vec::new();
                for v in flatten(found) {
                    let key = match (&by_path, v) {
                        (Some(by), Value::Object(_)) => {
                            by.first(doc.root, v).unwrap_or(&Value::Null)
                        }
                        _ => v,
                    };
                    out.extend(
                        candidates
                            .iter()
                            .find(|c| {
                                key_path
                                    .first(doc.root, c)
                                    .is_some_and(|k| loose_eq(k, key))
                            })
                            .copied(),
                    );
                }
                out
            }
        };
        if found.is_empty() {
            lost.get_or_insert("lookup");
        }
        let found = if spec.filter.is_empty() {
            found
        } else {
            let mut kept = Vec::new();
            for v in flatten(found) {
                if passes(doc, &spec.filter, v)? {
                    kept.push(v);
                }
            }
            if kept.is_empty() {
                lost.get_or_insert("where");
            }
            kept
        };
        let found = match &spec.then {
            None => found,
            Some(t) => {
                let t = parse_path(t)?;
                let reached = found.into_iter().flat_map(|v| t.select(doc.root, v));
                let found: Vec<&Value> = reached.filter(|v| !v.is_null()).collect();
                if found.is_empty() {
                    lost.get_or_insert("then");
                }
                found
            }
        };
        if !found.is_empty() {
            return Ok((found, p.to_string()));
        }
    }
    Ok(match (&spec.constant, &spec.or) {
        (Some(c), _) if !c.is_null() => (vec![c], "const".into()),
        (_, Some(or)) => values_lost(doc, or, cur, lost)?,
        _ => (Vec::new(), String::new()),
    })
}

/// Whether the item `v` passes every condition of a `where` (each read on the item itself).
pub fn passes(doc: Doc<'_>, conds: &[Where], v: &Value) -> Result<bool, SourceError> {
    for c in conds {
        let x = parse_path(&c.path)?.first(doc.root, v);
        let any_eq = |vs: &[Value]| vs.iter().any(|e| loose_eq(e, x.unwrap_or(&Value::Null)));
        let ok = match &c.test {
            Test::Equals(vs) => any_eq(vs),
            Test::Not(vs) => !any_eq(vs),
            Test::Exists(b) => x.is_some() == *b,
        };
        if !ok {
            return Ok(false);
        }
    }
    Ok(true)
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
