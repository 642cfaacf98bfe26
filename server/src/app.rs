//! Assembling the server at startup: check the dist directory, open (or create) the database, import the seed
//! comments, and build the router on the shared state. Shared by `main` and the in-process tests.

use axum::Router;
use tokio::sync::watch;

use crate::config::Config;
use crate::db::{pg, Db, Sqlite};
use crate::housekeeping;
use crate::routes;
use crate::seed;
use crate::state::AppState;

/// A built server, not yet listening.
pub struct App {
    /// Every route, with its state.
    pub router: Router,
    /// Send `true` to end the open event streams, so a graceful shutdown does not wait for them.
    pub stop: watch::Sender<bool>,
    /// The shared state, for the work done on a clock ([`housekeeping::run`]).
    pub state: AppState,
}

/// Builds the application for `config`. Seeding happens here, before any port opens, so the first request already
/// sees the seeds. Errors are sentences for the operator.
pub fn build(config: &Config) -> Result<App, String> {
    if !config.dist.is_dir() {
        return Err(format!(
            "--dist {} is not a directory",
            config.dist.display()
        ));
    }
    if !config.dist.join("index.html").is_file() {
        tracing::warn!(
            "{} has no index.html; is it a Trunk build?",
            config.dist.display()
        );
    }
    let (stop, stopped) = watch::channel(false);
    let db = open(config)?;
    let state = AppState::new(config, db, stopped)?;
    let cutoffs = housekeeping::cutoffs(&state);
    let report = match &state.db {
        Db::Sqlite(sqlite) => {
            let report = seed::import_all(sqlite, &config.dist);
            housekeeping::sweep_blocking(sqlite, cutoffs)?;
            report
        }
        Db::Postgres(pg) => {
            let (seeds, mut report) = seed::read_all(&config.dist);
            let (added, skipped, mark) =
                pg::block_on(|| pg::prepare(pg.config(), &seeds, cutoffs))??;
            pg.set_start_mark(mark);
            report.added += added;
            report.skipped += skipped;
            report
        }
    };
    tracing::info!(
        "{} articles, {} new seed comments imported, {} skipped",
        report.articles,
        report.added,
        report.skipped
    );
    Ok(App {
        router: routes::router(state.clone(), &config.allow_origins),
        stop,
        state,
    })
}

/// Starts the work that runs beside the requests on the serving runtime: the sweep on a clock and, on PostgreSQL,
/// the listener that relays comments published (or changed) by other instances to this one's event streams.
pub fn spawn_background(state: &AppState) {
    tokio::spawn(housekeeping::run(state.clone()));
    if let Db::Postgres(pg) = &state.db {
        let events = state.events.clone();
        tokio::spawn(pg::listen::run(pg.clone(), move |relayed| match relayed {
            pg::listen::Relayed::Comment(article, kind, comment) => {
                events.send(&article, kind, &comment)
            }
            pg::listen::Relayed::Article(article, event) => events.article(&article, event),
        }));
    }
}

/// Opens the store `--db` names: a PostgreSQL URL (its pool; connections open on first use) or a SQLite file
/// (created with its directory when missing).
pub fn open(config: &Config) -> Result<Db, String> {
    if let Some(url) = config.database_url() {
        return pg::Pg::new(url).map(Db::Postgres);
    }
    if let Some(parent) = config.db.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent)
            .map_err(|err| format!("cannot create {}: {err}", parent.display()))?;
    }
    Sqlite::open(&config.db)
        .map(Db::Sqlite)
        .map_err(|err| format!("cannot open the database {}: {err}", config.db.display()))
}
