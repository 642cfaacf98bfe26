//! Forgetting what is no longer needed, at startup and every minute (`housekeeping`): the digests of edit tokens
//! whose window is over (they can never be used again, so keeping them only keeps something to steal) and
//! idempotency keys older than their window.

use rusqlite::{params, Connection};

/// Clears token digests of comments posted before `tokens_before` and drops keys stored before `keys_before` (both
/// Unix ms); returns how many of each.
pub fn sweep(
    conn: &Connection,
    tokens_before: i64,
    keys_before: i64,
) -> rusqlite::Result<(usize, usize)> {
    let tokens = conn.execute(
        "UPDATE comments SET edit_hash = NULL \
         WHERE edit_hash IS NOT NULL AND COALESCE(created_at, 0) < ?1",
        params![tokens_before],
    )?;
    let keys = conn.execute(
        "DELETE FROM idempotency WHERE stored_at < ?1",
        params![keys_before],
    )?;
    Ok((tokens, keys))
}
