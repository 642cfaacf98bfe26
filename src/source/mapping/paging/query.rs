//! Setting one query parameter of a URL, as the page, offset and cursor styles do.

use crate::source::url::encode_component;

/// `url` with query parameter `key` set to `value` (added or replaced), percent-encoding the value.
pub fn set_param(url: &str, key: &str, value: &str) -> String {
    let (rest, fragment) = match url.split_once('#') {
        Some((r, f)) => (r, Some(f)),
        None => (url, None),
    };
    let (path, query) = rest.split_once('?').unwrap_or((rest, ""));
    let encoded = encode_component(value);
    let mut pairs: Vec<String> = query
        .split('&')
        .filter(|p| !p.is_empty() && p.split('=').next() != Some(key))
        .map(str::to_string)
        .collect();
    pairs.push(format!("{key}={encoded}"));
    let mut out = format!("{path}?{}", pairs.join("&"));
    if let Some(f) = fragment {
        out.push('#');
        out.push_str(f);
    }
    out
}
