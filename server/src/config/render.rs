//! The options of server rendering from other sources (`GET /read?src=…`, issue 15), flattened into
//! [`Config`](super::Config): which API origins the server may fetch from, which of them may be on a private
//! network, and the limits of one fetch. `docs/security.md` ("Server-side fetches") explains the policy.

// The options' doc comments are `folio-server --help`'s text, written for a terminal (`<TOKEN>`, bare URLs), not
// Markdown.
#![allow(rustdoc::invalid_html_tags, rustdoc::bare_urls)]

use clap::Args;

use crate::remote::parse_origin;

/// The default of `--render-timeout`: an API that has not answered in ten seconds makes no page worth waiting for.
pub const DEFAULT_RENDER_TIMEOUT_SECS: u64 = 10;
/// The default of `--render-max-bytes`: far above an article or a page of comments, far below what hurts memory.
pub const DEFAULT_RENDER_MAX_BYTES: u64 = 4 * 1024 * 1024;

/// Server rendering of other sources.
#[derive(Debug, Clone, PartialEq, Eq, Args)]
pub struct Render {
    /// Let GET /read?src=<url> fetch and render articles from this API origin (e.g. https://api.example; scheme,
    /// host and port must match exactly); repeatable; none: only the server's own articles are rendered
    #[arg(
        long = "render-origin",
        env = "FOLIO_RENDER_ORIGIN",
        value_name = "ORIGIN",
        value_parser = parse_origin,
        value_delimiter = ','
    )]
    pub origins: Vec<String>,
    /// Let this listed render origin be on a private network (loopback, 10/8, 192.168/16, fc00::/7 …), which is
    /// refused otherwise even when its name resolves there; repeatable
    #[arg(
        long = "render-allow-private",
        env = "FOLIO_RENDER_ALLOW_PRIVATE",
        value_name = "ORIGIN",
        value_parser = parse_origin,
        value_delimiter = ','
    )]
    pub allow_private: Vec<String>,
    /// A fetch for a rendered page (redirects and body included) that takes longer than this is abandoned (504)
    #[arg(long = "render-timeout", value_name = "SECONDS", default_value_t = DEFAULT_RENDER_TIMEOUT_SECS)]
    pub timeout_secs: u64,
    /// A fetched document larger than this is refused (502) and not read further
    #[arg(long = "render-max-bytes", value_name = "BYTES", default_value_t = DEFAULT_RENDER_MAX_BYTES)]
    pub max_bytes: u64,
}
