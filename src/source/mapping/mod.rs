//! Any JSON article API through a mapping document: where each model field comes from, with transforms, comment
//! threading models, pagination and posting. Presets for common platforms ship as mapping documents in
//! `presets/*.json`; with neither a preset nor a mapping, the shape is detected from the presets' signatures.
//!
//! Pure Rust like the rest of `source`: the hooks fetch, this maps. docs/mapping.md is the guide.

mod article;
mod body;
mod comments;
mod date;
pub mod doc;
mod paging;
pub mod path;
mod post;
mod presets;
mod value;

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_post;
#[cfg(test)]
mod tests_presets;
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests_props;

use std::rc::Rc;

use serde_json::Value;

pub use article::map_article;
pub use body::FORMATS;
pub use comments::{child_ids, item_url, map_comments, map_item, max_items, MAX_COMMENTS};
pub use doc::{Mapping, Threading};
pub use paging::{next_from_link, next_page, set_param, PageInfo};
pub use post::{post_held, post_request, post_response, posts_template, PostForm, PostRequest};
pub use presets::{detect, preset, preset_source, PRESETS};

use super::error::SourceError;
use super::folio_json::{article_from_value, comments_from_value, parse_json};
use crate::model::{Article, CommentList};

/// Which mapping to use: what the `preset` and `mapping` settings said.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum MappingChoice {
    /// Neither: detect the shape from the response.
    #[default]
    Auto,
    /// A shipped preset, by name.
    Preset(String),
    /// A mapping document.
    Document(Rc<Mapping>),
}

impl MappingChoice {
    /// The choice for a `preset` setting and an inline-or-fetched `mapping` document text (the document wins).
    pub fn from_settings(preset: Option<&str>, mapping: Option<&str>) -> Result<Self, SourceError> {
        match (mapping, preset) {
            (Some(m), _) => Ok(Self::Document(Rc::new(parse_mapping(m)?))),
            (None, Some(p)) => {
                presets::preset(p)?;
                Ok(Self::Preset(p.to_string()))
            }
            (None, None) => Ok(Self::Auto),
        }
    }
}

/// Is a `mapping` setting the JSON itself (rather than a URL to fetch)?
pub fn is_inline(setting: &str) -> bool {
    setting.trim_start().starts_with('{')
}

/// Parse a mapping document, naming what is wrong with it.
pub fn parse_mapping(text: &str) -> Result<Mapping, SourceError> {
    serde_json::from_str(text).map_err(|e| SourceError::BadMapping {
        reason: format!("the mapping document is not valid: {e}"),
    })
}

/// The mapping a document is read with, once chosen.
#[derive(Clone, Debug, PartialEq)]
pub struct Resolved {
    /// The mapping; `None` for Folio JSON read by the built-in reader.
    pub mapping: Option<Rc<Mapping>>,
    /// Its name, for messages (`wordpress`, `custom mapping`).
    pub name: String,
    /// It was detected rather than configured.
    pub detected: bool,
}

/// Resolve a choice for document `v`. Auto picks the preset whose signature fits best; Folio JSON (and anything
/// that fits no signature) is read by the built-in Folio JSON reader, whose errors name Folio's fields.
pub fn resolve(choice: &MappingChoice, v: &Value) -> Result<Resolved, SourceError> {
    Ok(match choice {
        MappingChoice::Auto => match detect(v) {
            Some(name) if name != "folio" => Resolved {
                mapping: Some(Rc::new(preset(name)?)),
                name: name.into(),
                detected: true,
            },
            _ => Resolved {
                mapping: None,
                name: "folio".into(),
                detected: true,
            },
        },
        MappingChoice::Preset(p) => Resolved {
            mapping: Some(Rc::new(preset(p)?)),
            name: p.clone(),
            detected: false,
        },
        MappingChoice::Document(m) => Resolved {
            name: m.name.clone().unwrap_or_else(|| "custom mapping".into()),
            mapping: Some(m.clone()),
            detected: false,
        },
    })
}

/// An article mapped, with what the comments need: the mapping used and the article object.
#[derive(Clone, Debug, PartialEq)]
pub struct MappedArticle {
    /// The article.
    pub article: Rc<Article>,
    /// How it was read.
    pub resolved: Resolved,
    /// The article object (for comment URL and post templates).
    pub object: Rc<Value>,
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
        });
    };
    let mut article = map_article(m, &v, base)?;
    let object = article::article_root(m, &v)?.clone();
    if let Some(t) = m.comments.as_ref().and_then(|c| c.url.as_deref()) {
        let url = if t.trim() == "{self}" {
            base.map(str::to_string)
        } else {
            value::template(value::Doc { root: &v }, t, &object)?
        };
        if let Some(u) = url.and_then(|u| crate::source::url::safe_link(base, &u)) {
            article.comments_url = Some(u.into());
        }
    }
    Ok(MappedArticle {
        article: Rc::new(article),
        resolved,
        object: Rc::new(object),
    })
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
