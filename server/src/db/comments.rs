//! Listing, seeding, editing and deleting comments.

use rusqlite::{params, Connection, OptionalExtension};

use super::rows::{comment_from_row, insert_with, NewRow, COLUMNS, INSERT_INTO};
use crate::model::Comment;

/// All published comments of an article, by date then insertion order (undated seeds first).
pub fn list(conn: &Connection, article: &str) -> rusqlite::Result<Vec<Comment>> {
    let sql = format!(
        "SELECT {COLUMNS} FROM comments WHERE article_id = ?1 AND held = 0 ORDER BY created_at, seq"
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map(params![article], comment_from_row)?;
    rows.collect()
}

/// Stores seed comments, keeping any already stored with the same id. Returns how many were new.
pub fn insert_seeds(
    conn: &mut Connection,
    article: &str,
    rows: &[NewRow],
) -> rusqlite::Result<usize> {
    let tx = conn.transaction()?;
    let mut added = 0;
    {
        let mut stmt = tx.prepare_cached(&format!("INSERT OR IGNORE {INSERT_INTO}"))?;
        for row in rows {
            added += insert_with(&mut stmt, article, &row.id, row)?;
        }
    }
    tx.commit()?;
    Ok(added)
}

/// What an edit or a delete needs to know about a comment: its token's digest and when it was posted.
#[derive(Debug, Clone, PartialEq)]
pub struct Ownership {
    /// The digest of the token given at posting time; `None` for seeds (nobody can edit them), deleted comments and
    /// comments whose edit window is over and swept.
    pub edit_hash: Option<String>,
    /// Unix milliseconds.
    pub created_at: Option<i64>,
    /// Already deleted.
    pub deleted: bool,
}

/// The ownership facts of comment `id`, if it exists in `article`.
pub fn ownership(
    conn: &Connection,
    article: &str,
    id: &str,
) -> rusqlite::Result<Option<Ownership>> {
    conn.query_row(
        "SELECT edit_hash, created_at, deleted FROM comments WHERE article_id = ?1 AND id = ?2",
        params![article, id],
        |r| {
            Ok(Ownership {
                edit_hash: r.get(0)?,
                created_at: r.get(1)?,
                deleted: r.get(2)?,
            })
        },
    )
    .optional()
}

/// Replace the text of a comment; returns it as stored, and whether it is now held. With `hold` (a `--moderate`
/// server) the comment goes back to the moderator's queue: otherwise an approved comment could be edited into
/// something no moderator ever saw.
pub fn update_body(
    conn: &Connection,
    article: &str,
    id: &str,
    edit: (&str, &str),
    hold: bool,
) -> rusqlite::Result<Option<(Comment, bool)>> {
    let (body, format) = edit;
    conn.execute(
        "UPDATE comments SET body = ?3, format = ?4, held = (held OR ?5) \
         WHERE article_id = ?1 AND id = ?2 AND deleted = 0",
        params![article, id, body, format, hold],
    )?;
    conn.query_row(
        &format!("SELECT {COLUMNS}, held FROM comments WHERE article_id = ?1 AND id = ?2"),
        params![article, id],
        // `held` comes after the comment's eleven columns.
        |r| Ok((comment_from_row(r)?, r.get(11)?)),
    )
    .optional()
}

/// Turn a comment into a placeholder: its text and author are dropped, its replies keep their place. Returns the
/// placeholder as the list shows it, when the comment is listed (not held), for the event streams.
pub fn mark_deleted(
    conn: &Connection,
    article: &str,
    id: &str,
) -> rusqlite::Result<Option<Comment>> {
    let n = conn.execute(
        "UPDATE comments SET deleted = 1, body = '', author_email = NULL, author_url = NULL, \
         author_avatar = NULL, edit_token = NULL, edit_hash = NULL WHERE article_id = ?1 AND id = ?2",
        params![article, id],
    )?;
    if n == 0 {
        return Ok(None);
    }
    conn.query_row(
        &format!("SELECT {COLUMNS} FROM comments WHERE article_id = ?1 AND id = ?2 AND held = 0"),
        params![article, id],
        comment_from_row,
    )
    .optional()
}
