//! The text entry points: an article or a comment list response, as text, through a mapping (or Folio JSON's
//! built-in reader when the choice resolves to it).

use std::rc::Rc;

use serde_json::Value;

use super::{
    article, article_warnings, comment_warnings, map_article, map_comments, resolve, value,
    Mapping, MappingChoice, Resolved, Warning,
};
use crate::model::{Article, CommentList};
use crate::source::error::SourceError;
use crate::source::folio_json::{article_from_value, comments_from_value, parse_json};

/// An article mapped, with what the comments need: the mapping used and the article object.
#[derive(Clone, Debug, PartialEq)]
pub struct MappedArticle {
    /// The article.
    pub article: Rc<Article>,
    /// How it was read.
    pub resolved: Resolved,
    /// The article object (for comment URL and post templates).
    pub object: Rc<Value>,
    /// What may be wrong in the mapping's article part (optional fields that reach nothing, unknown formats …):
    /// shown beside the render in the playground, logged once by the widget. Empty for Folio JSON.
    pub warnings: Vec<Warning>,
}

/// Article response text → model, through `choice`. `base` is the URL it came from. The comments URL is the
/// mapping's `comments.url` template when it has one (`{self}`: this very document).
pub fn map_article_text(
    text: &str,
    base: Option<&str>,
    choice: &MappingChoice,
) -> Result<MappedArticle, SourceError> {
    let v = parse_json(text)?;
    let resolved = resolve(choice, &v)?;
    let Some(m) = &resolved.mapping else {
        let article = article_from_value(&v, base)?;
        return Ok(MappedArticle {
            article: Rc::new(article),
            resolved,
            object: Rc::new(v),
            warnings: Vec::new(),
        });
    };
    let mut article = map_article(m, &v, base)?;
    let object = article::article_root(m, &v)?.clone();
    if let Some(t) = m.comments.as_ref().and_then(|c| c.url.as_deref()) {
        let url = if t.trim() == "{self}" {
            base.map(str::to_string)
        } else {
            value::template(value::Doc::new(&v), t, &object, &[])?
        };
        if let Some(u) = url.and_then(|u| crate::source::url::safe_link(base, &u)) {
            article.comments_url = Some(u.into());
        }
    }
    Ok(MappedArticle {
        article: Rc::new(article),
        warnings: article_warnings(m, &v),
        resolved,
        object: Rc::new(object),
    })
}

/// What may be wrong in `mapping`'s comments part, read against the comments response `text` (nothing for Folio
/// JSON, or a text that is not JSON: reading it says so).
pub fn comment_warnings_text(
    text: &str,
    mapping: Option<&Mapping>,
    article: Option<&Value>,
) -> Vec<Warning> {
    match (mapping, parse_json(text)) {
        (Some(m), Ok(v)) => comment_warnings(m, &v, article),
        _ => Vec::new(),
    }
}

/// Comments response text → model, with the mapping the article was read with (`None`: Folio JSON).
pub fn map_comments_text(
    text: &str,
    base: Option<&str>,
    mapping: Option<&Mapping>,
    article: Option<&Value>,
) -> Result<CommentList, SourceError> {
    let v = parse_json(text)?;
    match mapping {
        None => comments_from_value(&v, base),
        Some(m) => map_comments(m, &v, article, base),
    }
}
