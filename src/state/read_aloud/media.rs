//! What the Media Session shows on a lock screen or in the system's media controls while an article is read.

use std::rc::Rc;

use crate::model::Article;

/// The Media Session's metadata (`MediaMetadata`) for an article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MediaInfo {
    /// The headline.
    pub title: Rc<str>,
    /// The authors ("A, B"), or the site's host name when there are none.
    pub artist: String,
    /// The hero image's URL (the browser resolves a relative one against the page), if the article has one.
    pub artwork: Option<Rc<str>>,
}

impl MediaInfo {
    /// The metadata of `article`.
    pub fn of(article: &Article) -> MediaInfo {
        let authors: Vec<&str> = article.authors.iter().map(|a| &*a.name).collect();
        let artist = if authors.is_empty() {
            article
                .url
                .as_deref()
                .map(host)
                .unwrap_or_default()
                .to_string()
        } else {
            authors.join(", ")
        };
        MediaInfo {
            title: article.title.clone(),
            artist,
            artwork: article.hero.as_ref().map(|h| h.src.clone()),
        }
    }
}

/// `news.example` of `https://news.example/a/1`.
fn host(url: &str) -> &str {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    rest.split(['/', '?', '#']).next().unwrap_or("")
}
