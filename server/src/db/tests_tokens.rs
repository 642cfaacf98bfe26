//! Tests of the store's issue-12 duties: keys freed by a rejection, tokens kept as digests (older databases
//! included) and swept after their window.
use rusqlite::{params, Connection};

use super::schema::migrate;
use super::*;
use crate::token::digest;

fn memory_db() -> rusqlite::Result<Connection> {
    let conn = Connection::open_in_memory()?;
    migrate(&conn)?;
    Ok(conn)
}

fn row(created_at: i64) -> NewRow {
    NewRow {
        author_name: "Ana".into(),
        body: "Hi".into(),
        format: "markdown".into(),
        created_at: Some(created_at),
        ..NewRow::default()
    }
}

fn stored_id(outcome: PostOutcome) -> String {
    match outcome {
        PostOutcome::Stored(c) => c.id,
        other => panic!("not stored: {other:?}"),
    }
}

// A rejected comment frees its key: the same post retried is stored anew instead of failing on the key.
#[test]
fn rejection_frees_the_key() -> rusqlite::Result<()> {
    let mut conn = memory_db()?;
    let opts = PostOptions {
        key: Some("k"),
        held: true,
        ..PostOptions::default()
    };
    let id = stored_id(insert_post(&mut conn, "a", &row(5), &opts)?);
    assert!(reject(&conn, "a", &id)?);
    let again = stored_id(insert_post(&mut conn, "a", &row(6), &opts)?);
    assert_ne!(again, id);
    Ok(())
}

// Tokens written in plain text by an older server become digests on upgrade; the sweep clears digests older than
// the window and keys older than theirs.
#[test]
fn digests_replace_plain_tokens_and_are_swept() -> rusqlite::Result<()> {
    let mut conn = memory_db()?;
    let opts = PostOptions {
        key: Some("k"),
        edit_hash: digest("new"),
        ..PostOptions::default()
    };
    let fresh = stored_id(insert_post(&mut conn, "a", &row(1_000), &opts)?);
    let old = stored_id(insert_post(
        &mut conn,
        "a",
        &row(10),
        &PostOptions::default(),
    )?);
    conn.execute(
        "UPDATE comments SET edit_token = 'plain', edit_hash = NULL WHERE id = ?1",
        params![old],
    )?;
    migrate(&conn)?;
    let owner = ownership(&conn, "a", &old)?.expect("stored");
    assert_eq!(owner.edit_hash, Some(digest("plain")));
    let plain: Option<String> = conn.query_row(
        "SELECT edit_token FROM comments WHERE id = ?1",
        params![old],
        |r| r.get(0),
    )?;
    assert_eq!(plain, None, "the plain token is gone");

    assert_eq!(sweep(&conn, 500, 500)?, (1, 0));
    assert_eq!(ownership(&conn, "a", &old)?.expect("kept").edit_hash, None);
    let kept = ownership(&conn, "a", &fresh)?.expect("kept").edit_hash;
    assert_eq!(kept, Some(digest("new")));
    assert_eq!(sweep(&conn, 0, 2_000)?, (0, 1), "the key expired");
    Ok(())
}
