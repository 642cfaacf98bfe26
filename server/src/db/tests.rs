//! Tests of the store: seeding, posting, idempotency, holding and deleting, and upgrading old databases.
use rusqlite::Connection;

use super::schema::{migrate, SCHEMA};
use super::*;

fn memory_db() -> rusqlite::Result<Connection> {
    let conn = Connection::open_in_memory()?;
    migrate(&conn)?;
    Ok(conn)
}

fn row(id: &str, created_at: i64) -> NewRow {
    NewRow {
        id: id.into(),
        author_name: "Ana".into(),
        body: "Hi".into(),
        format: "markdown".into(),
        created_at: Some(created_at),
        ..NewRow::default()
    }
}

#[test]
fn seeds_are_idempotent_and_ordered_by_date() -> rusqlite::Result<()> {
    let mut conn = memory_db()?;
    assert_eq!(
        insert_seeds(&mut conn, "a", &[row("late", 20), row("early", 10)])?,
        2
    );
    assert_eq!(insert_seeds(&mut conn, "a", &[row("late", 20)])?, 0);
    let ids: Vec<String> = list(&conn, "a")?.into_iter().map(|c| c.id).collect();
    assert_eq!(ids, ["early", "late"]);
    Ok(())
}

#[test]
fn post_ids_skip_taken_ones_and_parents_are_checked() -> rusqlite::Result<()> {
    let mut conn = memory_db()?;
    insert_seeds(&mut conn, "a", &[row("p2", 1)])?;
    let none = PostOptions::default();
    let PostOutcome::Stored(first) = insert_post(&mut conn, "a", &row("", 5), &none)? else {
        panic!("the post was not stored");
    };
    assert_eq!(first.id, "p3");
    let mut reply = row("", 6);
    reply.parent = Some("p3".into());
    assert!(matches!(
        insert_post(&mut conn, "a", &reply, &none)?,
        PostOutcome::Stored(..)
    ));
    // The same parent id in another article is not a parent here.
    assert!(matches!(
        insert_post(&mut conn, "b", &reply, &none)?,
        PostOutcome::UnknownParent
    ));
    Ok(())
}

// The same key on the same article gives back the same comment, never a second one, and only for the same request;
// another article's key space is separate.
#[test]
fn idempotency_keys_replay() -> rusqlite::Result<()> {
    let mut conn = memory_db()?;
    let opts = PostOptions {
        key: Some("k1"),
        edit_hash: "h".into(),
        ..PostOptions::default()
    };
    let PostOutcome::Stored(first) = insert_post(&mut conn, "a", &row("", 5), &opts)? else {
        panic!("not stored");
    };
    let PostOutcome::Replayed(again, held) = insert_post(&mut conn, "a", &row("", 6), &opts)?
    else {
        panic!("not replayed");
    };
    assert_eq!((again.id.as_str(), held), (first.id.as_str(), false));
    let mut other = row("", 7);
    other.body = "Something else".into();
    assert!(matches!(
        insert_post(&mut conn, "a", &other, &opts)?,
        PostOutcome::KeyReused
    ));
    assert_eq!(list(&conn, "a")?.len(), 1);
    assert!(matches!(
        insert_post(&mut conn, "b", &row("", 7), &opts)?,
        PostOutcome::Stored(..)
    ));
    // Once the key's window is over, the key stores a new post.
    let later = PostOptions {
        keys_since: 100,
        ..opts.clone()
    };
    assert!(matches!(
        insert_post(&mut conn, "a", &other, &later)?,
        PostOutcome::Stored(..)
    ));
    Ok(())
}

// Held comments are stored but not listed; a deleted comment keeps its place without its text.
#[test]
fn held_and_deleted() -> rusqlite::Result<()> {
    let mut conn = memory_db()?;
    let held = PostOptions {
        held: true,
        ..PostOptions::default()
    };
    insert_post(&mut conn, "a", &row("", 5), &held)?;
    assert!(list(&conn, "a")?.is_empty());
    insert_seeds(&mut conn, "a", &[row("s1", 1)])?;
    assert!(mark_deleted(&conn, "a", "s1")?.is_some_and(|c| c.deleted));
    let l = list(&conn, "a")?;
    assert!(l[0].deleted && l[0].body.is_empty());
    Ok(())
}

// A version-1 database (no held or edit_token columns) is upgraded in place, keeping its comments.
#[test]
fn upgrades_version_1() -> rusqlite::Result<()> {
    let mut conn = Connection::open_in_memory()?;
    conn.execute_batch(SCHEMA)?;
    insert_seeds(&mut conn, "a", &[row("old", 1)])?;
    migrate(&conn)?;
    migrate(&conn)?;
    assert_eq!(list(&conn, "a")?.len(), 1);
    Ok(())
}
