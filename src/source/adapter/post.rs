//! Posting: the request a reader's comment becomes, in Folio's format or the platform's own (a mapping's `post.body`
//! template: WordPress, Drupal), and the reading of the server's answer.

use std::rc::Rc;

#[cfg(feature = "mapping")]
use serde_json::Value;

use super::Adapter;
use crate::model::Comment;
use crate::source::error::parse_json;
use crate::source::folio_json::comment as folio_comment;
use crate::source::mapping::PostForm;
#[cfg(feature = "mapping")]
use crate::source::mapping::{post_held, post_request, post_response, posts_template, Mapping};

/// A request ready for the network layer.
#[derive(Clone, Debug, PartialEq)]
pub struct Outgoing {
    /// `POST`, `PUT` ...
    pub method: String,
    /// Absolute URL.
    pub url: String,
    /// Extra headers (a platform's media type).
    pub headers: Vec<(String, String)>,
    /// The JSON body.
    pub body: serde_json::Value,
    /// Sent as `Idempotency-Key` so a retry is recognised: Folio's format only (platforms do not list that header
    /// among their CORS headers, and would refuse the whole request for it).
    pub idempotency_key: Option<String>,
}

/// What the server said to a post.
#[derive(Clone, Debug, PartialEq)]
pub struct PostAnswer {
    /// The stored comment, when the answer holds one that can be read.
    pub comment: Option<Comment>,
    /// It waits for a moderator.
    pub held: bool,
}

impl Adapter {
    /// The request for `form`, posted to `url` (the list's post target), with idempotency key `key`. `honeypot` is
    /// what the hidden field held: a bot gives itself away by filling it. Folio's server is told (it answers with a
    /// decoy); a platform's post is simply not sent (`None`: platforms have their own spam defences).
    pub fn post_request(
        &self,
        form: &PostForm,
        url: &str,
        key: &str,
        honeypot: Option<String>,
    ) -> Option<Outgoing> {
        #[cfg(feature = "mapping")]
        if let Some((m, article)) = self.template() {
            if honeypot.is_some() {
                return None;
            }
            // A mapping that cannot build its request (a broken template) posts Folio's format: the platform then
            // refuses it with its own message, which the form shows.
            return match post_request(m, article, form, Some(url)) {
                Ok(Some(req)) => Some(Outgoing {
                    method: req.method,
                    url: url.to_string(),
                    headers: req.headers.into_iter().collect(),
                    body: req.body,
                    idempotency_key: None,
                }),
                _ => Some(folio_request(form, url, key, None)),
            };
        }
        Some(folio_request(form, url, key, honeypot))
    }

    /// A post's answer read through the mapping's `post.response` and `post.held`, when it posts its own format:
    /// the comment, and whether the platform's flag says it is held.
    #[cfg(feature = "mapping")]
    fn mapped_answer(&self, text: &str, base: Option<&str>) -> Option<(Option<Comment>, bool)> {
        self.template()
            .map(|(m, _)| (post_response(m, text, base).ok(), post_held(m, text)))
    }

    /// Without the mapping language every answer is in Folio's format.
    #[cfg(not(feature = "mapping"))]
    fn mapped_answer(&self, _text: &str, _base: Option<&str>) -> Option<(Option<Comment>, bool)> {
        None
    }

    /// The mapping, when it posts a body of its own (a `post.body` template) rather than Folio's format.
    #[cfg(feature = "mapping")]
    fn template(&self) -> Option<(&Mapping, &Value)> {
        self.mapping().filter(|(m, _)| posts_template(m))
    }

    /// Read the answer to a post: `status`, the headers the network layer keeps, the body, the URL that answered.
    /// Held for review: 202 Accepted or `Folio-Status: pending` (the reference server's `--moderate`), or the
    /// mapping's `held` flag on the answer (WordPress's `"status": "hold"`). A comment the answer does not place is
    /// put under `parent`, the comment the reader answered.
    pub fn read_post_answer(
        &self,
        status: u16,
        headers: &[(String, String)],
        text: &str,
        base: Option<&str>,
        parent: Option<Rc<str>>,
    ) -> PostAnswer {
        // The comment in the answer, and whether the platform's own flag says it is held: through the mapping when
        // it posts its own format, else Folio's comment format.
        let (comment, flagged) = self.mapped_answer(text, base).unwrap_or_else(|| {
            let comment = parse_json(text).and_then(|v| folio_comment(&v, "", base));
            (comment.ok(), false)
        });
        let comment = comment.map(|mut c| {
            c.parent = c.parent.or(parent);
            c
        });
        let pending_header = headers
            .iter()
            .any(|(n, v)| n.eq_ignore_ascii_case("folio-status") && v.trim() == "pending");
        let held = status == 202 || pending_header || flagged;
        PostAnswer { comment, held }
    }
}

/// Folio's comment format (docs/folio-json.md): the e-mail left out when empty, the honeypot only when filled.
fn folio_request(form: &PostForm, url: &str, key: &str, honeypot: Option<String>) -> Outgoing {
    let mut author = serde_json::json!({ "name": form.name });
    if !form.email.is_empty() {
        author["email"] = form.email.clone().into();
    }
    let mut body = serde_json::json!({
        "parent": form.parent, "author": author, "body": form.text, "format": "markdown"
    });
    if let Some(v) = honeypot {
        body["website"] = v.into();
    }
    Outgoing {
        method: "POST".into(),
        url: url.to_string(),
        headers: Vec::new(),
        body,
        idempotency_key: Some(key.to_string()),
    }
}
