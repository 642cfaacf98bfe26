//! What a server read before the page was sent (server rendering, issue 15): the article, how its API is read, and
//! the first page of its comments. The same adapter reads it as in the browser, so the server draws exactly what
//! the widget would; the hooks start from it instead of fetching, and the browser carries on from there.

use std::rc::Rc;

use super::{LoadedPage, Source};
use crate::model::Article;
use crate::source::mapping::MappingChoice;
use crate::source::{Adapter, SourceError};

/// A fetched comment list: its text, its URL and its paging headers (`net::PAGING_HEADERS`, lowercase name and
/// value).
pub type ListResponse<'a> = (&'a str, &'a str, &'a [(String, String)]);

/// An article read ahead of drawing, and the first page of its comments when there is one.
#[derive(Clone, Debug, PartialEq)]
pub struct Preloaded {
    /// The article.
    pub article: Rc<Article>,
    /// How its comments are read.
    pub source: Source,
    /// The first page of comments, with the URL it came from.
    pub comments: Option<LoadedPage>,
}

impl Preloaded {
    /// Read the article response `text` (from `url`) with `choice`, and the first page of its comments from
    /// `comments` (the list's text, URL and paging headers) when the caller fetched it. Child-id threads (an item per request)
    /// are not followed here: the browser fetches those items once it takes over.
    pub fn read(
        text: &str,
        url: &str,
        choice: &MappingChoice,
        comments: Option<ListResponse<'_>>,
    ) -> Result<Self, SourceError> {
        let (article, adapter) = Adapter::read_article(text, Some(url), choice)?;
        let comments = match comments {
            Some((text, url, headers)) => {
                let page = adapter.read_page(text, url, 1, headers)?;
                Some(LoadedPage {
                    list: page.list,
                    url: url.into(),
                    events: page.events,
                })
            }
            None => None,
        };
        Ok(Preloaded {
            article: Rc::new(article),
            source: Source(Rc::new(adapter)),
            comments,
        })
    }
}
