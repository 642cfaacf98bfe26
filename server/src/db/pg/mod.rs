//! The store on PostgreSQL (`--db postgres://…` or `DATABASE_URL`), for several `folio-server` instances sharing
//! one database. The same operations and guarantees as the SQLite store, with what sharing requires:
//! - a post takes a transaction-scoped advisory lock on its article, so "check the key, check the parent, pick an
//!   id, insert" stays one atomic step across instances (SQLite gets this from its single connection);
//! - ids come from the `comments` sequence, so two instances never hand out the same `p<n>`;
//! - the per-client limits are rows in `rate_hits`, counted under an advisory lock per client;
//! - a comment that becomes visible gets a publication number and a `NOTIFY` in the same transaction, so the other
//!   instances' event streams hear of it only once it is committed (`listen`).
//!
//! `schema` holds the migrations. Connections come from a `deadpool` pool whose connections are replaced when the
//! database restarts; every failure is logged and answered as a 500 (or a 503 on `/readyz`).

pub mod listen;
pub mod schema;

use std::fmt::Display;
use std::net::IpAddr;
use std::str::FromStr;
use std::sync::Arc;
use std::time::Duration;

use deadpool_postgres::{Manager, ManagerConfig, Pool, RecyclingMethod, Runtime};
use tokio_postgres::{GenericClient, NoTls, Row};

use super::idempotency::fingerprint;
use super::{DbError, NewRow, Ownership, Post, PostOutcome};
use crate::model::{Author, Comment};
use crate::timefmt::{format_rfc3339, now_millis};

/// The notification channel of published comments.
pub const CHANNEL: &str = "folio_events";

/// The columns [`comment`] reads, in its order.
const COLUMNS: &str =
    "id, parent_id, author_name, author_url, author_avatar, body, format, created_at, score, \
                       deleted, article_author";

/// Advisory lock namespaces (the first key of the two-key form): posts per article, limits per client.
const POST_LOCK: i32 = 1;
const RATE_LOCK: i32 = 2;

/// How long a request waits for a connection, or for a new one to open, before it fails.
const POOL_WAIT: Duration = Duration::from_secs(10);
const CONNECT_TIMEOUT: Duration = Duration::from_secs(5);

/// A pool of connections to one database, and this instance's name in its notifications; cheap to clone.
#[derive(Clone)]
pub struct Pg {
    pool: Pool,
    config: Arc<tokio_postgres::Config>,
    instance: Arc<str>,
}

/// Logs a database failure once, for the handler to answer with a 500.
fn fail(err: impl Display) -> DbError {
    tracing::error!("database error: {err}");
    DbError
}

/// Whether `db` (the `--db` value) names a PostgreSQL database rather than a SQLite file.
pub fn is_url(db: &str) -> bool {
    db.starts_with("postgres://") || db.starts_with("postgresql://")
}

/// Parses a connection URL, with a connect timeout so a dead database fails requests instead of hanging them.
pub fn parse_url(url: &str) -> Result<tokio_postgres::Config, String> {
    let mut config = tokio_postgres::Config::from_str(url)
        .map_err(|err| format!("invalid PostgreSQL URL: {err}"))?;
    if config.get_connect_timeout().is_none() {
        config.connect_timeout(CONNECT_TIMEOUT);
    }
    if config.get_application_name().is_none() {
        config.application_name("folio-server");
    }
    Ok(config)
}

/// One connection outside the pool (startup, migrations, the listener, `import`), driven on the current runtime.
pub async fn connect(config: &tokio_postgres::Config) -> Result<tokio_postgres::Client, String> {
    let (client, connection) = config
        .connect(NoTls)
        .await
        .map_err(|err| format!("cannot connect to PostgreSQL: {err}"))?;
    tokio::spawn(async move {
        if let Err(err) = connection.await {
            tracing::warn!("PostgreSQL connection ended: {err}");
        }
    });
    Ok(client)
}

