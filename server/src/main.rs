//! `folio-server`: the reference server of Folio.
//!
//! It serves the Trunk build (`dist/`) as static files, imports the demo's seed comments into
//! SQLite, and answers the Folio comment API so the widget can post comments. Startup prints
//! exactly one line to stdout, `Folio is running at http://<addr>/`, which scripts and tests
//! parse; everything else (warnings, errors) goes to stderr.

use std::io::Write;
use std::process::ExitCode;

use folio_server::config::Config;
use folio_server::{app, commands, logging, serve};

fn main() -> ExitCode {
    let args: Vec<_> = std::env::args_os().collect();
    if commands::is_subcommand(&args) {
        logging::init(logging::LogFormat::Text);
        return match commands::run(args) {
            Ok(done) => {
                eprintln!("folio-server: {done}");
                ExitCode::SUCCESS
            }
            Err(message) => {
                eprintln!("folio-server: {message}");
                ExitCode::FAILURE
            }
        };
    }
    // `--help` and `--version` print and exit 0; a bad command line prints the error and the usage and exits 2.
    let config = Config::from_args(args).unwrap_or_else(|err| err.exit());
    match run(config) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("folio-server: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run(config: Config) -> Result<(), String> {
    logging::init(config.log_format);
    if config.moderator_token_on_command_line {
        tracing::warn!(
            "--moderator-token is visible to every user in ps; \
             prefer FOLIO_MODERATOR_TOKEN or --moderator-token-file"
        );
    }
    let app::App {
        router,
        stop,
        state,
    } = app::build(&config)?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|err| format!("cannot start the async runtime: {err}"))?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(config.addr)
            .await
            .map_err(|err| format!("cannot listen on {}: {err}", config.addr))?;
        let local = listener
            .local_addr()
            .map_err(|err| format!("cannot read the listening address: {err}"))?;
        if !local.ip().is_loopback() {
            tracing::warn!("listening on {local}, reachable from other machines");
        }
        let mut stdout = std::io::stdout().lock();
        // Scripts wait for this line; a failed write means nobody is listening, which is fine.
        let _ = writeln!(stdout, "Folio is running at http://{local}/");
        let _ = stdout.flush();
        drop(stdout);

        app::spawn_background(&state);
        let limits = serve::ServeLimits::from_config(&config);
        serve::serve(listener, router, limits, async move {
            shutdown_signal().await;
            let _ = stop.send(true);
        })
        .await;
        Ok(())
    })
}

/// Resolves on Ctrl-C or SIGTERM, so in-flight requests finish and SQLite closes cleanly.
async fn shutdown_signal() {
    let ctrl_c = async {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!(
        "shutting down: no new connections, open event streams are ended, requests finish"
    );
}
