//! The limits against abuse (issue 12), flattened into [`Config`](super::Config): each has a default that one
//! reader (or the widget's own retries) never reaches, and `docs/security.md` says what each one stops.

use std::net::IpAddr;

use clap::Args;

/// The default of `--idempotency-window`: a day, far longer than any client retries a post.
pub const DEFAULT_IDEMPOTENCY_WINDOW_SECS: u64 = 24 * 60 * 60;

/// The default of `--edit-rate-limit`: a person fixes a typo or two, a script guessing tokens tries thousands.
pub const DEFAULT_EDIT_RATE_LIMIT: u32 = 30;

/// The default of `--max-connections`: far below the usual 1024-descriptor limit minus the database's and the
/// listener's, far above what a reference server's readers need.
pub const DEFAULT_MAX_CONNECTIONS: usize = 768;
/// The default of `--max-connections-per-address`: a browser opens six connections per host, an office behind one
/// address a few dozen.
pub const DEFAULT_MAX_CONNECTIONS_PER_ADDRESS: usize = 64;
/// The default of `--max-streams-per-address`: one per open page, for a household or a small office.
pub const DEFAULT_MAX_STREAMS_PER_ADDRESS: usize = 16;
/// The default of `--header-timeout`: any real client sends its headers in well under a second.
pub const DEFAULT_HEADER_TIMEOUT_SECS: u64 = 10;

/// Limits against abuse.
#[derive(Debug, Clone, PartialEq, Eq, Args)]
pub struct Limits {
    /// How long an Idempotency-Key answers a retry of the post it stored; after that the key is forgotten
    #[arg(
        long = "idempotency-window",
        value_name = "SECONDS",
        default_value_t = DEFAULT_IDEMPOTENCY_WINDOW_SECS
    )]
    pub idempotency_window_secs: u64,
    /// Edits and deletes (refused ones included) accepted per client per minute; 0: no limit
    #[arg(long, value_name = "N", default_value_t = DEFAULT_EDIT_RATE_LIMIT)]
    pub edit_rate_limit: u32,
    /// A reverse proxy (IP address) whose X-Forwarded-For names the client for the limits; repeatable (a chain);
    /// requests from any other peer are counted under the peer's own address
    #[arg(long = "trusted-proxy", value_name = "IP")]
    pub trusted_proxies: Vec<IpAddr>,
    /// Open connections at most; more are answered 503 and closed; 0: no limit
    #[arg(long, value_name = "N", default_value_t = DEFAULT_MAX_CONNECTIONS)]
    pub max_connections: usize,
    /// Open connections per client address (an IPv6 /64) at most, trusted proxies exempt; more are answered 503; 0:
    /// no limit
    #[arg(long, value_name = "N", default_value_t = DEFAULT_MAX_CONNECTIONS_PER_ADDRESS)]
    pub max_connections_per_address: usize,
    /// Open event streams per client at most; more are answered 429; 0: no limit
    #[arg(long, value_name = "N", default_value_t = DEFAULT_MAX_STREAMS_PER_ADDRESS)]
    pub max_streams_per_address: usize,
    /// Close a connection whose request headers take longer than this, or that stays idle this long between
    /// requests; 0: never
    #[arg(long = "header-timeout", value_name = "SECONDS", default_value_t = DEFAULT_HEADER_TIMEOUT_SECS)]
    pub header_timeout_secs: u64,
}
