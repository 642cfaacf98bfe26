//! How comments fit together ([`Threading`]) and how further pages are found ([`Pagination`]).

use serde::Deserialize;
use serde_json::Value;

use super::Field;

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
