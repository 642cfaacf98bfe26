//! The moderator's queue: comments stored with `held = 1` are not listed until approved.

use rusqlite::{params, Connection, OptionalExtension};

use super::rows::{comment_by_id, comment_from_row, COLUMNS};
use crate::model::Comment;

/// Comments held for review, oldest first, with their article ids (the moderator's queue).
pub fn held(conn: &Connection) -> rusqlite::Result<Vec<(String, Comment)>> {
    let sql = format!(
        "SELECT {COLUMNS}, article_id FROM comments WHERE held = 1 ORDER BY created_at, seq"
    );
    let mut stmt = conn.prepare(&sql)?;
    // The article id comes after the comment's eleven columns.
    let rows = stmt.query_map([], |r| Ok((r.get(11)?, comment_from_row(r)?)))?;
    rows.collect()
}

/// Publish a held comment; returns it as the list now shows it, and whether it was listed before (an edit held for
/// review: readers may hold its earlier version). `None`: no such held comment.
pub fn approve(
    conn: &Connection,
    article: &str,
    id: &str,
) -> rusqlite::Result<Option<(Comment, bool)>> {
    let tx = conn.unchecked_transaction()?;
    let before: Option<bool> = tx
        .query_row(
            "SELECT listed_once FROM comments WHERE article_id = ?1 AND id = ?2 AND held = 1",
            params![article, id],
            |r| r.get(0),
        )
        .optional()?;
    let Some(listed_before) = before else {
        return Ok(None);
    };
    tx.execute(
        "UPDATE comments SET held = 0, listed_once = 1 WHERE article_id = ?1 AND id = ?2",
        params![article, id],
    )?;
    let comment = comment_by_id(&tx, article, id)?;
    tx.commit()?;
    Ok(comment.map(|c| (c, listed_before)))
}

/// Drop a held comment for good (it was never shown), with its idempotency key: a retry of the same post then
/// stores it anew instead of failing on the key; returns whether there was one.
pub fn reject(conn: &Connection, article: &str, id: &str) -> rusqlite::Result<bool> {
    let tx = conn.unchecked_transaction()?;
    tx.execute(
        "DELETE FROM idempotency WHERE comment_seq IN \
         (SELECT seq FROM comments WHERE article_id = ?1 AND id = ?2 AND held = 1)",
        params![article, id],
    )?;
    let n = tx.execute(
        "DELETE FROM comments WHERE article_id = ?1 AND id = ?2 AND held = 1",
        params![article, id],
    )?;
    tx.commit()?;
    Ok(n > 0)
}
