//! Work done on a clock rather than on a request: at startup and every minute, the store forgets edit-token digests
//! whose window is over and idempotency keys older than theirs ([`db::sweep`]), so neither lingers on disk.

use std::time::Duration;

use crate::db;
use crate::state::AppState;
use crate::timefmt::now_millis;

/// How often the sweep runs: tokens outlive their window by at most this much.
pub const EVERY: Duration = Duration::from_secs(60);

/// One sweep; a failure is logged by the store and tried again next time.
pub async fn sweep(state: &AppState) {
    let (tokens, keys) = cutoffs(state);
    let _ = state.db.sweep(tokens, keys).await;
}

/// One sweep of a SQLite store now, for startup (before any request); PostgreSQL sweeps in
/// [`db::pg::prepare`].
pub fn sweep_blocking(sqlite: &db::Sqlite, (tokens, keys): (i64, i64)) -> Result<(), String> {
    sqlite
        .with_conn(|conn| db::sweep(conn, tokens, keys))
        .map(drop)
        .map_err(|err| format!("cannot sweep expired tokens: {err}"))
}

/// Sweeps every [`EVERY`] for as long as the server runs.
pub async fn run(state: AppState) {
    let mut tick = tokio::time::interval(EVERY);
    // The first tick is immediate; startup has just swept.
    tick.tick().await;
    loop {
        tick.tick().await;
        sweep(&state).await;
    }
}

/// Tokens of comments posted before the first time, and keys stored before the second, are forgotten.
pub fn cutoffs(state: &AppState) -> (i64, i64) {
    let now = now_millis();
    (
        now.saturating_sub(state.edit_window_ms()),
        now.saturating_sub(state.key_window_ms()),
    )
}
