//! The path language of mapping documents: where a value sits in a JSON document.
//!
//! - `/a/0/b`: a JSON Pointer (RFC 6901), for keys with dots or brackets in them;
//! - `a.b[0].c`: dotted keys with array indexing; `[-1]` is the last element;
//! - `a[*].b` or `a.*.b`: every element of an array (or every value of an object);
//! - a leading `$` starts from the whole document instead of the current item (`$.included`, `$/feed/title`);
//! - `` or `$` alone: the item itself (or the document).
//!
//! Fallbacks ("the first of these that exists") are written as a list of paths in the mapping, not here.

use serde_json::Value;

/// One step of a parsed path.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Step {
    Key(String),
    Index(i64),
    All,
}

/// A parsed path.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Path {
    from_root: bool,
    steps: Vec<Step>,
}

impl Path {
    /// Parse a path. Malformed brackets are reported with the path, so a typo in a mapping is named.
    pub fn parse(text: &str) -> Result<Path, String> {
        let t = text.trim();
        let (from_root, rest) = match t.strip_prefix('$') {
            Some(r) => (true, r),
            None => (false, t),
        };
        let steps = if let Some(pointer) = rest.strip_prefix('/') {
            pointer
                .split('/')
                .map(|s| {
                    let key = s.replace("~1", "/").replace("~0", "~");
                    if key == "*" {
                        Step::All
                    } else {
                        Step::Key(key)
                    }
                })
                .collect()
        } else {
            dotted(rest.strip_prefix('.').unwrap_or(rest))
                .map_err(|e| format!("the path \"{text}\" is malformed: {e}"))?
        };
        Ok(Path { from_root, steps })
    }

    /// Every value the path reaches from `current` (or `root`, for `$` paths), in document order. Missing keys and
    /// indices reach nothing; `null` values are kept (a caller decides whether null counts as absent).
    pub fn select<'a>(&self, root: &'a Value, current: &'a Value) -> Vec<&'a Value> {
        let mut now: Vec<&'a Value> = vec![if self.from_root { root } else { current }];
        for step in &self.steps {
            let mut next = Vec::new();
            for v in now {
                match (step, v) {
                    (Step::Key(k), Value::Object(o)) => next.extend(o.get(k)),
                    // A pointer step like `/0` is an index on an array.
                    (Step::Key(k), Value::Array(a)) => {
                        next.extend(k.parse::<usize>().ok().and_then(|i| a.get(i)))
                    }
                    (Step::Index(i), Value::Array(a)) => {
                        let len = a.len() as i64;
                        let at = if *i < 0 { len + i } else { *i };
                        if (0..len).contains(&at) {
                            next.extend(a.get(at as usize));
                        }
                    }
                    (Step::All, Value::Array(a)) => next.extend(a.iter()),
                    (Step::All, Value::Object(o)) => next.extend(o.values()),
                    _ => {}
                }
            }
            now = next;
            if now.is_empty() {
                break;
            }
        }
        now
    }

    /// The first non-null value the path reaches.
    pub fn first<'a>(&self, root: &'a Value, current: &'a Value) -> Option<&'a Value> {
        self.select(root, current)
            .into_iter()
            .find(|v| !v.is_null())
    }
}

fn dotted(text: &str) -> Result<Vec<Step>, String> {
    let mut steps = Vec::new();
    let mut key = String::new();
    let mut chars = text.chars().peekable();
    let flush = |key: &mut String, steps: &mut Vec<Step>| {
        if !key.is_empty() {
            let k = std::mem::take(key);
            steps.push(if k == "*" { Step::All } else { Step::Key(k) });
        }
    };
    while let Some(c) = chars.next() {
        match c {
            '.' => flush(&mut key, &mut steps),
            '[' => {
                flush(&mut key, &mut steps);
                let mut inner = String::new();
                loop {
                    match chars.next() {
                        Some(']') => break,
                        Some(ch) => inner.push(ch),
                        None => return Err("a `[` is not closed".into()),
                    }
                }
                let inner = inner.trim();
                let inner = inner.trim_matches(|c| c == '"' || c == '\'');
                steps.push(if inner == "*" {
                    Step::All
                } else if let Ok(i) = inner.parse::<i64>() {
                    Step::Index(i)
                } else if !inner.is_empty() {
                    Step::Key(inner.to_string())
                } else {
                    return Err("`[]` needs an index, `*` or a key".into());
                });
            }
            ']' => return Err("a `]` has no `[`".into()),
            _ => key.push(c),
        }
    }
    flush(&mut key, &mut steps);
    Ok(steps)
}

#[cfg(test)]
mod tests;
