//! Posting through a mapping: the request built from the form, and the response mapped back to a comment.

use std::collections::BTreeMap;

use serde_json::Value;

use super::comments::{one, section};
use super::doc::Mapping;
use super::value::{template, Doc};
use crate::model::Comment;
use crate::source::error::SourceError;
use crate::source::folio_json::{comment as folio_comment, parse_json};
use crate::source::url::safe_link;

/// What the reader typed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PostForm {
    /// The comment.
    pub text: String,
    /// Their name.
    pub name: String,
    /// Their e-mail, when asked.
    pub email: String,
    /// The id of the comment answered, if any.
    pub parent: Option<String>,
}

/// A request ready to send.
#[derive(Clone, Debug, PartialEq)]
pub struct PostRequest {
    /// Absolute URL.
    pub url: String,
    /// `POST`, `PUT` ...
    pub method: String,
    /// Extra headers.
    pub headers: BTreeMap<String, String>,
    /// The JSON body.
    pub body: Value,
}

/// Build the request for `form`; `article` is the article object (for `{article.<path>}` and the URL template).
/// `None` when the mapping is read-only.
pub fn post_request(
    m: &Mapping,
    article: &Value,
    form: &PostForm,
    base: Option<&str>,
) -> Result<Option<PostRequest>, SourceError> {
    let c = section(m)?;
    let (Some(p), false) = (&c.post, c.read_only) else {
        return Ok(None);
    };
    let doc = Doc { root: article };
    let t = p.url.as_deref().unwrap_or("");
    let Some(url) = template(doc, t, article)?.and_then(|u| safe_link(base, &u)) else {
        return Err(SourceError::BadMapping {
            reason: format!("the post URL template \"{t}\" gives no http(s) URL"),
        });
    };
    let body = match &p.body {
        Some(b) => fill(b, article, form, 0),
        None => serde_json::json!({
            "body": form.text, "author": {"name": form.name}, "parent": form.parent,
        }),
    };
    Ok(Some(PostRequest {
        url,
        method: p
            .method
            .clone()
            .unwrap_or_else(|| "POST".into())
            .to_ascii_uppercase(),
        headers: p.headers.clone(),
        body,
    }))
}

/// Replace placeholders in the body template: a string that is exactly `{text}`, `{name}`, `{email}`, `{parent}`
/// or `{article.<path>}` takes the value (numbers stay numbers; a missing parent becomes `null`, or `0` with
/// `{parent_or_0}`).
fn fill(t: &Value, article: &Value, form: &PostForm, depth: usize) -> Value {
    if depth > 32 {
        return Value::Null;
    }
    match t {
        Value::String(s) => match s.as_str() {
            "{text}" => form.text.clone().into(),
            "{name}" => form.name.clone().into(),
            "{email}" => form.email.clone().into(),
            "{parent}" => form.parent.clone().map_or(Value::Null, number_or_string),
            "{parent_or_0}" => form.parent.clone().map_or(Value::from(0), number_or_string),
            other => match other
                .strip_prefix("{article.")
                .and_then(|r| r.strip_suffix('}'))
            {
                Some(path) => super::path::Path::parse(path)
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

fn number_or_string(s: String) -> Value {
    s.parse::<u64>().map_or(Value::String(s), Value::from)
}

/// The comment the server answered with, mapped with `post.response` (or Folio's format).
pub fn post_response(m: &Mapping, text: &str, base: Option<&str>) -> Result<Comment, SourceError> {
    let v = parse_json(text)?;
    let c = section(m)?;
    match c.post.as_ref().and_then(|p| p.response.as_ref()) {
        Some(cm) => {
            one(Doc { root: &v }, cm, &v, "response", base)?.ok_or_else(|| SourceError::BadValue {
                path: "response".into(),
                reason: "the mapping skips the server's answer".into(),
            })
        }
        None => folio_comment(&v, "", base),
    }
}