impl Pg {
    /// A pool for `url`; no connection is opened until the first request (startup work uses [`connect`]), so the
    /// pool belongs to whichever runtime serves the requests.
    pub fn new(url: &str) -> Result<Pg, String> {
        let config = parse_url(url)?;
        let manager = Manager::from_config(
            config.clone(),
            NoTls,
            ManagerConfig {
                // A connection closed by a database restart is noticed and replaced before it is handed out.
                recycling_method: RecyclingMethod::Fast,
            },
        );
        let pool = Pool::builder(manager)
            .max_size(16)
            .runtime(Runtime::Tokio1)
            .wait_timeout(Some(POOL_WAIT))
            .create_timeout(Some(CONNECT_TIMEOUT))
            .build()
            .map_err(|err| format!("cannot set up the connection pool: {err}"))?;
        let instance =
            crate::token::fresh_token().map_err(|err| format!("no random instance name: {err}"))?;
        Ok(Pg {
            pool,
            config: Arc::new(config),
            instance: Arc::from(instance),
        })
    }

    /// The connection settings, for connections outside the pool.
    pub fn config(&self) -> &tokio_postgres::Config {
        &self.config
    }

    /// This instance's name in notifications: its own are already published locally.
    pub fn instance(&self) -> &str {
        &self.instance
    }

    async fn client(&self) -> Result<deadpool_postgres::Object, DbError> {
        self.pool.get().await.map_err(fail)
    }

    /// See [`super::Db::list`].
    pub async fn list(&self, article: &str) -> Result<Vec<Comment>, DbError> {
        let client = self.client().await?;
        list(&**client, article).await.map_err(fail)
    }

    /// See [`super::Db::ownership`].
    pub async fn ownership(&self, article: &str, id: &str) -> Result<Option<Ownership>, DbError> {
        let client = self.client().await?;
        let row = client
            .query_opt(
                "SELECT edit_hash, created_at, deleted FROM comments WHERE article_id = $1 AND id = $2",
                &[&article, &id],
            )
            .await
            .map_err(fail)?;
        row.map(|r| {
            Ok(Ownership {
                edit_hash: r.try_get(0)?,
                created_at: r.try_get(1)?,
                deleted: r.try_get(2)?,
            })
        })
        .transpose()
        .map_err(|err: tokio_postgres::Error| fail(err))
    }

    /// See [`super::Db::update_body`].
    pub async fn update_body(
        &self,
        article: &str,
        id: &str,
        edit: &(String, String),
        hold: bool,
    ) -> Result<Option<(Comment, bool)>, DbError> {
        let client = self.client().await?;
        let row = client
            .query_opt(
                &format!(
                    "UPDATE comments SET body = $3, format = $4, held = (held OR $5) \
                     WHERE article_id = $1 AND id = $2 AND deleted = FALSE RETURNING {COLUMNS}, held"
                ),
                &[&article, &id, &edit.0, &edit.1, &hold],
            )
            .await
            .map_err(fail)?;
        match row {
            Some(r) => Ok(Some((
                comment(&r).map_err(fail)?,
                r.try_get(11).map_err(fail)?,
            ))),
            // Deleted (or missing): answer the comment as it is, as the SQLite store does.
            None => {
                let found = comment_by_id(&**client, article, id).await.map_err(fail)?;
                Ok(found.map(|c| (c, false)))
            }
        }
    }

    /// See [`super::Db::mark_deleted`].
    pub async fn mark_deleted(&self, article: &str, id: &str) -> Result<bool, DbError> {
        let client = self.client().await?;
        let n = client
            .execute(
                "UPDATE comments SET deleted = TRUE, body = '', author_email = NULL, author_url = NULL, \
                 author_avatar = NULL, edit_hash = NULL WHERE article_id = $1 AND id = $2",
                &[&article, &id],
            )
            .await
            .map_err(fail)?;
        Ok(n > 0)
    }

    /// See [`super::Db::held`].
    pub async fn held(&self) -> Result<Vec<(String, Comment)>, DbError> {
        let client = self.client().await?;
        let rows = client
            .query(
                &format!(
                    "SELECT {COLUMNS}, article_id FROM comments WHERE held = TRUE \
                     ORDER BY created_at NULLS FIRST, seq"
                ),
                &[],
            )
            .await
            .map_err(fail)?;
        rows.iter()
            .map(|r| Ok((r.try_get(11)?, comment(r)?)))
            .collect::<Result<_, tokio_postgres::Error>>()
            .map_err(fail)
    }

