//! Posting through a mapping: the request built from the form, and the response mapped back to a comment. The
//! body template is filled in by [`fill`](mod@fill).

mod fill;

use std::collections::BTreeMap;

use serde_json::Value;

use super::comments::{one, section};
use super::doc::Mapping;
use super::value::{flag, template, Doc};
use crate::model::Comment;
use crate::source::error::SourceError;
use crate::source::folio_json::{comment as folio_comment, parse_json};
use crate::source::url::safe_link;
use fill::fill;

pub use super::form::PostForm;

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
    let doc = Doc::new(article);
    let t = p.url.as_deref().unwrap_or("");
    let Some(url) = template(doc, t, article, &[])?.and_then(|u| safe_link(base, &u)) else {
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

/// Whether the mapping posts a body of its own (a `post.body` template) rather than Folio's comment format: the
/// compose form then builds the request with [`post_request`] and reads the answer with [`post_response`].
pub fn posts_template(m: &Mapping) -> bool {
    m.comments
        .as_ref()
        .and_then(|c| c.post.as_ref().filter(|_| !c.read_only))
        .is_some_and(|p| p.body.is_some())
}

/// Whether the server's answer says the comment waits for a moderator (`post.held`, a flag on the response:
/// WordPress answers 201 with `"status": "hold"`, Drupal with `"status": false`). Without `held`, never.
pub fn post_held(m: &Mapping, text: &str) -> bool {
    let Ok(v) = parse_json(text) else {
        return false;
    };
    let held = m
        .comments
        .as_ref()
        .and_then(|c| c.post.as_ref())
        .and_then(|p| p.held.as_ref());
    held.is_some() && flag(Doc::new(&v), held, &v).unwrap_or(false)
}

/// The comment the server answered with, mapped with `post.response` (or Folio's format).
pub fn post_response(m: &Mapping, text: &str, base: Option<&str>) -> Result<Comment, SourceError> {
    let v = parse_json(text)?;
    let c = section(m)?;
    match c.post.as_ref().and_then(|p| p.response.as_ref()) {
        Some(cm) => {
            one(Doc::new(&v), cm, &v, "response", base)?.ok_or_else(|| SourceError::BadValue {
                path: "response".into(),
                reason: "the mapping skips the server's answer".into(),
            })
        }
        None => folio_comment(&v, "", base),
    }
}
