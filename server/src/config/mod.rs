//! The command line and its environment fallbacks, parsed by `clap` (derive), every option described in
//! `folio-server --help`; the limits against abuse are in `limits`, server rendering from other sources in
//! `render`. `FOLIO_DIST`, `FOLIO_DB`, `FOLIO_ADDR`, `FOLIO_MODERATOR_TOKEN`, `FOLIO_RENDER_ORIGIN` and
//! `FOLIO_RENDER_ALLOW_PRIVATE` (comma-separated lists) stand in for `--dist`, `--db`, `--addr`,
//! `--moderator-token`, `--render-origin` and `--render-allow-private` when those are not given, and
//! `DATABASE_URL` for `--db` when `FOLIO_DB` is not set either; an empty variable counts as unset. The moderator
//! token comes from the flag, else `--moderator-token-file`, else the variable. Values are checked here, once, so
//! the server never starts half-configured. `FOLIO_EDITOR_TOKEN` stands in for `--editor-token` (live articles).

// The options' doc comments are `folio-server --help`'s text, written for a terminal (`<TOKEN>`, bare URLs), not
// Markdown.
#![allow(rustdoc::invalid_html_tags, rustdoc::bare_urls)]

use std::ffi::OsString;
use std::net::SocketAddr;
use std::path::PathBuf;

use crate::logging::LogFormat;
use clap::parser::ValueSource;
use clap::{CommandFactory, FromArgMatches, Parser};

mod limits;
mod render;
mod secret;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_limits;
#[cfg(test)]
mod tests_render;
mod values;

pub use limits::*;
pub use render::*;
use values::{check_moderator_token, parse_csp, parse_origin};

/// The default address: loopback only, so a developer's server is not exposed by accident.
pub const DEFAULT_ADDR: &str = "127.0.0.1:8080";
/// The default of `--rate-limit`: a person does not write ten comments a minute, a script does.
pub const DEFAULT_RATE_LIMIT: u32 = 10;
/// The default of `--edit-window`: fifteen minutes to fix a typo or take a comment back.
pub const DEFAULT_EDIT_WINDOW_SECS: u64 = 900;

/// A complete configuration.
#[derive(Debug, Clone, PartialEq, Eq, Parser)]
#[command(
    name = "folio-server",
    version,
    about = "Serves Folio's Trunk build and a comment API backed by SQLite or PostgreSQL.",
    // A flag given twice keeps its last value, as scripts that append to a base command line expect.
    args_override_self = true
)]
pub struct Config {
    /// The Trunk build to serve
    #[arg(long, env = "FOLIO_DIST", value_name = "DIR")]
    pub dist: PathBuf,
    /// The database: a SQLite file, created if missing, or a postgres:// URL (also from DATABASE_URL)
    #[arg(long, env = "FOLIO_DB", value_name = "FILE|URL")]
    pub db: PathBuf,
    /// Where to listen; port 0 picks a free one
    #[arg(long, env = "FOLIO_ADDR", value_name = "IP:PORT", default_value = DEFAULT_ADDR)]
    pub addr: SocketAddr,
    /// Let this origin (e.g. https://news.example) use the API from a browser; repeatable; * allows any origin
    #[arg(long = "allow-origin", value_name = "ORIGIN", value_parser = parse_origin)]
    pub allow_origins: Vec<String>,
    /// Hold new comments for review: they are stored but not listed, and the poster is told (202, status pending)
    #[arg(long)]
    pub moderate: bool,
    /// New comments accepted per address per minute; 0: no limit
    #[arg(long, value_name = "N", default_value_t = DEFAULT_RATE_LIMIT)]
    pub rate_limit: u32,
    /// How long a poster may edit or delete their comment with the token they were given
    #[arg(long = "edit-window", value_name = "SECONDS", default_value_t = DEFAULT_EDIT_WINDOW_SECS)]
    pub edit_window_secs: u64,
    /// Comments per page of a list a client asks for without ?per_page=; 0: the whole list
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub page_size: usize,
    /// Send Content-Security-Policy: <POLICY> with HTML pages whose path starts with the prefix (test and demo host
    /// pages of the embed, see docs/embed.md); repeatable, the first matching prefix wins
    #[arg(long, value_name = "PATH-PREFIX=POLICY", value_parser = parse_csp)]
    pub csp: Vec<(String, String)>,
    /// Leave the Server-Sent Events link out of comment lists: clients poll the list with If-None-Match instead
    #[arg(long)]
    pub no_events: bool,
    /// Enable the moderator endpoints (/api/moderation/...), which take Authorization: Bearer <TOKEN>; at least 16
    /// visible ASCII characters
    #[arg(
        long,
        env = "FOLIO_MODERATOR_TOKEN",
        value_name = "TOKEN",
        value_parser = check_moderator_token,
        allow_hyphen_values = true,
        // The token is a secret: --help must not print it.
        hide_env_values = true
    )]
    pub moderator_token: Option<String>,
    /// Read the moderator token from the first line of this file (not shown in ps, unlike --moderator-token)
    #[arg(long, value_name = "FILE")]
    pub moderator_token_file: Option<PathBuf>,
    /// Enable the editors' endpoints of live articles (POST /api/articles/ID/entries, PATCH …/entries/EID, PUT
    /// …/body), which take Authorization: Bearer <TOKEN>; at least 16 visible ASCII characters
    #[arg(
        long,
        env = "FOLIO_EDITOR_TOKEN",
        value_name = "TOKEN",
        value_parser = check_moderator_token,
        allow_hyphen_values = true,
        hide_env_values = true
    )]
    pub editor_token: Option<String>,
    /// The token was given as --moderator-token on the command line, where `ps` shows it (`main` warns).
    #[arg(skip)]
    pub moderator_token_on_command_line: bool,
    /// How log lines on stderr are written: text, or one JSON object per line
    #[arg(long, value_name = "FORMAT", value_enum, default_value_t = LogFormat::Text)]
    pub log_format: LogFormat,
    /// The limits against abuse.
    #[command(flatten)]
    pub limits: Limits,
    /// Server rendering of other sources.
    #[command(flatten)]
    pub render: Render,
}