    /// See [`super::Db::approve`]: published and announced in one transaction.
    pub async fn approve(&self, article: &str, id: &str) -> Result<Option<Comment>, DbError> {
        let mut client = self.client().await?;
        let tx = client.transaction().await.map_err(fail)?;
        let row = tx
            .query_opt(
                &format!(
                    "UPDATE comments SET held = FALSE, published = nextval('publications'), published_by = $3 \
                     WHERE article_id = $1 AND id = $2 AND held = TRUE RETURNING {COLUMNS}, published"
                ),
                &[&article, &id, &&*self.instance],
            )
            .await
            .map_err(fail)?;
        let Some(row) = row else {
            return Ok(None);
        };
        let stored = comment(&row).map_err(fail)?;
        let published: i64 = row.try_get(11).map_err(fail)?;
        self.announce(&*tx, article, &stored.id, published)
            .await
            .map_err(fail)?;
        tx.commit().await.map_err(fail)?;
        Ok(Some(stored))
    }

    /// See [`super::Db::reject`].
    pub async fn reject(&self, article: &str, id: &str) -> Result<bool, DbError> {
        let mut client = self.client().await?;
        let tx = client.transaction().await.map_err(fail)?;
        tx.execute(
            "DELETE FROM idempotency WHERE comment_seq IN \
             (SELECT seq FROM comments WHERE article_id = $1 AND id = $2 AND held = TRUE)",
            &[&article, &id],
        )
        .await
        .map_err(fail)?;
        let n = tx
            .execute(
                "DELETE FROM comments WHERE article_id = $1 AND id = $2 AND held = TRUE",
                &[&article, &id],
            )
            .await
            .map_err(fail)?;
        tx.commit().await.map_err(fail)?;
        Ok(n > 0)
    }

    /// See [`super::Db::insert_post`]. The article's advisory lock makes the key lookup, the parent check, the id
    /// and the insert one step for every instance; the commit (synchronous on PostgreSQL's default settings) comes
    /// before the answer.
    pub async fn insert_post(&self, article: &str, post: Post) -> Result<PostOutcome, DbError> {
        let mut client = self.client().await?;
        let tx = client.transaction().await.map_err(fail)?;
        let outcome = self.post_in(&tx, article, post).await.map_err(fail)?;
        if matches!(outcome, PostOutcome::Stored(..)) {
            tx.commit().await.map_err(fail)?;
        }
        // Anything else wrote nothing; dropping the transaction rolls it back.
        Ok(outcome)
    }

    async fn post_in(
        &self,
        tx: &tokio_postgres::Transaction<'_>,
        article: &str,
        post: Post,
    ) -> Result<PostOutcome, tokio_postgres::Error> {
        tx.execute(
            "SELECT pg_advisory_xact_lock($1, hashtext($2))",
            &[&POST_LOCK, &article],
        )
        .await?;
        let Post {
            mut row,
            key,
            key_window_ms,
            held,
            edit_hash,
        } = post;
        // Stamped under the lock, so posting order and date order agree (on one clock).
        let now = now_millis();
        row.created_at = Some(now);
        let print = fingerprint(article, &row);
        if let Some(key) = &key {
            let earlier = tx
                .query_opt(
                    &format!(
                        "SELECT {COLUMNS}, held, fingerprint FROM comments \
                         JOIN idempotency ON comment_seq = seq \
                         WHERE idempotency.article_id = $1 AND key = $2 AND stored_at >= $3"
                    ),
                    &[&article, key, &now.saturating_sub(key_window_ms)],
                )
                .await?;
            if let Some(r) = earlier {
                let stored: Option<String> = r.try_get(12)?;
                return Ok(if stored.as_deref() == Some(print.as_str()) {
                    PostOutcome::Replayed(Box::new(comment(&r)?), r.try_get(11)?)
                } else {
                    PostOutcome::KeyReused
                });
            }
            // Expired, or its comment rejected: the key is free again.
            tx.execute(
                "DELETE FROM idempotency WHERE article_id = $1 AND key = $2",
                &[&article, key],
            )
            .await?;
        }
        if let Some(parent) = &row.parent {
            let found = tx
                .query_opt(
                    "SELECT 1 FROM comments WHERE article_id = $1 AND id = $2 AND held = FALSE",
                    &[&article, parent],
                )
                .await?;
            if found.is_none() {
                return Ok(PostOutcome::UnknownParent);
            }
        }
        let (seq, id) = next_post_id(tx, article).await?;
        let stored = tx
            .query_one(
                &format!(
                    "INSERT INTO comments (seq, article_id, id, parent_id, author_name, author_email, author_url, \
                     author_avatar, body, format, created_at, score, deleted, article_author, held, edit_hash, \
                     published, published_by) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, \
                     CASE WHEN $15 THEN NULL ELSE nextval('publications') END, $17) \
                     RETURNING {COLUMNS}, published"
                ),
                &[
                    &seq,
                    &article,
                    &id,
                    &row.parent,
                    &row.author_name,
                    &row.author_email,
                    &row.author_url,
                    &row.author_avatar,
                    &row.body,
                    &row.format,
                    &row.created_at,
                    &row.score,
                    &row.deleted,
                    &row.article_author,
                    &held,
                    &edit_hash,
                    &&*self.instance,
                ],
            )
            .await?;
        if let Some(key) = &key {
            tx.execute(
                "INSERT INTO idempotency (article_id, key, comment_seq, stored_at, fingerprint) \
                 VALUES ($1, $2, $3, $4, $5)",
                &[&article, key, &seq, &now, &print],
            )
            .await?;
        }
        let published: Option<i64> = stored.try_get(11)?;
        if let Some(published) = published {
            self.announce(tx, article, &id, published).await?;
        }
        Ok(PostOutcome::Stored(Box::new(comment(&stored)?)))
    }

