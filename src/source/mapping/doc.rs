//! The mapping document: its serde types. docs/mapping.md explains it, docs/mapping.schema.json describes it.
//! Unknown keys are refused, so a misspelt key is named instead of silently ignored.

use std::collections::BTreeMap;

use serde::Deserialize;
use serde_json::Value;

/// A whole mapping: how to find an article (and, optionally, its comments) in one API's JSON.
#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Mapping {
    /// A link to the JSON Schema, for editors; ignored.
    #[serde(default, rename = "$schema")]
    pub schema: Option<String>,
    /// The mapping's name, used in error messages (`wordpress`, `my-api`).
    #[serde(default)]
    pub name: Option<String>,
    /// What it is for; ignored.
    #[serde(default)]
    pub description: Option<String>,
    /// Auto-detection signature: paths that must all exist in an article document of this shape.
    #[serde(default)]
    pub detect: Vec<String>,
    /// Where each article field comes from.
    pub article: ArticleMap,
    /// Where the comments come from and how they are threaded.
    #[serde(default)]
    pub comments: Option<CommentsMap>,
}

/// One field: a path, a list of fallback paths, or a full [`FieldSpec`].
#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(untagged)]
pub enum Field {
    /// One path.
    Path(String),
    /// Fallbacks: the first path that reaches a non-null value wins.
    Paths(Vec<String>),
    /// A path with transforms.
    Spec(Box<FieldSpec>),
}

/// A field with its transforms.
#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct FieldSpec {
    /// Path, or fallback paths.
    #[serde(default)]
    pub path: Option<OneOrMany>,
    /// A fixed value, used when no path is given or none reaches a value.
    #[serde(default, rename = "const")]
    pub constant: Option<Value>,
    /// A string built from paths: `https://example.com/{slug}` (each `{path}` is read from the same item).
    #[serde(default)]
    pub template: Option<String>,
    /// Dates: `iso`, `unix` (seconds), `unix_ms`, `auto` (the default), or a format like `%d/%m/%Y %H:%M`.
    #[serde(default)]
    pub date: Option<String>,
    /// Decode HTML character references (`&#8217;` → `’`), as in WordPress's `title.rendered`.
    #[serde(default)]
    pub decode: bool,
    /// The value is HTML: keep only its text (for excerpts and titles that carry markup).
    #[serde(default)]
    pub strip_html: bool,
    /// Join all the values the path reaches (and list elements) with this separator.
    #[serde(default)]
    pub join: Option<String>,
    /// Body format: `html`, `markdown`, `text`, `contentful`, `portable_text`.
    #[serde(default)]
    pub format: Option<String>,
    /// Read the body format from this path instead (falling back to `format`).
    #[serde(default)]
    pub format_from: Option<String>,
    /// Replace each value by the object whose `key` equals it in the list at `in` (Drupal's `included`).
    #[serde(default)]
    pub lookup: Option<Lookup>,
    /// A flag: true when the value equals one of these (`null` matches an absent value).
    #[serde(default)]
    pub equals: Option<OneOrMany<Value>>,
    /// Keep only the text after the last occurrence of this separator (`t3_abc` with `_` → `abc`).
    #[serde(default)]
    pub after: Option<String>,
    /// Replace text: `["{size}", "96"]` (Discourse avatar templates).
    #[serde(default)]
    pub replace: Option<(String, String)>,
    /// Cut text longer than this many characters at a word boundary, with `…` (a title made from a post).
    #[serde(default)]
    pub max_chars: Option<usize>,
    /// Another field tried when this one reaches nothing, with its own transforms and format.
    #[serde(default)]
    pub or: Option<Field>,
}

/// A lookup in another list of the document.
#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Lookup {
    /// Where the candidates are (usually a `$` path).
    #[serde(rename = "in")]
    pub within: String,
    /// The candidate's key that must equal the value.
    pub key: String,
    /// When the value is an object (a JSON:API reference), compare this key of it instead.
    #[serde(default)]
    pub by: Option<String>,
}

/// One value or a list.
#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(untagged)]
pub enum OneOrMany<T = String> {
    /// Several (tried first, so that a list of values is not read as one list value).
    Many(Vec<T>),
    /// One.
    One(T),
}

impl<T> OneOrMany<T> {
    /// The values, as a slice.
    pub fn as_slice(&self) -> &[T] {
        match self {
            Self::One(t) => std::slice::from_ref(t),
            Self::Many(v) => v,
        }
    }
}

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

/// Where comments come from and how they fit together.
#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct CommentsMap {
    /// URL template, with `{path}` placeholders read from the article object (`.../comments?post={id}`).
    /// Absent: the article's `comments_url`; `"{self}"`: the article document itself (comments inside it).
    #[serde(default)]
    pub url: Option<String>,
    /// Where the comment items are in the comments document; default: the document, if it is an array.
    #[serde(default)]
    pub items: Option<Field>,
    /// How comments are threaded.
    #[serde(default)]
    pub threading: Threading,
    /// Fields of one comment.
    #[serde(default)]
    pub comment: CommentMap,
    /// The total the API reports.
    #[serde(default)]
    pub total: Option<Field>,
    /// How further pages are found.
    #[serde(default)]
    pub pagination: Option<Pagination>,
    /// How new comments are posted; absent or `read_only`: read-only.
    #[serde(default)]
    pub post: Option<PostMap>,
    /// The platform does not take anonymous comments.
    #[serde(default)]
    pub read_only: bool,
}

