//! What every handler shares: the store, the static files, the limits and switches of the command line, and the
//! live-update hub. Built once at startup from the [`Config`].

use std::net::IpAddr;
use std::path::PathBuf;
use std::sync::Arc;

use tokio::sync::watch;

use crate::config::Config;
use crate::db::Db;
use crate::errors::ApiError;
use crate::limiter::RateLimiter;
use crate::live::Events;
use crate::model::is_valid_article_id;
use crate::remote::Policy;
use crate::statics::Statics;
use crate::streams::StreamSlots;
use crate::token::digest;

/// What every handler needs; cheap to clone (everything inside is shared).
#[derive(Clone)]
pub struct AppState {
    /// The comment store.
    pub db: Db,
    /// The dist directory, where `demo/articles/<id>.json` decides which articles exist.
    pub dist: Arc<PathBuf>,
    /// The static file server for the same directory.
    pub statics: Statics,
    /// New comments per client per minute.
    pub limiter: RateLimiter,
    /// Edits and deletes per client per minute.
    pub edit_limiter: RateLimiter,
    /// The proxies whose `X-Forwarded-For` names the client (`--trusted-proxy`).
    pub trusted_proxies: Arc<[IpAddr]>,
    /// Live listeners of new comments.
    pub events: Events,
    /// Open event streams per client.
    pub streams: StreamSlots,
    /// Hold new comments for review.
    pub moderate: bool,
    /// Seconds during which a poster may edit or delete their comment.
    pub edit_window_secs: u64,
    /// Comments per page of a list asked for without `per_page` (`paging`); 0: the whole list.
    pub page_size: usize,
    /// Leave the `events` link out of comment lists (`--no-events`): clients poll the list with `If-None-Match`.
    pub no_events: bool,
    /// The digest of the moderator endpoints' token (`handlers::moderation`), so that comparing a guess takes the
    /// same time whatever its length; `None`: they are off.
    pub moderator_token: Option<Arc<str>>,
    /// Seconds during which an `Idempotency-Key` answers a retry.
    pub key_window_secs: u64,
    /// What `GET /read?src=…` may fetch from other origins (`--render-origin`; empty: nothing).
    pub render: Arc<Policy>,
    /// The digest of the editors' token for live articles (`handlers::live`); `None`: their endpoints are off.
    pub editor_token: Option<Arc<str>>,
}

impl AppState {
    /// The state for `config`, on an open store; event streams end when `stop` turns true. `Err`: the render
    /// options do not fit together (an `--render-allow-private` origin that is not listed).
    pub fn new(config: &Config, db: Db, stop: watch::Receiver<bool>) -> Result<Self, String> {
        let render = Policy::new(
            &config.render.origins,
            &config.render.allow_private,
            std::time::Duration::from_secs(config.render.timeout_secs),
            config.render.max_bytes,
        )?;
        Ok(AppState {
            db,
            dist: Arc::new(config.dist.clone()),
            statics: Statics::new(&config.dist).with_csp(&config.csp),
            limiter: RateLimiter::new(config.rate_limit),
            edit_limiter: RateLimiter::new(config.limits.edit_rate_limit),
            trusted_proxies: Arc::from(config.limits.trusted_proxies.as_slice()),
            events: Events::new(stop),
            streams: StreamSlots::new(config.limits.max_streams_per_address),
            moderate: config.moderate,
            edit_window_secs: config.edit_window_secs,
            page_size: config.page_size,
            no_events: config.no_events,
            moderator_token: config
                .moderator_token
                .as_deref()
                .map(|t| Arc::from(digest(t))),
            key_window_secs: config.limits.idempotency_window_secs,
            render: Arc::new(render),
            editor_token: config.editor_token.as_deref().map(|t| Arc::from(digest(t))),
        })
    }

    /// The edit window in milliseconds, saturating instead of overflowing for absurd `--edit-window` values.
    pub fn edit_window_ms(&self) -> i64 {
        millis(self.edit_window_secs)
    }

    /// The idempotency-key window in milliseconds, saturating like [`AppState::edit_window_ms`].
    pub fn key_window_ms(&self) -> i64 {
        millis(self.key_window_secs)
    }

    /// Counts one request of `client` against `limiter` (`bucket` names it in a shared store); `Err` with the wait
    /// when over the limit. On PostgreSQL the count is kept in the database, so every instance's requests count
    /// (otherwise a client would get the limit once per instance behind the balancer).
    pub async fn check_rate(
        &self,
        bucket: &str,
        limiter: &RateLimiter,
        client: IpAddr,
    ) -> Result<(), ApiError> {
        if self.db.is_shared() {
            self.db
                .rate_check(bucket, client, limiter.per_minute())
                .await?
                .map_err(ApiError::RateLimited)
        } else {
            limiter
                .check(client, std::time::Instant::now())
                .map_err(ApiError::RateLimited)
        }
    }

    /// An article exists iff `<dist>/demo/articles/<id>.json` is a file. The id pattern is checked first, so the id
    /// can never walk out of that directory.
    pub async fn ensure_article(&self, id: &str) -> Result<(), ApiError> {
        if !is_valid_article_id(id) {
            return Err(ApiError::unknown_article());
        }
        let file = self
            .dist
            .join("demo")
            .join("articles")
            .join(format!("{id}.json"));
        match tokio::fs::metadata(&file).await {
            Ok(meta) if meta.is_file() => Ok(()),
            _ => Err(ApiError::unknown_article()),
        }
    }
}

/// `secs` in milliseconds, saturating instead of overflowing.
fn millis(secs: u64) -> i64 {
    i64::try_from(secs.saturating_mul(1000)).unwrap_or(i64::MAX)
}
