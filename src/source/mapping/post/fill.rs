//! The post body template filled in from the form: placeholders (`{text}`, `{html}`, `{name}`, `{email}`,
//! `{parent}`, `{article.<path>}`) and conditional objects (`"$if"`).

use serde_json::Value;

use super::PostForm;
use crate::source::markdown::markdown_to_html;
use crate::source::sanitize::Policy;

/// Replace placeholders in the body template: a string that is exactly `{text}`, `{html}`, `{name}`, `{email}`,
/// `{parent}` or `{article.<path>}` takes the value (numbers stay numbers; a missing parent becomes `null`, or `0`
/// with `{parent_or_0}`). `{html}` is the Markdown the reader wrote, rendered and sanitised, for APIs that store
/// HTML (WordPress shows `content` as HTML, so Markdown sent raw would show its asterisks). An object with an
/// `"$if"` key is kept (without that key) only when the placeholder it names has a value, and is `null` otherwise:
/// JSON:API wants `"pid": {"data": null}` for a top-level comment, not an object with a null id.
pub(super) fn fill(t: &Value, article: &Value, form: &PostForm, depth: usize) -> Value {
    if depth > 32 {
        return Value::Null;
    }
    match t {
        Value::Object(o) if o.contains_key(IF_KEY) => {
            let cond = o
                .get(IF_KEY)
                .map(|c| fill(c, article, form, depth + 1))
                .unwrap_or(Value::Null);
            if matches!(&cond, Value::Null) || cond.as_str() == Some("") {
                return Value::Null;
            }
            o.iter()
                .filter(|(k, _)| *k != IF_KEY)
                .map(|(k, v)| (k.clone(), fill(v, article, form, depth + 1)))
                .collect()
        }
        Value::String(s) => match s.as_str() {
            "{text}" => form.text.clone().into(),
            "{html}" => markdown_to_html(&form.text, Policy::Comment, None)
                .as_str()
                .trim_end()
                .into(),
            "{name}" => form.name.clone().into(),
            "{email}" => form.email.clone().into(),
            "{parent}" => form.parent.clone().map_or(Value::Null, number_or_string),
            "{parent_or_0}" => form.parent.clone().map_or(Value::from(0), number_or_string),
            other => match other
                .strip_prefix("{article.")
                .and_then(|r| r.strip_suffix('}'))
            {
                Some(path) => super::super::path::Path::parse(path)
                    .ok()
                    .and_then(|p| p.first(article, article).cloned())
                    .unwrap_or(Value::Null),
                None => t.clone(),
            },
        },
        Value::Array(a) => a
            .iter()
            .map(|v| fill(v, article, form, depth + 1))
            .collect(),
        Value::Object(o) => o
            .iter()
            .map(|(k, v)| (k.clone(), fill(v, article, form, depth + 1)))
            .collect(),
        other => other.clone(),
    }
}

/// The key that makes a template object conditional (see [`fill`]).
const IF_KEY: &str = "$if";

fn number_or_string(s: String) -> Value {
    s.parse::<u64>().map_or(Value::String(s), Value::from)
}
