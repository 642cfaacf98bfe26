//! SQLite storage of comments, seeded and posted alike.
//!
//! One connection behind a mutex: SQLite serialises writers anyway, the load of a reference
//! server is small, and a single connection makes "check the parent, pick an id, insert" one
//! atomic step without retry logic. Blocking calls run on tokio's blocking pool ([`Db::run`]).

use std::path::Path;
use std::sync::{Arc, Mutex};

use rusqlite::{params, Connection, OptionalExtension, Row, TransactionBehavior};

use crate::model::{Author, Comment};
use crate::timefmt::format_rfc3339;

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS comments (
    seq            INTEGER PRIMARY KEY AUTOINCREMENT,
    article_id     TEXT    NOT NULL,
    id             TEXT    NOT NULL,
    parent_id      TEXT,
    author_name    TEXT    NOT NULL,
    author_email   TEXT,
    author_url     TEXT,
    author_avatar  TEXT,
    body           TEXT    NOT NULL,
    format         TEXT    NOT NULL,
    created_at     INTEGER,            -- Unix milliseconds, UTC; NULL for an undated seed
    score          INTEGER,
    deleted        INTEGER NOT NULL DEFAULT 0,
    article_author INTEGER NOT NULL DEFAULT 0,
    UNIQUE (article_id, id)
);
CREATE INDEX IF NOT EXISTS comments_by_article ON comments (article_id, created_at, seq);
PRAGMA user_version = 1;
";

/// Version 2: moderation, edit tokens and idempotency keys. Added to a version-1 database in place.
const SCHEMA_V2: &str = "
ALTER TABLE comments ADD COLUMN held INTEGER NOT NULL DEFAULT 0;
ALTER TABLE comments ADD COLUMN edit_token TEXT;
";

/// Keys of posts already stored: a retried post with the same key gets the same comment back.
const SCHEMA_KEYS: &str = "
CREATE TABLE IF NOT EXISTS idempotency (
    article_id  TEXT    NOT NULL,
    key         TEXT    NOT NULL,
    comment_seq INTEGER NOT NULL,
    stored_at   INTEGER NOT NULL,
    PRIMARY KEY (article_id, key)
);
";

/// Creates the schema, or brings an older database up to date.
fn migrate(conn: &Connection) -> rusqlite::Result<()> {
    conn.execute_batch(SCHEMA)?;
    // The columns themselves say whether the upgrade ran (the version-1 schema text resets user_version).
    if conn
        .prepare("SELECT held, edit_token FROM comments LIMIT 0")
        .is_err()
    {
        conn.execute_batch(SCHEMA_V2)?;
    }
    conn.execute_batch(SCHEMA_KEYS)?;
    conn.pragma_update(None, "user_version", 2)
}

const COLUMNS: &str = "id, parent_id, author_name, author_url, author_avatar, body, format, \
                       created_at, score, deleted, article_author";

/// A comment about to be stored, from a seed file or a POST.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct NewRow {
    /// The comment id; for posts it is chosen by [`insert_post`] and this is ignored.
    pub id: String,
    /// The answered comment, if any.
    pub parent: Option<String>,
    /// Display name.
    pub author_name: String,
    /// Kept, never shown.
    pub author_email: Option<String>,
    /// Author link.
    pub author_url: Option<String>,
    /// Author picture.
    pub author_avatar: Option<String>,
    /// Comment text.
    pub body: String,
    /// `markdown`, `html` or `text`.
    pub format: String,
    /// Unix milliseconds.
    pub created_at: Option<i64>,
    /// Votes.
    pub score: Option<i64>,
    /// Placeholder for a removed comment.
    pub deleted: bool,
    /// Written by the article's author.
    pub article_author: bool,
}

/// What became of a posted comment.
#[derive(Debug)]
pub enum PostOutcome {
    /// Committed; this is the comment as the list will show it (once approved, when held), with its edit token.
    Stored(Box<Comment>, Receipt),
    /// The idempotency key was used before: the comment stored then, unchanged.
    Replayed(Box<Comment>, Receipt),
    /// The parent is not a comment of this article; nothing was written.
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

/// A failed database call, already logged.
#[derive(Debug)]
pub struct DbError;

/// Shared handle to the one connection.
#[derive(Clone)]
pub struct Db {
    conn: Arc<Mutex<Connection>>,
}

impl Db {
    /// Opens (creating if needed) the database file and its schema, with WAL and full sync so
    /// a `201` is only sent for a comment that is on disk.
    pub fn open(path: &Path) -> rusqlite::Result<Db> {
        let conn = Connection::open(path)?;
        let mode: String =
            conn.pragma_update_and_check(None, "journal_mode", "WAL", |row| row.get(0))?;
        if !mode.eq_ignore_ascii_case("wal") {
            eprintln!("folio-server: warning: SQLite kept journal_mode={mode} (WAL unavailable)");
        }
        conn.pragma_update(None, "synchronous", "FULL")?;
        // Another process (a backup, the sqlite3 shell) may hold the lock briefly.
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        migrate(&conn)?;
        Ok(Db {
            conn: Arc::new(Mutex::new(conn)),
        })
    }

