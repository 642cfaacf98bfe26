//! The store on PostgreSQL (`--db postgres://…` or `DATABASE_URL`), for several `folio-server` instances sharing
//! one database. The same operations and guarantees as the SQLite store, with what sharing requires:
//! - a post takes a transaction-scoped advisory lock on its article, so "check the key, check the parent, pick an
//!   id, insert" stays one atomic step across instances (SQLite gets this from its single connection);
//! - ids come from the `comments` sequence, so two instances never hand out the same `p<n>`;
//! - the per-client limits are rows in `rate_hits`, counted under an advisory lock per client;
//! - a comment that becomes visible gets a publication number and a `NOTIFY` in the same transaction, so the other
//!   instances' event streams hear of it only once it is committed (`listen`); a listed comment that changes (an
//!   edit, a delete, an approved edit) gets a change number from the same sequence and a `NOTIFY` of kind `changed`.
//!
//! Split by concern like the SQLite store: `schema` (the migrations), `comments` (reading, seeding, editing,
//! deleting, moderating), `posting` (a post in one locked transaction, its announcement, the decoy's id), `limits`
//! (the shared rate limits and the sweep), `listen` (the other instances' announcements), `live` (a live article's
//! entries and body correction). Here: the pool, whose
//! connections are replaced when the database restarts, startup, and connections of their own for the commands.
//! Every failure is logged and answered as a 500 (or a 503 on `/readyz`).

mod comments;
mod limits;
pub mod listen;
mod live;
mod posting;
pub mod schema;

use std::fmt::Display;
use std::str::FromStr;
use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::Arc;
use std::time::Duration;

use deadpool_postgres::{Manager, ManagerConfig, Pool, RecyclingMethod, Runtime};
use tokio_postgres::NoTls;

use comments::COLUMNS;
pub use comments::{comment, comment_by_id, insert_seeds, list};
pub use limits::sweep;

use super::{DbError, NewRow};

/// The notification channel of published comments.
pub const CHANNEL: &str = "folio_events";

/// How long a request waits for a connection, or for a new one to open, before it fails.
const POOL_WAIT: Duration = Duration::from_secs(10);
const CONNECT_TIMEOUT: Duration = Duration::from_secs(5);

/// A pool of connections to one database, and this instance's name in its notifications; cheap to clone.
#[derive(Clone)]
pub struct Pg {
    pool: Pool,
    config: Arc<tokio_postgres::Config>,
    instance: Arc<str>,
    /// The highest publication number when this instance started (-1: not known yet); the listener relays what
    /// other instances publish after it, so nothing published between startup and its first `LISTEN` is missed.
    start_mark: Arc<AtomicI64>,
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
            start_mark: Arc::new(AtomicI64::new(-1)),
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

    /// Records the highest publication number at startup (from [`prepare`]).
    pub fn set_start_mark(&self, mark: i64) {
        self.start_mark.store(mark, Ordering::Relaxed);
    }

    /// The highest publication number at startup, once [`Pg::set_start_mark`] recorded it.
    pub fn start_mark(&self) -> Option<i64> {
        Some(self.start_mark.load(Ordering::Relaxed)).filter(|m| *m >= 0)
    }

    async fn client(&self) -> Result<deadpool_postgres::Object, DbError> {
        self.pool.get().await.map_err(fail)
    }

    /// See [`crate::db::Db::ping`].
    pub async fn ping(&self) -> bool {
        match self.pool.get().await {
            Ok(client) => client.simple_query("SELECT 1").await.is_ok(),
            Err(_) => false,
        }
    }
}

/// Startup work on a connection of its own, under the startup lock (several instances may start at once): bring
/// the schema up to date, store the seed comments not yet stored, and sweep. Returns how many seeds were new and
/// how many were skipped (a seed that cannot be stored is logged and skipped, as on SQLite), and the highest
/// publication number now (for [`Pg::set_start_mark`]).
pub async fn prepare(
    config: &tokio_postgres::Config,
    seeds: &[(String, Vec<NewRow>)],
    cutoffs: (i64, i64),
) -> Result<(usize, usize, i64), String> {
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
    let mark: i64 = client
        .query_one(listen::HIGHEST, &[])
        .await
        .and_then(|row| row.try_get(0))
        .map_err(|err| format!("cannot read the publication numbers: {err}"))?;
    // Closing the connection releases the session's lock.
    Ok((added, skipped, mark))
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
