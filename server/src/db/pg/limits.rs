//! The per-client rate limits kept in the database, so every instance counts the same client once, and the sweep
//! of expired token digests, keys and rate-limit entries (the SQLite side: `limiter`, in memory, and `db::sweep`).

use std::net::IpAddr;

use tokio_postgres::GenericClient;

use super::{fail, Pg};
use crate::db::DbError;
use crate::timefmt::now_millis;

/// The advisory lock namespace of the limits (the first key of the two-key form; the second hashes bucket and client).
const RATE_LOCK: i32 = 2;

impl Pg {
    /// See [`crate::db::Db::sweep`]; rate-limit entries older than their minute go too.
    pub async fn sweep(
        &self,
        tokens_before: i64,
        keys_before: i64,
    ) -> Result<(usize, usize), DbError> {
        let client = self.client().await?;
        sweep(&**client, tokens_before, keys_before)
            .await
            .map_err(fail)
    }

    /// See [`crate::db::Db::rate_check`]: a sliding window of one minute, as the in-memory limiter keeps it, in rows
    /// every instance counts.
    pub async fn rate_check(
        &self,
        bucket: &str,
        client_ip: IpAddr,
        per_minute: u32,
    ) -> Result<Result<(), u64>, DbError> {
        if per_minute == 0 {
            return Ok(Ok(()));
        }
        let mut client = self.client().await?;
        let tx = client.transaction().await.map_err(fail)?;
        let who = client_ip.to_string();
        let now = now_millis();
        let window_start = now - RATE_WINDOW_MS;
        let lock_key = format!("{bucket} {who}");
        let result = async {
            tx.execute(
                "SELECT pg_advisory_xact_lock($1, hashtext($2))",
                &[&RATE_LOCK, &lock_key],
            )
            .await?;
            tx.execute(
                "DELETE FROM rate_hits WHERE bucket = $1 AND client = $2 AND at <= $3",
                &[&bucket, &who, &window_start],
            )
            .await?;
            let row = tx
                .query_one(
                    "SELECT count(*), min(at) FROM rate_hits WHERE bucket = $1 AND client = $2",
                    &[&bucket, &who],
                )
                .await?;
            let (count, oldest): (i64, Option<i64>) = (row.try_get(0)?, row.try_get(1)?);
            if count >= i64::from(per_minute) {
                let wait_ms = oldest.map_or(RATE_WINDOW_MS, |t| t + RATE_WINDOW_MS - now);
                // Whole seconds, rounded up, as the in-memory limiter answers.
                let secs = u64::try_from(wait_ms.max(0)).unwrap_or(0).div_ceil(1000);
                return Ok::<_, tokio_postgres::Error>(Err(secs));
            }
            tx.execute(
                "INSERT INTO rate_hits (bucket, client, at) VALUES ($1, $2, $3)",
                &[&bucket, &who, &now],
            )
            .await?;
            Ok(Ok(()))
        }
        .await
        .map_err(fail)?;
        tx.commit().await.map_err(fail)?;
        Ok(result)
    }
}

/// The window of the shared rate limits.
const RATE_WINDOW_MS: i64 = 60_000;

/// Clears token digests of comments posted before `tokens_before`, drops keys stored before `keys_before` and
/// rate-limit entries older than a minute; returns how many digests and keys.
pub async fn sweep(
    client: &impl GenericClient,
    tokens_before: i64,
    keys_before: i64,
) -> Result<(usize, usize), tokio_postgres::Error> {
    let tokens = client
        .execute(
            "UPDATE comments SET edit_hash = NULL \
             WHERE edit_hash IS NOT NULL AND COALESCE(created_at, 0) < $1",
            &[&tokens_before],
        )
        .await?;
    let keys = client
        .execute(
            "DELETE FROM idempotency WHERE stored_at < $1",
            &[&keys_before],
        )
        .await?;
    client
        .execute(
            "DELETE FROM rate_hits WHERE at < $1",
            &[&(now_millis() - RATE_WINDOW_MS)],
        )
        .await?;
    let count = |n: u64| usize::try_from(n).unwrap_or(usize::MAX);
    Ok((count(tokens), count(keys)))
}