    /// Runs `f` with the connection on the blocking pool.
    pub async fn run<T, F>(&self, f: F) -> Result<T, DbError>
    where
        T: Send + 'static,
        F: FnOnce(&mut Connection) -> rusqlite::Result<T> + Send + 'static,
    {
        let conn = Arc::clone(&self.conn);
        let joined = tokio::task::spawn_blocking(move || {
            // A panic while holding the lock cannot leave SQLite half-written (the transaction
            // rolls back on drop), so a poisoned lock is safe to take over.
            let mut guard = conn.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
            f(&mut guard)
        })
        .await;
        match joined {
            Ok(Ok(value)) => Ok(value),
            Ok(Err(err)) => {
                eprintln!("folio-server: database error: {err}");
                Err(DbError)
            }
            Err(err) => {
                eprintln!("folio-server: database task failed: {err}");
                Err(DbError)
            }
        }
    }

    /// Direct access for startup work done before the server runs (seeding).
    pub fn with_conn<T>(&self, f: impl FnOnce(&mut Connection) -> T) -> T {
        let mut guard = self
            .conn
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        f(&mut guard)
    }
}

/// All comments of an article, by date then insertion order (undated seeds first).
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
        let mut stmt = tx.prepare_cached(
            "INSERT OR IGNORE INTO comments (article_id, id, parent_id, author_name, author_email, \
             author_url, author_avatar, body, format, created_at, score, deleted, article_author) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
        )?;
        for row in rows {
            added += insert_with(&mut stmt, article, &row.id, row)?;
        }
    }
    tx.commit()?;
    Ok(added)
}

/// Stores a posted comment under a fresh `p<number>` id, after checking its parent, all in one
/// immediate transaction; returns only once the commit is durable.
pub fn insert_post(
    conn: &mut Connection,
    article: &str,
    row: &NewRow,
    options: &PostOptions<'_>,
) -> rusqlite::Result<PostOutcome> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    // Looked up inside the same immediate transaction, so two copies of one post racing each other cannot both
    // miss the key and both store a comment.
    if let Some(key) = options.key {
        let found = tx
            .query_row(
                &format!(
                    "SELECT {COLUMNS}, held, edit_token FROM comments \
                     JOIN idempotency ON comment_seq = seq \
                     WHERE idempotency.article_id = ?1 AND key = ?2"
                ),
                params![article, key],
                |r| {
                    Ok((
                        comment_from_row(r)?,
                        r.get::<_, bool>(11)?,
                        r.get::<_, Option<String>>(12)?,
                    ))
                },
            )
            .optional()?;
        if let Some((comment, held, token)) = found {
            return Ok(PostOutcome::Replayed(
                Box::new(comment),
                Receipt {
                    edit_token: token.unwrap_or_default(),
                    held,
                },
            ));
        }
    }
    if let Some(parent) = &row.parent {
        if !exists(&tx, article, parent)? {
            return Ok(PostOutcome::UnknownParent);
        }
    }
    // The next AUTOINCREMENT value gives ids that read in posting order; a seed that happens to
    // use the same `p<n>` id is stepped over rather than overwritten.
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
    {
        let mut stmt = tx.prepare_cached(
            "INSERT INTO comments (article_id, id, parent_id, author_name, author_email, \
             author_url, author_avatar, body, format, created_at, score, deleted, article_author) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
        )?;
        insert_with(&mut stmt, article, &id, row)?;
    }
    let seq = tx.last_insert_rowid();
    tx.execute(
        "UPDATE comments SET held = ?1, edit_token = ?2 WHERE seq = ?3",
        params![options.held, options.edit_token, seq],
    )?;
    if let Some(key) = options.key {
        tx.execute(
            "INSERT INTO idempotency (article_id, key, comment_seq, stored_at) VALUES (?1, ?2, ?3, ?4)",
            params![article, key, seq, row.created_at.unwrap_or(0)],
        )?;
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

/// Whether a post with this idempotency key is already stored for `article`.
pub fn key_known(conn: &Connection, article: &str, key: &str) -> rusqlite::Result<bool> {
    conn.query_row(
        "SELECT 1 FROM idempotency WHERE article_id = ?1 AND key = ?2",
        params![article, key],
        |_| Ok(()),
    )
    .optional()
    .map(|found| found.is_some())
}

/// What an edit or a delete needs to know about a comment: its token and when it was posted.
#[derive(Debug, Clone, PartialEq)]
pub struct Ownership {
    /// The token given at posting time; `None` for seeds (nobody can edit them).
    pub edit_token: Option<String>,
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
        "SELECT edit_token, created_at, deleted FROM comments WHERE article_id = ?1 AND id = ?2",
        params![article, id],
        |r| {
            Ok(Ownership {
                edit_token: r.get(0)?,
                created_at: r.get(1)?,
                deleted: r.get(2)?,
            })
        },
    )
    .optional()
}