    /// Tells the other instances (in the caller's transaction, so only once committed) that comment `id` of
    /// `article` is published under number `published`.
    async fn announce(
        &self,
        client: &impl GenericClient,
        article: &str,
        id: &str,
        published: i64,
    ) -> Result<(), tokio_postgres::Error> {
        let payload = serde_json::json!({
            "i": &*self.instance,
            "a": article,
            "c": id,
            "v": published,
        })
        .to_string();
        client
            .execute("SELECT pg_notify($1, $2)", &[&CHANNEL, &payload])
            .await
            .map(drop)
    }

    /// See [`super::Db::decoy_id`]: the next number of the sequence, gone for real posts too.
    pub async fn decoy_id(
        &self,
        article: &str,
        parent: Option<&str>,
    ) -> Result<Option<(String, i64)>, DbError> {
        let client = self.client().await?;
        if let Some(parent) = parent {
            let found = client
                .query_opt(
                    "SELECT 1 FROM comments WHERE article_id = $1 AND id = $2 AND held = FALSE",
                    &[&article, &parent],
                )
                .await
                .map_err(fail)?;
            if found.is_none() {
                return Ok(None);
            }
        }
        let (_, id) = next_post_id(&**client, article).await.map_err(fail)?;
        Ok(Some((id, now_millis())))
    }

    /// See [`super::Db::sweep`]; rate-limit entries older than their minute go too.
    pub async fn sweep(
        &self,
        tokens_before: i64,
        keys_before: i64,
    ) -> Result<(usize, usize), DbError> {
        let client = self.client().await?;
        sweep(&**client, tokens_before, keys_before)
            .await
            .map_err(fail)
    }

