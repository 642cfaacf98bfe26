//! The limits against abuse (issue 12), flattened into [`Config`](super::Config): each has a default that one
//! reader (or the widget's own retries) never reaches, and `docs/security.md` says what each one stops.

use clap::Args;

/// The default of `--idempotency-window`: a day, far longer than any client retries a post.
pub const DEFAULT_IDEMPOTENCY_WINDOW_SECS: u64 = 24 * 60 * 60;

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
}
