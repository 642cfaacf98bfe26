//! [`Db`], the one storage interface of the handlers, with its two implementations: SQLite (the embedded default,
//! [`Sqlite`]) and PostgreSQL ([`Pg`], for several instances on one database). Each operation keeps the same
//! guarantees on both: a post is checked (key, parent), numbered and stored in one transaction, the answer is sent
//! only after the commit, and the per-client limits count every instance's requests when the store is shared.

use std::net::IpAddr;

use super::pg::Pg;
use super::{
    add_entry, approve, correct_body, correction, decoy_id, edit_entry, entries, held, insert_post,
    list, mark_deleted, ownership, reject, sweep, update_body, DbError, NewRow, Ownership,
    PostOptions, PostOutcome, Sqlite,
};
use crate::input::live::EntryEdit;
use crate::model::{Comment, Correction, Entry, NewEntry};
use crate::timefmt::now_millis;

/// The comment store, on either backend; cheap to clone.
#[derive(Clone)]
pub enum Db {
    /// One SQLite file, one process.
    Sqlite(Sqlite),
    /// A PostgreSQL database shared by any number of instances.
    Postgres(Pg),
}

/// A post as the handler hands it to the store: the row (its date is stamped by the store, inside the transaction,
/// so posting order and date order agree), its key and the answers the store needs.
#[derive(Debug, Clone)]
pub struct Post {
    /// The comment; `id` and `created_at` are chosen by the store.
    pub row: NewRow,
    /// The client's `Idempotency-Key`.
    pub key: Option<String>,
    /// How long a key answers a retry, in milliseconds.
    pub key_window_ms: i64,
    /// Hold the comment for review.
    pub held: bool,
    /// The digest of the edit token handed to the poster.
    pub edit_hash: String,
}

impl Db {
    /// Whether several instances may share this store (PostgreSQL): the rate limits are then kept in it, and
    /// published comments are announced to the other instances.
    pub fn is_shared(&self) -> bool {
        matches!(self, Db::Postgres(_))
    }

    /// All published comments of an article (see [`list`]).
    pub async fn list(&self, article: &str) -> Result<Vec<Comment>, DbError> {
        let article = article.to_owned();
        match self {
            Db::Sqlite(s) => s.run(move |conn| list(conn, &article)).await,
            Db::Postgres(p) => p.list(&article).await,
        }
    }

    /// The ownership facts of a comment (see [`ownership`]).
    pub async fn ownership(&self, article: &str, id: &str) -> Result<Option<Ownership>, DbError> {
        let (article, id) = (article.to_owned(), id.to_owned());
        match self {
            Db::Sqlite(s) => s.run(move |conn| ownership(conn, &article, &id)).await,
            Db::Postgres(p) => p.ownership(&article, &id).await,
        }
    }

    /// Replaces the text of a comment, holding it again with `hold` (see [`update_body`]).
    pub async fn update_body(
        &self,
        article: &str,
        id: &str,
        edit: (String, String),
        hold: bool,
    ) -> Result<Option<(Comment, bool)>, DbError> {
        let (article, id) = (article.to_owned(), id.to_owned());
        match self {
            Db::Sqlite(s) => {
                s.run(move |conn| update_body(conn, &article, &id, (&edit.0, &edit.1), hold))
                    .await
            }
            Db::Postgres(p) => p.update_body(&article, &id, &edit, hold).await,
        }
    }

    /// Turns a comment into a placeholder (see [`mark_deleted`]); the placeholder when it is listed.
    pub async fn mark_deleted(&self, article: &str, id: &str) -> Result<Option<Comment>, DbError> {
        let (article, id) = (article.to_owned(), id.to_owned());
        match self {
            Db::Sqlite(s) => s.run(move |conn| mark_deleted(conn, &article, &id)).await,
            Db::Postgres(p) => p.mark_deleted(&article, &id).await,
        }
    }

    /// The moderator's queue (see [`held`]).
    pub async fn held(&self) -> Result<Vec<(String, Comment)>, DbError> {
        match self {
            Db::Sqlite(s) => s.run(|conn| held(conn)).await,
            Db::Postgres(p) => p.held().await,
        }
    }

    /// Publishes a held comment (see [`approve`]); with whether it was listed before (an edit held for review).
    pub async fn approve(
        &self,
        article: &str,
        id: &str,
    ) -> Result<Option<(Comment, bool)>, DbError> {
        let (article, id) = (article.to_owned(), id.to_owned());
        match self {
            Db::Sqlite(s) => s.run(move |conn| approve(conn, &article, &id)).await,
            Db::Postgres(p) => p.approve(&article, &id).await,
        }
    }

    /// Drops a held comment and its key (see [`reject`]).
    pub async fn reject(&self, article: &str, id: &str) -> Result<bool, DbError> {
        let (article, id) = (article.to_owned(), id.to_owned());
        match self {
            Db::Sqlite(s) => s.run(move |conn| reject(conn, &article, &id)).await,
            Db::Postgres(p) => p.reject(&article, &id).await,
        }
    }

