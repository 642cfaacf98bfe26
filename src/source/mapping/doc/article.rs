//! The `article` section: where each article field comes from, list items (authors, tags, crumbs, related),
//! the hero image and a live blog's entries.

use serde_json::Value;

use super::fields::Fields;
use super::read::Read;
use super::Field;

/// Where the article fields come from. Every path is read from `root` (the article object) unless it starts
/// with `$`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ArticleMap {
    /// Where the article object is in the document (`posts[0]`, `items[0]`); default: the document.
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
    /// A live blog's entries.
    pub entries: Option<EntriesMap>,
    /// The article's event stream (a URL; docs/folio-json.md, "Live articles").
    pub events: Option<Field>,
    /// Where the comments are, when the article says so (a URL; `comments.url` overrides it).
    pub comments_url: Option<Field>,
}

/// A list of items (authors, tags, section crumbs, related links): where the items are, then fields read from
/// each item. A field left out defaults to the item itself when the item is a string.
#[derive(Clone, Debug, Default, PartialEq)]
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

/// A live blog's entries: where the list is, then fields read from each entry. An entry without an id or a body
/// is left out.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct EntriesMap {
    /// The entries (a path; arrays are flattened).
    pub each: Option<Field>,
    pub id: Option<Field>,
    pub published: Option<Field>,
    pub updated: Option<Field>,
    /// The author's name (a `template` can join first and last names).
    pub author: Option<Field>,
    pub title: Option<Field>,
    /// The entry's text, with its `format` like the article's body (`html` by default).
    pub body: Option<Field>,
}

impl EntriesMap {
    fn read(v: &Value, path: &str) -> Read<Self> {
        let mut f = Fields::new(v, path)?;
        let entries = Self {
            each: f.opt_field("each"),
            id: f.opt_field("id"),
            published: f.opt_field("published"),
            updated: f.opt_field("updated"),
            author: f.opt_field("author"),
            title: f.opt_field("title"),
            body: f.opt_field("body"),
        };
        f.finish().map(|()| entries)
    }
}

/// The lead image.
#[derive(Clone, Debug, Default, PartialEq)]
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

impl ArticleMap {
    /// Reads the `article` section.
    pub(super) fn read(v: &Value, path: &str) -> Read<Self> {
        let mut f = Fields::new(v, path)?;
        let article = Self {
            root: f.opt_field("root"),
            id: f.opt_field("id"),
            url: f.opt_field("url"),
            section: f.opt_with("section", ListMap::read),
            label: f.opt_field("label"),
            title: f.opt_field("title"),
            standfirst: f.opt_field("standfirst"),
            authors: f.opt_with("authors", ListMap::read),
            published: f.opt_field("published"),
            updated: f.opt_field("updated"),
            hero: f.opt_with("hero", HeroMap::read),
            body: f.opt_field("body"),
            related: f.opt_with("related", ListMap::read),
            tags: f.opt_with("tags", ListMap::read),
            lang: f.opt_field("lang"),
            dir: f.opt_field("dir"),
            audio: f.opt_field("audio"),
            live: f.opt_field("live"),
            entries: f.opt_with("entries", EntriesMap::read),
            events: f.opt_field("events"),
            comments_url: f.opt_field("comments_url"),
        };
        f.finish().map(|()| article)
    }
}

impl ListMap {
    fn read(v: &Value, path: &str) -> Read<Self> {
        let mut f = Fields::new(v, path)?;
        let list = Self {
            each: f.opt_field("each"),
            name: f.opt_field("name"),
            label: f.opt_field("label"),
            title: f.opt_field("title"),
            url: f.opt_field("url"),
            avatar: f.opt_field("avatar"),
            after: f.opt_field("after"),
        };
        f.finish().map(|()| list)
    }
}

impl HeroMap {
    fn read(v: &Value, path: &str) -> Read<Self> {
        let mut f = Fields::new(v, path)?;
        let hero = Self {
            at: f.opt_field("at"),
            src: f.opt_field("src"),
            alt: f.opt_field("alt"),
            caption: f.opt_field("caption"),
            credit: f.opt_field("credit"),
            width: f.opt_field("width"),
            height: f.opt_field("height"),
        };
        f.finish().map(|()| hero)
    }
}