    /// See [`super::Db::rate_check`]: a sliding window of one minute, as the in-memory limiter keeps it, in rows
    /// every instance counts.
    pub async fn rate_check(
        &self,
        bucket: &str,
        client_ip: IpAddr,
        per_minute: u32,
    ) -> Result<Result<(), u64>, DbError> {
        if per_minute == 0 {
            return Ok(Ok(()));
        }
        let mut client = self.client().await?;
        let tx = client.transaction().await.map_err(fail)?;
        let who = client_ip.to_string();
        let now = now_millis();
        let window_start = now - RATE_WINDOW_MS;
        let lock_key = format!("{bucket} {who}");
        let result = async {
            tx.execute(
                "SELECT pg_advisory_xact_lock($1, hashtext($2))",
                &[&RATE_LOCK, &lock_key],
            )
            .await?;
            tx.execute(
                "DELETE FROM rate_hits WHERE bucket = $1 AND client = $2 AND at <= $3",
                &[&bucket, &who, &window_start],
            )
            .await?;
            let row = tx
                .query_one(
                    "SELECT count(*), min(at) FROM rate_hits WHERE bucket = $1 AND client = $2",
                    &[&bucket, &who],
                )
                .await?;
            let (count, oldest): (i64, Option<i64>) = (row.try_get(0)?, row.try_get(1)?);
            if count >= i64::from(per_minute) {
                let wait_ms = oldest.map_or(RATE_WINDOW_MS, |t| t + RATE_WINDOW_MS - now);
                // Whole seconds, rounded up, as the in-memory limiter answers.
                let secs = u64::try_from(wait_ms.max(0)).unwrap_or(0).div_ceil(1000);
                return Ok::<_, tokio_postgres::Error>(Err(secs));
            }
            tx.execute(
                "INSERT INTO rate_hits (bucket, client, at) VALUES ($1, $2, $3)",
                &[&bucket, &who, &now],
            )
            .await?;
            Ok(Ok(()))
        }
        .await
        .map_err(fail)?;
        tx.commit().await.map_err(fail)?;
        Ok(result)
    }

    /// See [`super::Db::ping`].
    pub async fn ping(&self) -> bool {
        match self.pool.get().await {
            Ok(client) => client.simple_query("SELECT 1").await.is_ok(),
            Err(_) => false,
        }
    }
}

/// The window of the shared rate limits.
const RATE_WINDOW_MS: i64 = 60_000;

/// All published comments of an article, by date (undated seeds first, as SQLite sorts NULL) then insertion order.
pub async fn list(
    client: &impl GenericClient,
    article: &str,
) -> Result<Vec<Comment>, tokio_postgres::Error> {
    let rows = client
        .query(
            &format!(
                "SELECT {COLUMNS} FROM comments WHERE article_id = $1 AND held = FALSE \
                 ORDER BY created_at NULLS FIRST, seq"
            ),
            &[&article],
        )
        .await?;
    rows.iter().map(comment).collect()
}

/// Comment `id` of `article` as the list shows it, if it is stored.
pub async fn comment_by_id(
    client: &impl GenericClient,
    article: &str,
    id: &str,
) -> Result<Option<Comment>, tokio_postgres::Error> {
    let row = client
        .query_opt(
            &format!("SELECT {COLUMNS} FROM comments WHERE article_id = $1 AND id = $2"),
            &[&article, &id],
        )
        .await?;
    row.as_ref().map(comment).transpose()
}

/// Stores seed comments, keeping any already stored with the same id; returns how many were new. `INSERT … SELECT
/// … WHERE NOT EXISTS` rather than `ON CONFLICT`, which would spend a number of the sequence on every seed already
/// there and so change the ids of later posts.
pub async fn insert_seeds(
    client: &mut tokio_postgres::Client,
    article: &str,
    rows: &[NewRow],
) -> Result<usize, tokio_postgres::Error> {
    let tx = client.transaction().await?;
    let mut added = 0;
    for row in rows {
        added += tx
            .execute(
                "INSERT INTO comments (article_id, id, parent_id, author_name, author_email, author_url, \
                 author_avatar, body, format, created_at, score, deleted, article_author, published) \
                 SELECT $1::TEXT, $2::TEXT, $3::TEXT, $4::TEXT, $5::TEXT, $6::TEXT, $7::TEXT, $8::TEXT, \
                 $9::TEXT, $10::BIGINT, $11::BIGINT, $12::BOOLEAN, $13::BOOLEAN, 0 \
                 WHERE NOT EXISTS (SELECT 1 FROM comments WHERE article_id = $1 AND id = $2)",
                &[
                    &article,
                    &row.id,
                    &row.parent,
                    &row.author_name,
                    &row.author_email,
                    &row.author_url,
                    &row.author_avatar,
                    &row.body,
                    &row.format,
                    &row.created_at,
                    &row.score,
                    &row.deleted,
                    &row.article_author,
                ],
            )
            .await?;
    }
    tx.commit().await?;
    usize::try_from(added).map_or(Ok(usize::MAX), Ok)
}