/// The variable that names a PostgreSQL database when neither `--db` nor `FOLIO_DB` is given.
pub const DATABASE_URL: &str = "DATABASE_URL";

/// The environment variables that stand in for options.
const ENV_FALLBACKS: [(&str, &str); 7] = [
    ("dist", "FOLIO_DIST"),
    ("db", "FOLIO_DB"),
    ("addr", "FOLIO_ADDR"),
    ("moderator_token", "FOLIO_MODERATOR_TOKEN"),
    ("origins", "FOLIO_RENDER_ORIGIN"),
    ("allow_private", "FOLIO_RENDER_ALLOW_PRIVATE"),
    ("editor_token", "FOLIO_EDITOR_TOKEN"),
];

impl Config {
    /// The PostgreSQL URL when `--db` is one (`postgres://…` or `postgresql://…`); `None`: a SQLite file.
    pub fn database_url(&self) -> Option<&str> {
        self.db.to_str().filter(|db| crate::db::pg::is_url(db))
    }

    /// Parses a command line (the program name first) with the process environment as fallback. `Err` carries what
    /// to print and the exit code (`--help` and `--version` are "errors" that exit 0), see [`clap::Error::exit`].
    pub fn from_args<I, T>(args: I) -> Result<Config, clap::Error>
    where
        I: IntoIterator<Item = T>,
        T: Into<OsString> + Clone,
    {
        // An empty variable is unset, as in shells where `FOLIO_DB= folio-server …` means "no value".
        Config::parse_with(args, |var| {
            std::env::var_os(var).is_some_and(|v| v.is_empty())
        })
    }

    /// [`Config::from_args`] where the variables for which `ignored` is true do not stand in for options; the tests
    /// ignore them all, so a developer's own `FOLIO_DB` cannot change their outcome.
    fn parse_with<I, T>(args: I, ignored: impl Fn(&str) -> bool) -> Result<Config, clap::Error>
    where
        I: IntoIterator<Item = T>,
        T: Into<OsString> + Clone,
    {
        let mut command = Config::command();
        for (id, var) in ENV_FALLBACKS {
            if ignored(var) {
                command = command.mut_arg(id, |arg| arg.env(None::<&'static str>));
            }
        }
        // `DATABASE_URL`, the variable every PostgreSQL host sets, stands in for `--db` when `FOLIO_DB` does not.
        let folio_db_given = std::env::var_os("FOLIO_DB").is_some() && !ignored("FOLIO_DB");
        if !folio_db_given && !ignored(DATABASE_URL) {
            command = command.mut_arg("db", |arg| arg.env(DATABASE_URL));
        }
        let matches = command.try_get_matches_from(args)?;
        let mut config = Config::from_arg_matches(&matches)?;
        config.moderator_token_on_command_line =
            matches.value_source("moderator_token") == Some(ValueSource::CommandLine);
        // The flag wins, then the file, then the variable.
        if let (false, Some(file)) = (
            config.moderator_token_on_command_line,
            &config.moderator_token_file,
        ) {
            config.moderator_token = Some(secret::read_token_file(file).map_err(|message| {
                Config::command().error(clap::error::ErrorKind::ValueValidation, message)
            })?);
        }
        Ok(config)
    }
}