    /// Stores a posted comment (see [`insert_post`]); returns once the commit is durable.
    pub async fn insert_post(&self, article: &str, post: Post) -> Result<PostOutcome, DbError> {
        let article = article.to_owned();
        match self {
            Db::Sqlite(s) => {
                s.run(move |conn| {
                    let Post {
                        mut row,
                        key,
                        key_window_ms,
                        held,
                        edit_hash,
                    } = post;
                    // Stamped under the connection lock, so posting order and date order agree.
                    let now = now_millis();
                    row.created_at = Some(now);
                    let options = PostOptions {
                        key: key.as_deref(),
                        keys_since: now.saturating_sub(key_window_ms),
                        held,
                        edit_hash,
                    };
                    insert_post(conn, &article, &row, &options)
                })
                .await
            }
            Db::Postgres(p) => p.insert_post(&article, post).await,
        }
    }

    /// Reserves the id a real post would get, and the time it would be stamped with (see [`decoy_id`]).
    pub async fn decoy_id(
        &self,
        article: &str,
        parent: Option<String>,
    ) -> Result<Option<(String, i64)>, DbError> {
        let article = article.to_owned();
        match self {
            Db::Sqlite(s) => {
                s.run(move |conn| {
                    let now = now_millis();
                    Ok(decoy_id(conn, &article, parent.as_deref())?.map(|id| (id, now)))
                })
                .await
            }
            Db::Postgres(p) => p.decoy_id(&article, parent.as_deref()).await,
        }
    }

    /// Forgets expired token digests and keys (see [`sweep`]); on PostgreSQL also the expired rate-limit entries.
    pub async fn sweep(
        &self,
        tokens_before: i64,
        keys_before: i64,
    ) -> Result<(usize, usize), DbError> {
        match self {
            Db::Sqlite(s) => {
                s.run(move |conn| sweep(conn, tokens_before, keys_before))
                    .await
            }
            Db::Postgres(p) => p.sweep(tokens_before, keys_before).await,
        }
    }

    /// Counts one request of `client` against the shared limit `bucket` of `per_minute` requests per minute;
    /// `Ok(Err(seconds))` when it must wait. Only for a shared store: a lone SQLite server counts in memory.
    pub async fn rate_check(
        &self,
        bucket: &str,
        client: IpAddr,
        per_minute: u32,
    ) -> Result<Result<(), u64>, DbError> {
        match self {
            Db::Sqlite(_) => Ok(Ok(())),
            Db::Postgres(p) => p.rate_check(bucket, client, per_minute).await,
        }
    }

    /// The entries stored for live `article`, newest first.
    pub async fn entries(&self, article: &str) -> Result<Vec<Entry>, DbError> {
        let article = article.to_owned();
        match self {
            Db::Sqlite(s) => s.run(move |conn| entries(conn, &article)).await,
            Db::Postgres(p) => p.entries(&article).await,
        }
    }

    /// Stores a new entry of live `article` (stamped now unless it has a date); `None` when its id is taken. On
    /// PostgreSQL the other instances are told in the same transaction.
    pub async fn add_entry(
        &self,
        article: &str,
        mut new: NewEntry,
    ) -> Result<Option<Entry>, DbError> {
        if new.published_at == 0 {
            new.published_at = now_millis();
        }
        let article = article.to_owned();
        match self {
            Db::Sqlite(s) => s.run(move |conn| add_entry(conn, &article, &new)).await,
            Db::Postgres(p) => p.add_entry(&article, &new).await,
        }
    }

    /// Replaces the text of entry `id` (stamped `updated` now); `None` when it is not stored.
    pub async fn edit_entry(
        &self,
        article: &str,
        id: &str,
        edit: EntryEdit,
    ) -> Result<Option<Entry>, DbError> {
        let (article, id, now) = (article.to_owned(), id.to_owned(), now_millis());
        match self {
            Db::Sqlite(s) => {
                s.run(move |conn| edit_entry(conn, &article, &id, &edit, now))
                    .await
            }
            Db::Postgres(p) => p.edit_entry(&article, &id, &edit, now).await,
        }
    }

    /// Stores a correction of the article's body (text, format), stamped now.
    pub async fn correct_body(
        &self,
        article: &str,
        body: (String, String),
    ) -> Result<Correction, DbError> {
        let (article, now) = (article.to_owned(), now_millis());
        match self {
            Db::Sqlite(s) => {
                s.run(move |conn| correct_body(conn, &article, &body, now))
                    .await
            }
            Db::Postgres(p) => p.correct_body(&article, &body, now).await,
        }
    }

    /// The article's corrected body, if an editor corrected it.
    pub async fn correction(&self, article: &str) -> Result<Option<Correction>, DbError> {
        let article = article.to_owned();
        match self {
            Db::Sqlite(s) => s.run(move |conn| correction(conn, &article)).await,
            Db::Postgres(p) => p.correction(&article).await,
        }
    }

    /// Whether the database answers a trivial query (`/readyz`).
    pub async fn ping(&self) -> bool {
        match self {
            Db::Sqlite(s) => s
                .run(|conn| conn.query_row("SELECT 1", [], |_| Ok(())))
                .await
                .is_ok(),
            Db::Postgres(p) => p.ping().await,
        }
    }
}