/// Clears token digests of comments posted before `tokens_before`, drops keys stored before `keys_before` and
/// rate-limit entries older than a minute; returns how many digests and keys.
pub async fn sweep(
    client: &impl GenericClient,
    tokens_before: i64,
    keys_before: i64,
) -> Result<(usize, usize), tokio_postgres::Error> {
    let tokens = client
        .execute(
            "UPDATE comments SET edit_hash = NULL \
             WHERE edit_hash IS NOT NULL AND COALESCE(created_at, 0) < $1",
            &[&tokens_before],
        )
        .await?;
    let keys = client
        .execute(
            "DELETE FROM idempotency WHERE stored_at < $1",
            &[&keys_before],
        )
        .await?;
    client
        .execute(
            "DELETE FROM rate_hits WHERE at < $1",
            &[&(now_millis() - RATE_WINDOW_MS)],
        )
        .await?;
    let count = |n: u64| usize::try_from(n).unwrap_or(usize::MAX);
    Ok((count(tokens), count(keys)))
}

/// The number and id of the next post: the next value of the comments' sequence, stepping over a seed that
/// happens to use the same `p<n>` id.
async fn next_post_id(
    client: &impl GenericClient,
    article: &str,
) -> Result<(i64, String), tokio_postgres::Error> {
    loop {
        let number: i64 = client
            .query_one(
                "SELECT nextval(pg_get_serial_sequence('comments', 'seq'))",
                &[],
            )
            .await?
            .try_get(0)?;
        let id = format!("p{number}");
        let taken = client
            .query_opt(
                "SELECT 1 FROM comments WHERE article_id = $1 AND id = $2",
                &[&article, &id],
            )
            .await?;
        if taken.is_none() {
            return Ok((number, id));
        }
    }
}

/// Reads the [`COLUMNS`] of a row.
pub fn comment(row: &Row) -> Result<Comment, tokio_postgres::Error> {
    Ok(Comment {
        id: row.try_get(0)?,
        parent: row.try_get(1)?,
        author: Author {
            name: row.try_get(2)?,
            url: row.try_get(3)?,
            avatar: row.try_get(4)?,
        },
        body: row.try_get(5)?,
        format: row.try_get(6)?,
        date: row.try_get::<_, Option<i64>>(7)?.map(format_rfc3339),
        score: row.try_get(8)?,
        deleted: row.try_get(9)?,
        article_author: row.try_get(10)?,
    })
}

/// Startup work on a connection of its own, under the startup lock (several instances may start at once): bring
/// the schema up to date, store the seed comments not yet stored, and sweep. Returns how many seeds were new;
/// a seed that cannot be stored is logged and skipped, as on SQLite.
pub async fn prepare(
    config: &tokio_postgres::Config,
    seeds: &[(String, Vec<NewRow>)],
    cutoffs: (i64, i64),
) -> Result<(usize, usize), String> {
    let mut client = connect(config).await?;
    schema::lock(&client).await?;
    schema::migrate_to(&mut client, schema::latest()).await?;
    let (mut added, mut skipped) = (0, 0);
    for (article, rows) in seeds {
        match insert_seeds(&mut client, article, rows).await {
            Ok(n) => added += n,
            Err(err) => {
                tracing::warn!("could not store the seeds of {article}: {err}");
                skipped += 1;
            }
        }
    }
    sweep(&client, cutoffs.0, cutoffs.1)
        .await
        .map_err(|err| format!("cannot sweep expired tokens: {err}"))?;
    // Closing the connection releases the session's lock.
    Ok((added, skipped))
}

/// Runs the future `make` returns to completion on a runtime of its own, on a thread of its own, so startup work
/// (and the `migrate`, `export` and `import` commands) can run whether or not the caller is inside a runtime.
/// Connections opened there are gone afterwards; the pool opens its own on the serving runtime.
pub fn block_on<F, Fut>(make: F) -> Result<Fut::Output, String>
where
    F: FnOnce() -> Fut + Send,
    Fut: std::future::Future,
    Fut::Output: Send,
{
    std::thread::scope(|scope| {
        scope
            .spawn(|| {
                let runtime = tokio::runtime::Builder::new_current_thread()
                    .enable_all()
                    .build()
                    .map_err(|err| format!("cannot start a runtime: {err}"))?;
                Ok(runtime.block_on(make()))
            })
            .join()
            .unwrap_or_else(|_| Err("the startup thread panicked".into()))
    })
}
