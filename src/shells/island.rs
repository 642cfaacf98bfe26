//! What a server-rendered page hands the SPA so it can take the markup over instead of drawing it again
//! (hydration, issue 15): the reader's settings and the very responses the server read — the article and the
//! first page of its comments — in a `<script type="application/json" id="folio-page-data">` beside the root.
//!
//! Both sides build the reader from it with the same two functions ([`PageData::preloaded`], [`PageData::props`]),
//! so the browser's first render is the server's render: same settings, same adapter, same model.

use std::rc::Rc;

use serde::{Deserialize, Serialize};

use crate::config::ReaderConfig;
use crate::hooks::Preloaded;
use crate::source::mapping::MappingChoice;
use crate::source::SourceError;
use crate::ReaderProps;

/// The `id` of the page's data script.
pub const SCRIPT_ID: &str = "folio-page-data";

/// One response as it was read: its absolute URL and its text.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Response {
    /// Where it came from (the adapter resolves relative links against it).
    pub url: String,
    /// The body, unparsed: the browser reads it with the same adapter the server used.
    pub text: String,
    /// The paging headers it came with (`net::PAGING_HEADERS`, lowercase name and value): a list paged by
    /// `Link` or a total-count header goes on to its next page after the takeover as it would have.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub headers: Vec<(String, String)>,
}

/// The reader of a rendered page, as data.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PageData {
    /// The article response (its URL is the reader's `src`).
    pub article: Response,
    /// The first page of comments, when the article has a list.
    pub comments: Option<Response>,
    /// The `preset` setting.
    pub preset: Option<String>,
    /// The mapping document's text (the `mapping` setting, fetched if it was a URL): the browser reads with the
    /// very document the server read with, and fetches it no second time.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mapping: Option<String>,
    /// The `comments` setting: a list other than the one the article names.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comments_setting: Option<String>,
    /// The interface language the page was drawn in.
    pub lang: Option<String>,
}

impl PageData {
    /// The article and its first comments, read as the widget reads them.
    pub fn preloaded(&self) -> Result<Preloaded, SourceError> {
        let choice = MappingChoice::from_settings(self.preset.as_deref(), self.mapping.as_deref())?;
        let comments = self
            .comments
            .as_ref()
            .map(|c| (c.text.as_str(), c.url.as_str(), c.headers.as_slice()));
        Preloaded::read(&self.article.text, &self.article.url, &choice, comments)
    }

    /// The reader's settings.
    pub fn config(&self) -> ReaderConfig {
        let mut config = ReaderConfig::new(self.article.url.clone());
        config.preset = self.preset.clone().map(Into::into);
        config.mapping = self.mapping.clone().map(Into::into);
        config.comments = self.comments_setting.clone().map(Into::into);
        config.lang = self.lang.clone().map(Into::into);
        config
    }

    /// The `Reader`'s props for this page, drawing `pre` at once.
    pub fn props(&self, pre: Option<Preloaded>) -> ReaderProps {
        ReaderProps {
            config: self.config(),
            on_loaded: Default::default(),
            on_error: Default::default(),
            on_comment_posted: Default::default(),
            preloaded: pre.map(Rc::new),
        }
    }

    /// The data script for the page. Every `<` is written `\u003c` (JSON allows it in strings, the only place a
    /// `<` can be), so no `</script>` or `<!--` in an article or comment can end or bend the script element.
    pub fn to_script(&self) -> String {
        let json = serde_json::to_string(self).unwrap_or_else(|_| "null".into());
        format!(
            "<script type=\"application/json\" id=\"{SCRIPT_ID}\">{}</script>",
            json.replace('<', "\\u003c")
        )
    }

    /// Read the data script's text; `None` when it is not this shape (a page from another version).
    pub fn from_json(text: &str) -> Option<Self> {
        serde_json::from_str(text).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn data(text: &str) -> PageData {
        PageData {
            article: Response {
                url: "https://news.example/a.json".into(),
                text: text.into(),
                headers: Vec::new(),
            },
            comments: None,
            preset: Some("wordpress".into()),
            mapping: None,
            comments_setting: None,
            lang: Some("fr".into()),
        }
    }

    // Whatever the texts hold, the script element ends only at its own end tag and reads back to the same data.
    #[test]
    fn script_cannot_be_closed_from_inside() {
        let d = data(r#"{"title":"</script><script>alert(1)</script><!-- x"}"#);
        let script = d.to_script();
        let body = script
            .strip_prefix("<script type=\"application/json\" id=\"folio-page-data\">")
            .and_then(|s| s.strip_suffix("</script>"))
            .expect("one script element");
        assert!(!body.contains('<'), "{body}");
        assert_eq!(PageData::from_json(body), Some(d));
    }

    // The settings the browser starts from are the server's.
    #[test]
    fn config_is_the_servers() {
        let c = data("{}").config();
        assert_eq!(&*c.src, "https://news.example/a.json");
        assert_eq!(c.preset.as_deref(), Some("wordpress"));
        assert_eq!(c.lang.as_deref(), Some("fr"));
        assert_eq!(PageData::from_json("[1]"), None);
    }
}
