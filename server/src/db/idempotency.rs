//! Idempotency keys: a client that retries a post with the same `Idempotency-Key` gets the comment stored the first
//! time, never a second one; keys live in SQLite, so they outlast a restart. A key answers only a repeat of the
//! request that stored it (its fingerprint: article, parent, author, email, body and format) and only within the
//! key window (`--idempotency-window`); the answer never carries the edit token again (the store keeps only its
//! digest anyway), so a key is worth nothing to someone who guesses or overhears it.

use rusqlite::{params, Connection, OptionalExtension};

use super::rows::{comment_from_row, NewRow, COLUMNS};
use crate::model::Comment;
use crate::token::sha256_hex;

/// What an earlier post under the same key became.
#[derive(Debug)]
pub(super) enum Earlier {
    /// The same request: its comment, and whether that is held.
    Same(Box<Comment>, bool),
    /// Another request used this key: nothing of it is revealed.
    Different,
}

/// The digest that says whether two posts are the same request. JSON escapes every string, so two different
/// requests never serialise alike; the date is left out, since a retry is stamped anew.
pub(super) fn fingerprint(article: &str, row: &NewRow) -> String {
    let canonical = serde_json::json!([
        article,
        row.parent,
        row.author_name,
        row.author_email,
        row.body,
        row.format
    ]);
    sha256_hex(canonical.to_string().as_bytes())
}

/// The earlier post stored under `key` for `article` no sooner than `since` (Unix ms), told apart by `fingerprint`.
/// A key stored before fingerprints existed (an older server) matches nothing.
pub(super) fn earlier(
    conn: &Connection,
    article: &str,
    key: &str,
    fingerprint: &str,
    since: i64,
) -> rusqlite::Result<Option<Earlier>> {
    let found = conn
        .query_row(
            &format!(
                "SELECT {COLUMNS}, held, fingerprint FROM comments \
                 JOIN idempotency ON comment_seq = seq \
                 WHERE idempotency.article_id = ?1 AND key = ?2 AND stored_at >= ?3"
            ),
            params![article, key, since],
            // `held` and `fingerprint` come after the comment's eleven columns.
            |r| {
                Ok((
                    comment_from_row(r)?,
                    r.get(11)?,
                    r.get::<_, Option<String>>(12)?,
                ))
            },
        )
        .optional()?;
    Ok(found.map(|(comment, held, stored)| {
        if stored.as_deref() == Some(fingerprint) {
            Earlier::Same(Box::new(comment), held)
        } else {
            Earlier::Different
        }
    }))
}

/// Forgets `key` of `article`: expired, or left behind by a comment that is gone, it may store a new post.
pub(super) fn forget(conn: &Connection, article: &str, key: &str) -> rusqlite::Result<()> {
    conn.execute(
        "DELETE FROM idempotency WHERE article_id = ?1 AND key = ?2",
        params![article, key],
    )
    .map(drop)
}

/// Remembers that the post with `key` and `fingerprint` became the comment stored as `seq`.
pub(super) fn remember(
    conn: &Connection,
    article: &str,
    key: (&str, &str),
    seq: i64,
    stored_at: i64,
) -> rusqlite::Result<()> {
    let (key, fingerprint) = key;
    conn.execute(
        "INSERT INTO idempotency (article_id, key, comment_seq, stored_at, fingerprint) \
         VALUES (?1, ?2, ?3, ?4, ?5)",
        params![article, key, seq, stored_at, fingerprint],
    )
    .map(drop)
}
