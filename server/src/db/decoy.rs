//! The store's part in the honeypot's decoy: the id a real post would have got, taken from the same sequence, so a
//! bot comparing the ids it is given with real ones sees nothing odd. Nothing else is written.

use rusqlite::{params, Connection, TransactionBehavior};

use super::posting::next_post_id;
use super::rows::published;

/// Reserves the id the next post of `article` would get (a later real post gets the one after it), after the same
/// parent check as a real post; `None` when the parent is not a published comment of this article.
pub fn decoy_id(
    conn: &mut Connection,
    article: &str,
    parent: Option<&str>,
) -> rusqlite::Result<Option<String>> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    if let Some(parent) = parent {
        if !published(&tx, article, parent)? {
            return Ok(None);
        }
    }
    let (number, id) = next_post_id(&tx, article)?;
    // AUTOINCREMENT never goes below `sqlite_sequence`, so raising it skips this number for real comments too.
    let raised = tx.execute(
        "UPDATE sqlite_sequence SET seq = MAX(seq, ?1) WHERE name = 'comments'",
        params![number],
    )?;
    if raised == 0 {
        tx.execute(
            "INSERT INTO sqlite_sequence (name, seq) VALUES ('comments', ?1)",
            params![number],
        )?;
    }
    tx.commit()?;
    Ok(Some(id))
}
