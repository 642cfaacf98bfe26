//! Storage of comments, seeded and posted alike, in SQLite (the default) or PostgreSQL (issue 16): [`Db`] is the one
//! interface the handlers use, with an implementation per backend. The SQLite side is split by concern:
//! - `schema`: the tables and the migrations of older databases;
//! - `rows`: the row type written and the mapping of stored rows to [`Comment`](crate::model::Comment)s;
//! - `comments`: listing, seeding, editing and deleting;
//! - `posting`: storing a posted comment in one transaction, with `idempotency` for retried posts;
//! - `moderation`: the queue of held comments;
//! - `decoy`: the id the honeypot's decoy answer shows;
//! - `live`: a live article's entries and body correction;
//! - `sweep`: forgetting expired token digests and idempotency keys.
//!
//! `pg` is the same store on PostgreSQL (its own migrations, a pool of connections, and the notifications that carry
//! live updates to the other instances); `store` holds [`Db`], which dispatches every operation to one of the two.
//!
//! SQLite: one connection behind a mutex: SQLite serialises writers anyway, the load of a reference server is small,
//! and a single connection makes "check the parent, pick an id, insert" one atomic step without retry logic. Blocking
//! calls run on tokio's blocking pool ([`Sqlite::run`]).

mod comments;
mod decoy;
mod idempotency;
mod live;
mod moderation;
pub mod pg;
mod posting;
mod rows;
mod schema;
mod store;
mod sweep;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_tokens;

use std::path::Path;
use std::sync::{Arc, Mutex};

use rusqlite::Connection;

pub use comments::{insert_seeds, list, mark_deleted, ownership, update_body, Ownership};
pub use decoy::decoy_id;
pub use live::{add_entry, correct_body, correction, edit_entry, entries};
pub use moderation::{approve, held, reject};
pub use posting::{insert_post, PostOptions, PostOutcome};
pub use rows::NewRow;
pub use store::{Db, Post};
pub use sweep::sweep;

/// A failed database call, already logged.
#[derive(Debug)]
pub struct DbError;

/// Shared handle to the one SQLite connection.
#[derive(Clone)]
pub struct Sqlite {
    conn: Arc<Mutex<Connection>>,
}

impl Sqlite {
    /// Opens (creating if needed) the database file and its schema, with WAL and full sync so a `201` is only sent
    /// for a comment that is on disk.
    pub fn open(path: &Path) -> rusqlite::Result<Sqlite> {
        let conn = Connection::open(path)?;
        let mode: String =
            conn.pragma_update_and_check(None, "journal_mode", "WAL", |row| row.get(0))?;
        if !mode.eq_ignore_ascii_case("wal") {
            tracing::warn!("SQLite kept journal_mode={mode} (WAL unavailable)");
        }
        conn.pragma_update(None, "synchronous", "FULL")?;
        // Another process (a backup, the sqlite3 shell) may hold the lock briefly.
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        schema::migrate(&conn)?;
        Ok(Sqlite {
            conn: Arc::new(Mutex::new(conn)),
        })
    }

    /// Runs `f` with the connection on the blocking pool; a failure is logged here, so callers only answer it.
    pub async fn run<T, F>(&self, f: F) -> Result<T, DbError>
    where
        T: Send + 'static,
        F: FnOnce(&mut Connection) -> rusqlite::Result<T> + Send + 'static,
    {
        let conn = Arc::clone(&self.conn);
        let joined = tokio::task::spawn_blocking(move || {
            let mut guard = lock(&conn);
            f(&mut guard)
        })
        .await;
        match joined {
            Ok(Ok(value)) => Ok(value),
            Ok(Err(err)) => {
                tracing::error!("database error: {err}");
                Err(DbError)
            }
            Err(err) => {
                tracing::error!("database task failed: {err}");
                Err(DbError)
            }
        }
    }

    /// Direct access for startup work done before the server runs (seeding).
    pub fn with_conn<T>(&self, f: impl FnOnce(&mut Connection) -> T) -> T {
        f(&mut lock(&self.conn))
    }
}

/// A panic while holding the lock cannot leave SQLite half-written (the transaction rolls back on drop), so a
/// poisoned lock is safe to take over.
fn lock(conn: &Mutex<Connection>) -> std::sync::MutexGuard<'_, Connection> {
    conn.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}
