//! How further pages of comments are found: [`Pagination`], read from `comments.pagination` (tagged by `style`).

use serde_json::Value;

use super::fields::Fields;
use super::read::{page_number, Read};
use super::Field;

/// How further pages of comments are found.
#[derive(Clone, Debug, PartialEq)]
pub enum Pagination {
    /// `?page=N&per_page=M`.
    Page {
        param: String,
        per_page_param: Option<String>,
        per_page: Option<u32>,
        first: Option<u32>,
        /// The page count, from the response body.
        pages: Option<Field>,
        /// The page count from a header (WordPress `X-WP-TotalPages`).
        pages_header: Option<String>,
    },
    /// `?offset=N&limit=M`.
    Offset {
        param: String,
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
        count: Option<Field>,
        /// Where the reader reads them on the platform (read on the article object: the thread's page).
        url: Option<Field>,
        /// Where the left-out replies can be fetched, read on the parent comment's object (Reddit: the comment's
        /// own `.json` permalink, which answers in the shape of the whole thread). A relative URL is resolved
        /// against the list's URL. Without it (or for top-level stubs) the stub is a link to `url`.
        fetch: Option<Field>,
    },
}

impl Pagination {
    /// Reads `comments.pagination`, tagged by `style`.
    pub(super) fn read(v: &Value, path: &str) -> Read<Self> {
        let mut f = Fields::new(v, path)?;
        let pagination = match f.str("style").as_str() {
            "page" => Self::Page {
                param: f.str("param"),
                per_page_param: f.opt_str("per_page_param"),
                per_page: f.opt_with("per_page", page_number),
                first: f.opt_with("first", page_number),
                pages: f.opt_field("pages"),
                pages_header: f.opt_str("pages_header"),
            },
            "offset" => Self::Offset {
                param: f.str("param"),
                limit_param: f.opt_str("limit_param"),
                limit: f.with("limit", true, page_number),
            },
            "cursor" => Self::Cursor {
                cursor: f.field("cursor"),
                param: f.str("param"),
            },
            "next_url" => Self::NextUrl {
                next: f.field("next"),
            },
            "link_header" => Self::LinkHeader,
            "more_stubs" => Self::MoreStubs {
                count: f.opt_field("count"),
                url: f.opt_field("url"),
                fetch: f.opt_field("fetch"),
            },
            other => {
                f.unknown_tag("style", other, &STYLES);
                Self::LinkHeader
            }
        };
        f.finish().map(|()| pagination)
    }
}

/// The `style` names, for the message about an unknown one.
const STYLES: [&str; 6] = [
    "page",
    "offset",
    "cursor",
    "next_url",
    "link_header",
    "more_stubs",
];