/// Fields of one comment.
#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct CommentMap {
    /// Read the comment's fields inside this wrapper object (Reddit's `data`).
    pub wrapper: Option<String>,
    /// Leave out items for which this is true (read on the item before the wrapper): "more" stubs, the opening post.
    pub skip: Option<Field>,
    pub id: Option<Field>,
    pub author: Option<Field>,
    pub author_url: Option<Field>,
    pub avatar: Option<Field>,
    pub date: Option<Field>,
    pub body: Option<Field>,
    pub score: Option<Field>,
    pub deleted: Option<Field>,
    pub by_article_author: Option<Field>,
}

/// Threading models.
#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
#[serde(tag = "model", rename_all = "snake_case", deny_unknown_fields)]
pub enum Threading {
    /// No threading: every comment is top-level.
    #[default]
    None,
    /// A flat list; each comment names its parent. `no_parent` values (default `0`, `""`, `null`, absent) mean top.
    Flat {
        parent: Field,
        #[serde(default)]
        no_parent: Vec<Value>,
    },
    /// Replies nested in each comment under `children`.
    Nested { children: String },
    /// Each item lists its children's ids (`kids`); each child is fetched from `item_url` (`{id}` replaced).
    ChildIds {
        ids: String,
        item_url: String,
        #[serde(default)]
        max_items: Option<usize>,
    },
    /// A materialised path (`0.12.45`): the parent is the path without its last segment.
    Path {
        field: Field,
        #[serde(default)]
        separator: Option<String>,
    },
    /// `reply_to` holds the position number of the comment answered (Discourse's `reply_to_post_number`).
    ReplyToPosition { position: Field, reply_to: Field },
}

/// How further pages of comments are found.
#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(tag = "style", rename_all = "snake_case", deny_unknown_fields)]
pub enum Pagination {
    /// `?page=N&per_page=M`.
    Page {
        param: String,
        #[serde(default)]
        per_page_param: Option<String>,
        #[serde(default)]
        per_page: Option<u32>,
        #[serde(default)]
        first: Option<u32>,
        /// The page count, from the response body.
        #[serde(default)]
        pages: Option<Field>,
        /// The page count from a header (WordPress `X-WP-TotalPages`).
        #[serde(default)]
        pages_header: Option<String>,
    },
    /// `?offset=N&limit=M`.
    Offset {
        param: String,
        #[serde(default)]
        limit_param: Option<String>,
        limit: u32,
    },
    /// A cursor from the response, sent back as `param`.
    Cursor { cursor: Field, param: String },
    /// The next page's URL is in the body.
    NextUrl { next: Field },
    /// RFC 8288 `Link: <...>; rel="next"` headers (Mastodon, GitHub).
    LinkHeader,
    /// "Load more" stubs inside the tree (Reddit's `more`); their ids are listed under `children`.
    MoreStubs {
        /// How many replies a stub stands for (read on the stub item).
        #[serde(default)]
        count: Option<Field>,
        /// Where the reader reads them on the platform (read on the article object: the thread's page).
        #[serde(default)]
        url: Option<Field>,
        /// Where the left-out replies can be fetched, read on the parent comment's object (Reddit: the comment's
        /// own `.json` permalink, which answers in the shape of the whole thread). A relative URL is resolved
        /// against the list's URL. Without it (or for top-level stubs) the stub is a link to `url`.
        #[serde(default)]
        fetch: Option<Field>,
    },
}

/// How a new comment is posted.
#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct PostMap {
    /// URL template (`{path}` placeholders read from the article object), resolved against the comments URL.
    #[serde(default)]
    pub url: Option<String>,
    /// Or: where the comments document gives the post URL (Folio's `post`).
    #[serde(default)]
    pub url_from: Option<Field>,
    /// Where the comments document gives the length limit.
    #[serde(default)]
    pub max_length_from: Option<Field>,
    /// HTTP method (default `POST`).
    #[serde(default)]
    pub method: Option<String>,
    /// Extra request headers.
    #[serde(default)]
    pub headers: BTreeMap<String, String>,
    /// The JSON body; strings `{text}`, `{html}`, `{name}`, `{email}`, `{parent}`, `{parent_or_0}` and
    /// `{article.<path>}` are replaced, and objects with `"$if": "{parent}"` are `null` without a parent.
    /// Absent: Folio's own comment format.
    #[serde(default)]
    pub body: Option<Value>,
    /// How the response maps back to a comment (absent: Folio's format).
    #[serde(default)]
    pub response: Option<CommentMap>,
    /// A flag on the response: the comment waits for a moderator (WordPress `"status": "hold"`).
    #[serde(default)]
    pub held: Option<Field>,
    /// The server's length limit.
    #[serde(default)]
    pub max_length: Option<usize>,
}
