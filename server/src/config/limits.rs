//! The limits against abuse (issue 12), flattened into [`Config`](super::Config): each has a default that one
//! reader (or the widget's own retries) never reaches, and `docs/security.md` says what each one stops.

use std::net::IpAddr;

use clap::Args;

/// The default of `--idempotency-window`: a day, far longer than any client retries a post.
pub const DEFAULT_IDEMPOTENCY_WINDOW_SECS: u64 = 24 * 60 * 60;

/// The default of `--edit-rate-limit`: a person fixes a typo or two, a script guessing tokens tries thousands.
pub const DEFAULT_EDIT_RATE_LIMIT: u32 = 30;

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
}
