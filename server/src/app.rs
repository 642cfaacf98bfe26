//! Assembling the server at startup: check the dist directory, open (or create) the database, import the seed
//! comments, and build the router on the shared state. Shared by `main` and the in-process tests.

use axum::Router;
use tokio::sync::watch;

use crate::config::Config;
use crate::db::Db;
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
        eprintln!(
            "folio-server: warning: {} has no index.html; is it a Trunk build?",
            config.dist.display()
        );
    }
    if let Some(parent) = config.db.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent)
            .map_err(|err| format!("cannot create {}: {err}", parent.display()))?;
    }
    let db = Db::open(&config.db)
        .map_err(|err| format!("cannot open the database {}: {err}", config.db.display()))?;
    let report = seed::import_all(&db, &config.dist);
    eprintln!(
        "folio-server: {} articles, {} new seed comments imported, {} skipped",
        report.articles, report.added, report.skipped
    );
    let (stop, stopped) = watch::channel(false);
    let state = AppState::new(config, db, stopped);
    housekeeping::sweep_blocking(&state)?;
    Ok(App {
        router: routes::router(state.clone(), &config.allow_origins),
        stop,
        state,
    })
}