/// Replace the text of a comment; returns it as the list shows it.
pub fn update_body(
    conn: &Connection,
    article: &str,
    id: &str,
    body: &str,
    format: &str,
) -> rusqlite::Result<Option<Comment>> {
    conn.execute(
        "UPDATE comments SET body = ?3, format = ?4 WHERE article_id = ?1 AND id = ?2 AND deleted = 0",
        params![article, id, body, format],
    )?;
    conn.query_row(
        &format!("SELECT {COLUMNS} FROM comments WHERE article_id = ?1 AND id = ?2"),
        params![article, id],
        comment_from_row,
    )
    .optional()
}

/// Turn a comment into a placeholder: its text and author are dropped, its replies keep their place.
pub fn mark_deleted(conn: &Connection, article: &str, id: &str) -> rusqlite::Result<bool> {
    let n = conn.execute(
        "UPDATE comments SET deleted = 1, body = '', author_email = NULL, author_url = NULL, \
         author_avatar = NULL, edit_token = NULL WHERE article_id = ?1 AND id = ?2",
        params![article, id],
    )?;
    Ok(n > 0)
}

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

/// Publish a held comment; returns it as the list now shows it (`None`: no such held comment).
pub fn approve(conn: &Connection, article: &str, id: &str) -> rusqlite::Result<Option<Comment>> {
    let n = conn.execute(
        "UPDATE comments SET held = 0 WHERE article_id = ?1 AND id = ?2 AND held = 1",
        params![article, id],
    )?;
    if n == 0 {
        return Ok(None);
    }
    conn.query_row(
        &format!("SELECT {COLUMNS} FROM comments WHERE article_id = ?1 AND id = ?2"),
        params![article, id],
        comment_from_row,
    )
    .optional()
}

/// Drop a held comment for good (it was never shown); returns whether there was one.
pub fn reject(conn: &Connection, article: &str, id: &str) -> rusqlite::Result<bool> {
    let n = conn.execute(
        "DELETE FROM comments WHERE article_id = ?1 AND id = ?2 AND held = 1",
        params![article, id],
    )?;
    Ok(n > 0)
}

fn insert_with(
    stmt: &mut rusqlite::CachedStatement<'_>,
    article: &str,
    id: &str,
    row: &NewRow,
) -> rusqlite::Result<usize> {
    stmt.execute(params![
        article,
        id,
        row.parent,
        row.author_name,
        row.author_email,
        row.author_url,
        row.author_avatar,
        row.body,
        row.format,
        row.created_at,
        row.score,
        row.deleted,
        row.article_author,
    ])
}

fn exists(conn: &Connection, article: &str, id: &str) -> rusqlite::Result<bool> {
    conn.query_row(
        "SELECT 1 FROM comments WHERE article_id = ?1 AND id = ?2",
        params![article, id],
        |_| Ok(()),
    )
    .optional()
    .map(|found| found.is_some())
}

fn comment_from_row(row: &Row<'_>) -> rusqlite::Result<Comment> {
    Ok(Comment {
        id: row.get(0)?,
        parent: row.get(1)?,
        author: Author {
            name: row.get(2)?,
            url: row.get(3)?,
            avatar: row.get(4)?,
        },
        body: row.get(5)?,
        format: row.get(6)?,
        date: row.get::<_, Option<i64>>(7)?.map(format_rfc3339),
        score: row.get(8)?,
        deleted: row.get(9)?,
        article_author: row.get(10)?,
    })
}

#[cfg(test)]
mod tests {
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
        let PostOutcome::Stored(first, _) = insert_post(&mut conn, "a", &row("", 5), &none)? else {
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

    // The same key on the same article gives back the same comment, never a second one; another article's key
    // space is separate.
    #[test]
    fn idempotency_keys_replay() -> rusqlite::Result<()> {
        let mut conn = memory_db()?;
        let opts = PostOptions {
            key: Some("k1"),
            held: false,
            edit_token: "t".into(),
        };
        let PostOutcome::Stored(first, _) = insert_post(&mut conn, "a", &row("", 5), &opts)? else {
            panic!("not stored");
        };
        let PostOutcome::Replayed(again, receipt) =
            insert_post(&mut conn, "a", &row("", 6), &opts)?
        else {
            panic!("not replayed");
        };
        assert_eq!(again.id, first.id);
        assert_eq!(receipt.edit_token, "t");
        assert_eq!(list(&conn, "a")?.len(), 1);
        assert!(matches!(
            insert_post(&mut conn, "b", &row("", 7), &opts)?,
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
        assert!(mark_deleted(&conn, "a", "s1")?);
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
}
