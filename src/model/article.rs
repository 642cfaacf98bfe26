use std::rc::Rc;

use super::{Entry, SafeHtml, Timestamp};

/// A news article, ready to draw.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Article {
    /// Stable id within its source: the key for comment drafts and storage.
    pub id: Rc<str>,
    /// Canonical URL (absolute, http or https): what share links carry. `None`: share the page's own URL.
    pub url: Option<Rc<str>>,
    /// Section path, outermost first (`News`, `Latin America`): the breadcrumb. May be empty.
    pub section: Rc<[Crumb]>,
    /// Kicker above the title (`Opinion`).
    pub label: Option<Rc<str>>,
    /// The headline, plain text, never empty.
    pub title: Rc<str>,
    /// The summary under the headline, plain text.
    pub standfirst: Option<Rc<str>>,
    /// The byline, in order.
    pub authors: Rc<[Author]>,
    /// When the article was first published.
    pub published: Option<Timestamp>,
    /// When it was last updated, if after publication.
    pub updated: Option<Timestamp>,
    /// The lead image.
    pub hero: Option<Hero>,
    /// The body, sanitised and split into its top-level blocks (paragraphs, headings, lists ...).
    pub body: Rc<[SafeHtml]>,
    /// Related articles, with where in the body they go.
    pub related: Rc<[Related]>,
    /// Topics.
    pub tags: Rc<[Tag]>,
    /// BCP 47 language of the article, when known.
    pub lang: Option<Rc<str>>,
    /// Text direction of the article.
    pub dir: TextDirection,
    /// An audio edition (absolute http(s) URL).
    pub audio: Option<Rc<str>>,
    /// A live, updating story.
    pub live: bool,
    /// A live blog's entries, newest first (empty for an ordinary article).
    pub entries: Rc<[Entry]>,
    /// The article's event stream (absolute URL): new and changed entries and body corrections, pushed. `None`:
    /// a live article is polled.
    pub events: Option<Rc<str>>,
    /// Where the comment list of this article lives (absolute URL), when the article says so.
    pub comments_url: Option<Rc<str>>,
}

/// One step of the section path.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Crumb {
    /// What the reader sees.
    pub label: Rc<str>,
    /// Where it leads (safe http(s) or relative URL), if anywhere.
    pub url: Option<Rc<str>>,
}

/// A person (or desk) credited with an article or a comment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Author {
    /// Display name, plain text, never empty ("Anonymous" when the API gave none).
    pub name: Rc<str>,
    /// Their page (safe URL).
    pub url: Option<Rc<str>>,
    /// Their picture (safe image URL).
    pub avatar: Option<Rc<str>>,
}

/// The lead image with its caption and credit.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hero {
    /// Image URL (safe: http, https or same-origin relative).
    pub src: Rc<str>,
    /// Text alternative; empty only when the image is decorative.
    pub alt: Rc<str>,
    /// Caption, plain text.
    pub caption: Option<Rc<str>>,
    /// Credit (`Photo: AFP`), plain text.
    pub credit: Option<Rc<str>>,
    /// Intrinsic size, so the page does not jump while the image loads.
    pub size: Option<(u32, u32)>,
}

/// A link to another article, placed inside the body.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Related {
    /// Its headline.
    pub title: Rc<str>,
    /// Where it is (safe URL).
    pub url: Rc<str>,
    /// How many body blocks come before it; `None` puts it after the body.
    pub after: Option<usize>,
}

/// A topic the article is filed under.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tag {
    /// What the reader sees.
    pub label: Rc<str>,
    /// The topic's page, if any.
    pub url: Option<Rc<str>>,
}

/// Writing direction.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum TextDirection {
    /// Left to right.
    #[default]
    Ltr,
    /// Right to left (Arabic, Hebrew, Persian, Urdu ...).
    Rtl,
    /// Let the browser decide from the text.
    Auto,
}

impl TextDirection {
    /// The value of the HTML `dir` attribute.
    pub fn as_attr(self) -> &'static str {
        match self {
            Self::Ltr => "ltr",
            Self::Rtl => "rtl",
            Self::Auto => "auto",
        }
    }

    /// The direction a language is written in, from its BCP 47 tag's primary subtag (or its script subtag).
    pub fn of_language(tag: &str) -> Self {
        const RTL: [&str; 12] = [
            "ar", "he", "iw", "fa", "ur", "ps", "sd", "ug", "yi", "dv", "ckb", "syr",
        ];
        let mut parts = tag.split(['-', '_']);
        let primary = parts.next().unwrap_or("").to_ascii_lowercase();
        let rtl_script = parts.any(|p| {
            matches!(
                p.to_ascii_lowercase().as_str(),
                "arab" | "hebr" | "thaa" | "syrc"
            )
        });
        if rtl_script || RTL.contains(&primary.as_str()) {
            Self::Rtl
        } else {
            Self::Ltr
        }
    }
}
