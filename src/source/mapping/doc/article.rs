//! The `article` section: where each article field comes from, list items (authors, tags, crumbs, related)
//! and the hero image.

use serde::Deserialize;

use super::Field;

/// Where the article fields come from. Every path is read from `root` (the article object) unless it starts
/// with `$`.
#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct ArticleMap {
    /// Where the article object is in the document (`posts[0]`, `items[0]`); default: the document.
    #[serde(default)]
    pub root: Option<Field>,
    pub id: Option<Field>,
    pub url: Option<Field>,
    pub section: Option<ListMap>,
    pub label: Option<Field>,
    /// Required.
    pub title: Option<Field>,
    pub standfirst: Option<Field>,
    pub authors: Option<ListMap>,
    pub published: Option<Field>,
    pub updated: Option<Field>,
    pub hero: Option<HeroMap>,
    /// Required.
    pub body: Option<Field>,
    pub related: Option<ListMap>,
    pub tags: Option<ListMap>,
    pub lang: Option<Field>,
    pub dir: Option<Field>,
    pub audio: Option<Field>,
    pub live: Option<Field>,
    /// Where the comments are, when the article says so (a URL; `comments.url` overrides it).
    pub comments_url: Option<Field>,
}

/// A list of items (authors, tags, section crumbs, related links): where the items are, then fields read from
/// each item. A field left out defaults to the item itself when the item is a string.
#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct ListMap {
    /// The items: a path (wildcards and arrays are flattened), with `lookup` if they are references.
    pub each: Option<Field>,
    /// Author name.
    pub name: Option<Field>,
    /// Crumb or tag label.
    pub label: Option<Field>,
    /// Related article title.
    pub title: Option<Field>,
    pub url: Option<Field>,
    pub avatar: Option<Field>,
    /// Related link: how many body blocks come before it.
    pub after: Option<Field>,
}

/// The lead image.
#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct HeroMap {
    /// Where the image object is, relative to the article (with `lookup` for references); default: the article.
    pub at: Option<Field>,
    pub src: Option<Field>,
    pub alt: Option<Field>,
    pub caption: Option<Field>,
    pub credit: Option<Field>,
    pub width: Option<Field>,
    pub height: Option<Field>,
}
