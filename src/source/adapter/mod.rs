//! The one road from an API to the model. An [`Adapter`] is built once per reader, from the `preset` / `mapping`
//! settings and the article document, and answers everything the widget later asks of that API: a page of
//! comments and the page after it, the items of child-id threads, a live event or a poll (of the comments, or of a
//! live article: its entries and body corrections), a "more" stub's answer,
//! the request that posts a comment and the reading of its answer.
//!
//! Folio JSON is read by the built-in reader (its errors name Folio's own fields, and its comment items can be read
//! one by one, which lets the hooks map a 10,000-comment list a slice at a time); every other shape goes through a
//! mapping document. Which of the two is behind an adapter is its own business: hooks hold it, nothing above them
//! sees a `serde_json::Value` or a `Mapping`.
//!
//! Without the `mapping` feature (the embed's lite module) the adapter has the Folio road only: reading an article
//! whose shape a preset's signature claims, or with a preset configured, is [`SourceError::NeedsMapping`], the
//! signal for the full module to take over.

mod page;
mod post;
#[cfg(all(test, feature = "mapping"))]
mod tests;
#[cfg(test)]
mod tests_folio_preset;
#[cfg(all(test, not(feature = "mapping")))]
mod tests_lite;

use std::rc::Rc;

#[cfg(feature = "mapping")]
use serde_json::Value;

pub use page::CommentPage;
pub use post::{Outgoing, PostAnswer};

#[cfg(feature = "mapping")]
use super::error::parse_json;
use super::error::SourceError;
#[cfg(feature = "mapping")]
use super::mapping::{self, Mapping};
use super::mapping::{MappingChoice, Warning};
use crate::model::{Article, Entry, SafeHtml, Timestamp};

/// How one reader reads its API. Cheap to clone; compared by value so hooks re-run only when it changes.
#[derive(Clone, Debug, PartialEq)]
pub struct Adapter {
    reading: Reading,
    /// The preset's or mapping's name (`folio`, `wordpress`, `custom mapping`), for messages.
    name: Rc<str>,
    /// The shape was detected from the response rather than configured.
    detected: bool,
    /// A mapping document's warnings about the article (presets' are not the publisher's to fix: none).
    warnings: Rc<[Warning]>,
    /// The mapping is the publisher's own document, not a shipped preset: its warnings are worth logging.
    own: bool,
}

#[derive(Clone, Debug, PartialEq)]
enum Reading {
    /// Folio JSON (docs/folio-json.md), by the built-in reader.
    Folio,
    /// Any other API, through a mapping document.
    #[cfg(feature = "mapping")]
    Mapped {
        /// The mapping.
        mapping: Rc<Mapping>,
        /// The article object of the article response: comment URL and post templates read `{article.…}` on it.
        article: Rc<Value>,
    },
}

impl Adapter {
    /// Read the article response `text` (fetched from `base`) with `choice`, and keep what reading its comments
    /// will need. The comments URL is the mapping's `comments.url` template when it has one.
    #[cfg(feature = "mapping")]
    pub fn read_article(
        text: &str,
        base: Option<&str>,
        choice: &MappingChoice,
    ) -> Result<(Article, Adapter), SourceError> {
        let mapped = mapping::map_article_text(text, base, choice)?;
        let own = matches!(choice, MappingChoice::Document(_));
        let warnings = if own { mapped.warnings } else { Vec::new() };
        let reading = match mapped.resolved.mapping {
            None => Reading::Folio,
            Some(mapping) => Reading::Mapped {
                mapping,
                article: mapped.object,
            },
        };
        let adapter = Adapter {
            reading,
            name: mapped.resolved.name.into(),
            detected: mapped.resolved.detected,
            warnings: warnings.into(),
            own,
        };
        Ok((Rc::unwrap_or_clone(mapped.article), adapter))
    }

    /// The article response `text` (fetched from `base`) read again, as a live article's poll does: the same shape,
    /// the same mapping.
    pub fn reread_article(&self, text: &str, base: Option<&str>) -> Result<Article, SourceError> {
        match &self.reading {
            Reading::Folio => super::folio_json::parse_article(text, base),
            #[cfg(feature = "mapping")]
            Reading::Mapped { mapping, .. } => {
                mapping::map_article(mapping, &parse_json(text)?, base)
            }
        }
    }

