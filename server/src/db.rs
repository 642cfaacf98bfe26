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
    /// Committed; this is the comment as the list will show it.
    Stored(Box<Comment>),
    /// The parent is not a comment of this article; nothing was written.
    UnknownParent,
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
        conn.execute_batch(SCHEMA)?;
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
    let sql =
        format!("SELECT {COLUMNS} FROM comments WHERE article_id = ?1 ORDER BY created_at, seq");
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
) -> rusqlite::Result<PostOutcome> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
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
    let stored = tx.query_row(
        &format!("SELECT {COLUMNS} FROM comments WHERE seq = ?1"),
        params![seq],
        comment_from_row,
    )?;
    tx.commit()?;
    Ok(PostOutcome::Stored(Box::new(stored)))
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
        conn.execute_batch(SCHEMA)?;
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
        let PostOutcome::Stored(first) = insert_post(&mut conn, "a", &row("", 5))? else {
            panic!("the post was not stored");
        };
        assert_eq!(first.id, "p3");
        let mut reply = row("", 6);
        reply.parent = Some("p3".into());
        assert!(matches!(
            insert_post(&mut conn, "a", &reply)?,
            PostOutcome::Stored(_)
        ));
        // The same parent id in another article is not a parent here.
        assert!(matches!(
            insert_post(&mut conn, "b", &reply)?,
            PostOutcome::UnknownParent
        ));
        Ok(())
    }
}
