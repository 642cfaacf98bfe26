//! The server's log: `tracing` events on stderr, as readable lines (`--log-format text`, the default) or one JSON
//! object per line (`--log-format json`, for log collectors), filtered by `RUST_LOG` (default `info`). Stdout stays
//! reserved for the one startup line scripts parse.

use tracing_subscriber::EnvFilter;

/// How log lines are written.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum LogFormat {
    /// `LEVEL message`, one per line.
    #[default]
    Text,
    /// One JSON object per line: `timestamp`, `level`, `fields.message`, `target`.
    Json,
}

/// Installs the global subscriber; a second call (tests, subcommands) keeps the first.
pub fn init(format: LogFormat) {
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info"));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    let _ = match format {
        LogFormat::Text => builder.with_target(false).without_time().try_init(),
        LogFormat::Json => builder.json().try_init(),
    };
}
