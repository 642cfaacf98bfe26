//! Storing a posted comment: idempotency, parent check, id choice and insert in one immediate transaction.

use rusqlite::{params, Connection, TransactionBehavior};

use super::idempotency::{remember, stored_under};
use super::rows::{comment_from_row, exists, insert_with, published, NewRow, COLUMNS, INSERT_INTO};
use crate::model::Comment;

/// What became of a posted comment.
#[derive(Debug)]
pub enum PostOutcome {
    /// Committed; this is the comment as the list will show it (once approved, when held), with its edit token.
    Stored(Box<Comment>, Receipt),
    /// The idempotency key was used before: the comment stored then, unchanged.
    Replayed(Box<Comment>, Receipt),
    /// The parent is not a published comment of this article (missing and held alike); nothing was written.
    UnknownParent,
}

/// What the poster gets besides the comment.
#[derive(Debug, Clone, PartialEq)]
pub struct Receipt {
    /// Proves authorship for editing or deleting within the window.
    pub edit_token: String,
    /// Held for moderation: stored but not listed.
    pub held: bool,
}

/// What a post asks of the store besides the row.
#[derive(Debug, Clone, Default)]
pub struct PostOptions<'a> {
    /// The client's `Idempotency-Key`.
    pub key: Option<&'a str>,
    /// Hold the comment for review.
    pub held: bool,
    /// The edit token to give it.
    pub edit_token: String,
}

/// Stores a posted comment under a fresh `p<number>` id, after checking its parent, all in one immediate
/// transaction; returns only once the commit is durable.
pub fn insert_post(
    conn: &mut Connection,
    article: &str,
    row: &NewRow,
    options: &PostOptions<'_>,
) -> rusqlite::Result<PostOutcome> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    // Looked up inside the same immediate transaction, so two copies of one post racing each other cannot both miss
    // the key and both store a comment.
    if let Some(key) = options.key {
        if let Some((comment, receipt)) = stored_under(&tx, article, key)? {
            return Ok(PostOutcome::Replayed(Box::new(comment), receipt));
        }
    }
    if let Some(parent) = &row.parent {
        if !published(&tx, article, parent)? {
            return Ok(PostOutcome::UnknownParent);
        }
    }
    // The next AUTOINCREMENT value gives ids that read in posting order; a seed that happens to use the same `p<n>`
    // id is stepped over rather than overwritten.
    let mut number: i64 = tx.query_row(
        "SELECT COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'comments'), 0) + 1",
        [],
        |r| r.get(0),
    )?;
    let mut id = format!("p{number}");
    while exists(&tx, article, &id)? {
        number += 1;
        id = format!("p{number}");
    }
    insert_with(
        &mut tx.prepare_cached(&format!("INSERT {INSERT_INTO}"))?,
        article,
        &id,
        row,
    )?;
    let seq = tx.last_insert_rowid();
    tx.execute(
        "UPDATE comments SET held = ?1, edit_token = ?2 WHERE seq = ?3",
        params![options.held, options.edit_token, seq],
    )?;
    if let Some(key) = options.key {
        remember(&tx, article, key, seq, row.created_at.unwrap_or(0))?;
    }
    let stored = tx.query_row(
        &format!("SELECT {COLUMNS} FROM comments WHERE seq = ?1"),
        params![seq],
        comment_from_row,
    )?;
    tx.commit()?;
    Ok(PostOutcome::Stored(
        Box::new(stored),
        Receipt {
            edit_token: options.edit_token.clone(),
            held: options.held,
        },
    ))
}
