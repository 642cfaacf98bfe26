//! Reading the mapping document from parsed JSON: the helpers every section's reader shares.
//!
//! Hand-written instead of `#[derive(Deserialize)]`: the derives, with serde's buffering for the untagged and
//! tagged enums, were the largest block of Folio's own code in the embed's WebAssembly (issue 11), while these
//! readers are plain functions over the `serde_json::Value` the widget parses anyway. They also name where the
//! problem is (`comments.threading.max_items`), which serde's messages could not.

use serde_json::Value;

/// A reader's result: the value, or what is wrong, without the "not valid" prefix `parse_mapping` adds.
pub(super) type Read<T> = Result<T, String>;

/// A reader of one part of the document, given the part and its path.
pub(super) type Reader<T> = fn(&Value, &str) -> Read<T>;

/// How a wrong value is described: numbers by their value (`-3`, `1.5`), the rest by their kind.
fn describe(v: &Value) -> String {
    match v {
        Value::Null => "null".into(),
        Value::Bool(_) => "a boolean".into(),
        Value::Number(n) => n.to_string(),
        Value::String(_) => "a string".into(),
        Value::Array(_) => "an array".into(),
        Value::Object(_) => "an object".into(),
    }
}

/// Where `path` is, for messages; the empty path is the document itself.
pub(super) fn place(path: &str) -> String {
    if path.is_empty() {
        "the document".into()
    } else {
        format!("`{path}`")
    }
}

/// "`path` must be {what}, not {v}".
pub(super) fn expected(path: &str, what: &str, v: &Value) -> String {
    format!("{} must be {what}, not {}", place(path), describe(v))
}

/// The path of `key` inside `path`.
pub(super) fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.into()
    } else {
        format!("{path}.{key}")
    }
}

/// A string.
pub(super) fn string(v: &Value, path: &str) -> Read<String> {
    v.as_str()
        .map(str::to_owned)
        .ok_or_else(|| expected(path, "a string", v))
}

/// An array of strings; a wrong element is named by its index (`detect[1]`).
pub(super) fn strings(v: &Value, path: &str) -> Read<Vec<String>> {
    let items = v
        .as_array()
        .ok_or_else(|| expected(path, "an array of strings", v))?;
    let item = |(i, s): (usize, &Value)| string(s, &format!("{path}[{i}]"));
    items.iter().enumerate().map(item).collect()
}

/// A flag.
pub(super) fn flag(v: &Value, path: &str) -> Read<bool> {
    v.as_bool()
        .ok_or_else(|| expected(path, "true or false", v))
}

/// A count (lengths, item limits).
pub(super) fn count(v: &Value, path: &str) -> Read<usize> {
    // On a 64-bit host usize::MAX is u64::MAX, on wasm32 u32::MAX: either way the cast back is lossless.
    uint(v, path, usize::MAX as u64).map(|n| n as usize)
}

/// A page number or size.
pub(super) fn page_number(v: &Value, path: &str) -> Read<u32> {
    uint(v, path, u32::MAX.into()).map(|n| n as u32)
}

/// A non-negative integer no larger than `max` (serde refused floats such as `1.0` too).
fn uint(v: &Value, path: &str, max: u64) -> Read<u64> {
    match v.as_u64() {
        Some(n) if n <= max => Ok(n),
        Some(_) => Err(expected(path, &format!("at most {max}"), v)),
        None => Err(expected(path, "a non-negative integer", v)),
    }
}
