//! Idempotency keys: a client that retries a post with the same `Idempotency-Key` gets the comment stored the first
//! time, never a second one. Keys live in SQLite, so they outlast a restart.

use rusqlite::{params, Connection, OptionalExtension};

use super::posting::Receipt;
use super::rows::{any_row, comment_from_row, COLUMNS};
use crate::model::Comment;

/// Whether a post with this idempotency key is already stored for `article`.
pub fn key_known(conn: &Connection, article: &str, key: &str) -> rusqlite::Result<bool> {
    any_row(
        conn,
        "SELECT 1 FROM idempotency WHERE article_id = ?1 AND key = ?2",
        params![article, key],
    )
}

/// The comment stored under `key` for `article`, with what its poster was given.
pub(super) fn stored_under(
    conn: &Connection,
    article: &str,
    key: &str,
) -> rusqlite::Result<Option<(Comment, Receipt)>> {
    conn.query_row(
        &format!(
            "SELECT {COLUMNS}, held, edit_token FROM comments \
             JOIN idempotency ON comment_seq = seq \
             WHERE idempotency.article_id = ?1 AND key = ?2"
        ),
        params![article, key],
        |r| {
            let receipt = Receipt {
                held: r.get(11)?,
                edit_token: r.get::<_, Option<String>>(12)?.unwrap_or_default(),
            };
            Ok((comment_from_row(r)?, receipt))
        },
    )
    .optional()
}

/// Remembers that the post with `key` became the comment stored as `seq`.
pub(super) fn remember(
    conn: &Connection,
    article: &str,
    key: &str,
    seq: i64,
    stored_at: i64,
) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT INTO idempotency (article_id, key, comment_seq, stored_at) VALUES (?1, ?2, ?3, ?4)",
        params![article, key, seq, stored_at],
    )
    .map(drop)
}
