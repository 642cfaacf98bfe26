//! Storing a posted comment: idempotency, parent check, id choice and insert in one immediate transaction.

use rusqlite::{params, Connection, Transaction, TransactionBehavior};

use super::idempotency::{earlier, fingerprint, forget, remember, Earlier};
use super::rows::{comment_from_row, exists, insert_with, published, NewRow, COLUMNS, INSERT_INTO};
use crate::model::Comment;

/// What became of a posted comment.
#[derive(Debug)]
pub enum PostOutcome {
    /// Committed; this is the comment as the list will show it (once approved, when held).
    Stored(Box<Comment>),
    /// The idempotency key stored this same request before: that comment, unchanged, and whether it is held.
    Replayed(Box<Comment>, bool),
    /// The idempotency key stored a different request: nothing was written, nothing of it is told.
    KeyReused,
    /// The parent is not a published comment of this article (missing and held alike); nothing was written.
    UnknownParent,
}

/// What a post asks of the store besides the row.
#[derive(Debug, Clone, Default)]
pub struct PostOptions<'a> {
    /// The client's `Idempotency-Key`.
    pub key: Option<&'a str>,
    /// Keys stored before this time (Unix ms) have expired.
    pub keys_since: i64,
    /// Hold the comment for review.
    pub held: bool,
    /// The digest of the edit token given to the poster ([`crate::token::digest`]); never the token itself.
    pub edit_hash: String,
}

/// Stores a posted comment under a fresh `p<number>` id, after checking its key and its parent, all in one
/// immediate transaction; returns only once the commit is durable.
pub fn insert_post(
    conn: &mut Connection,
    article: &str,
    row: &NewRow,
    options: &PostOptions<'_>,
) -> rusqlite::Result<PostOutcome> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let print = fingerprint(article, row);
    // Looked up inside the same immediate transaction, so two copies of one post racing each other cannot both miss
    // the key and both store a comment.
    if let Some(key) = options.key {
        match earlier(&tx, article, key, &print, options.keys_since)? {
            Some(Earlier::Same(comment, held)) => return Ok(PostOutcome::Replayed(comment, held)),
            Some(Earlier::Different) => return Ok(PostOutcome::KeyReused),
            // Expired, or its comment rejected: the key is free again.
            None => forget(&tx, article, key)?,
        }
    }
    if let Some(parent) = &row.parent {
        if !published(&tx, article, parent)? {
            return Ok(PostOutcome::UnknownParent);
        }
    }
    let (_, id) = next_post_id(&tx, article)?;
    insert_with(
        &mut tx.prepare_cached(&format!("INSERT {INSERT_INTO}"))?,
        article,
        &id,
        row,
    )?;
    let seq = tx.last_insert_rowid();
    tx.execute(
        "UPDATE comments SET held = ?1, listed_once = NOT ?1, edit_hash = ?2 WHERE seq = ?3",
        params![options.held, options.edit_hash, seq],
    )?;
    if let Some(key) = options.key {
        remember(
            &tx,
            article,
            (key, &print),
            seq,
            row.created_at.unwrap_or(0),
        )?;
    }
    let stored = tx.query_row(
        &format!("SELECT {COLUMNS} FROM comments WHERE seq = ?1"),
        params![seq],
        comment_from_row,
    )?;
    tx.commit()?;
    Ok(PostOutcome::Stored(Box::new(stored)))
}

/// The number and id the next posted comment gets: the next AUTOINCREMENT value, so ids read in posting order; a
/// seed that happens to use the same `p<n>` id is stepped over rather than overwritten.
pub(super) fn next_post_id(tx: &Transaction<'_>, article: &str) -> rusqlite::Result<(i64, String)> {
    let mut number: i64 = tx.query_row(
        "SELECT COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'comments'), 0) + 1",
        [],
        |r| r.get(0),
    )?;
    let mut id = format!("p{number}");
    while exists(tx, article, &id)? {
        number += 1;
        id = format!("p{number}");
    }
    Ok((number, id))
}