    /// One entry pushed by the article's event stream (`message` or `changed`). Streams speak Folio JSON whatever
    /// the article's shape (docs/folio-json.md, "Live articles"); a malformed event is `None`, skipped.
    pub fn read_entry(&self, text: &str, base: Option<&str>) -> Option<Entry> {
        super::folio_json::read_entry(text, base).ok()
    }

    /// A body correction pushed by the article's event stream (`body`): the new body and when it changed.
    pub fn read_correction(
        &self,
        text: &str,
        base: Option<&str>,
    ) -> Option<(Rc<[SafeHtml]>, Option<Timestamp>)> {
        super::folio_json::read_correction(text, base).ok()
    }

    /// Read the article response `text` (fetched from `base`) as Folio JSON, the only shape this build reads: a
    /// configured preset, or a document a preset's signature claims, is [`SourceError::NeedsMapping`]. A document
    /// no other signature fits is read by the Folio JSON reader, as the full build does, with the same errors.
    #[cfg(not(feature = "mapping"))]
    pub fn read_article(
        text: &str,
        base: Option<&str>,
        choice: &MappingChoice,
    ) -> Result<(Article, Adapter), SourceError> {
        // `preset="folio"` is this build's own reader, as in the full build.
        match choice {
            MappingChoice::Preset(p) if p != "folio" => {
                return Err(SourceError::NeedsMapping { shape: p.clone() });
            }
            _ => {}
        }
        let v = super::error::parse_json(text)?;
        if let Some(shape) = super::mapping::detect(&v).filter(|s| *s != "folio") {
            return Err(SourceError::NeedsMapping {
                shape: shape.into(),
            });
        }
        let article = super::folio_json::article_from_value(&v, base)?;
        let adapter = Adapter {
            detected: matches!(choice, MappingChoice::Auto),
            ..Adapter::folio()
        };
        Ok((article, adapter))
    }

    /// The adapter of Folio JSON, for lists read without an article (tests, the comment count element).
    pub fn folio() -> Self {
        Adapter {
            reading: Reading::Folio,
            name: "folio".into(),
            detected: false,
            warnings: Rc::new([]),
            own: false,
        }
    }

    /// The adapter of a mapping applied to the article object `article` (parsed from its JSON text).
    #[cfg(feature = "mapping")]
    pub fn mapped(mapping: Mapping, article_json: &str) -> Result<Self, SourceError> {
        Ok(Adapter {
            name: mapping
                .name
                .clone()
                .unwrap_or_else(|| "custom mapping".into())
                .into(),
            reading: Reading::Mapped {
                mapping: Rc::new(mapping),
                article: Rc::new(parse_json(article_json)?),
            },
            detected: false,
            warnings: Rc::new([]),
            own: false,
        })
    }

    /// A mapping document's warnings about the article it read (none for presets and Folio JSON): the widget
    /// logs them once.
    pub fn warnings(&self) -> &[Warning] {
        &self.warnings
    }

    /// The preset's or mapping's name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Whether the shape was detected rather than configured (the console then names the preset to set).
    pub fn detected(&self) -> bool {
        self.detected
    }

    /// For a thread that cannot be written to because its platform takes no anonymous comments (a `read_only`
    /// mapping, or one without `post`): the preset's name, so the widget can say which platform.
    pub fn read_only_preset(&self) -> Option<&str> {
        match &self.reading {
            Reading::Folio => None,
            #[cfg(feature = "mapping")]
            Reading::Mapped { mapping, .. } => {
                let read_only = mapping
                    .comments
                    .as_ref()
                    .is_none_or(|c| c.read_only || c.post.is_none());
                read_only.then_some(&*self.name)
            }
        }
    }

    /// The mapping, when there is one.
    #[cfg(feature = "mapping")]
    fn mapping(&self) -> Option<(&Mapping, &Value)> {
        match &self.reading {
            Reading::Folio => None,
            Reading::Mapped { mapping, article } => Some((mapping, article)),
        }
    }
}
