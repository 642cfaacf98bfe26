//! Command line and environment.
//!
//! `folio-server --dist <dir> --db <file> [--addr 127.0.0.1:8080] [--allow-origin <origin>]...`,
//! with `FOLIO_DIST`, `FOLIO_DB` and `FOLIO_ADDR` as defaults for the first three. Parsed by hand:
//! four options do not justify an argument-parser dependency.

use std::net::SocketAddr;
use std::path::PathBuf;

/// The default address: loopback only, so a developer's server is not exposed by accident.
pub const DEFAULT_ADDR: &str = "127.0.0.1:8080";

/// The usage text for `--help` and errors.
pub const USAGE: &str = "\
Usage: folio-server --dist <dir> --db <file> [--addr <ip:port>] [--allow-origin <origin>]...
                    [--moderate] [--rate-limit <n>] [--edit-window <seconds>]

Serves Folio's Trunk build and a comment API backed by SQLite.

Options:
  --dist <dir>             the Trunk build to serve (env FOLIO_DIST)
  --db <file>              the SQLite database, created if missing (env FOLIO_DB)
  --addr <ip:port>         where to listen (env FOLIO_ADDR; default 127.0.0.1:8080; port 0 picks one)
  --allow-origin <origin>  let this origin (e.g. https://news.example) use the API from a browser;
                           repeatable; * allows any origin
  --moderate               hold new comments for review: they are stored but not listed, and the
                           poster is told (202, status pending)
  --rate-limit <n>         new comments accepted per address per minute (default 10; 0: no limit)
  --edit-window <seconds>  how long a poster may edit or delete their comment with the token they
                           were given (default 900)
  -h, --help               show this text
  -V, --version            show the version
";

/// A complete configuration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    /// The dist directory.
    pub dist: PathBuf,
    /// The database file.
    pub db: PathBuf,
    /// The listening address.
    pub addr: SocketAddr,
    /// Origins that get CORS headers.
    pub allow_origins: Vec<String>,
    /// Hold new comments for review instead of listing them.
    pub moderate: bool,
    /// New comments accepted per address per minute; 0 switches the limit off.
    pub rate_limit: u32,
    /// Seconds during which a comment can be edited or deleted with its token.
    pub edit_window_secs: u64,
}

/// The default of `--rate-limit`: a person does not write ten comments a minute, a script does.
pub const DEFAULT_RATE_LIMIT: u32 = 10;
/// The default of `--edit-window`: fifteen minutes to fix a typo or take a comment back.
pub const DEFAULT_EDIT_WINDOW_SECS: u64 = 900;

/// What the command line asks for.
#[derive(Debug, PartialEq, Eq)]
pub enum Command {
    /// Run the server.
    Run(Config),
    /// Print [`USAGE`].
    Help,
    /// Print the version.
    Version,
}

/// Parses the arguments (without the program name); `env` looks up environment variables.
pub fn parse(
    args: impl IntoIterator<Item = String>,
    env: impl Fn(&str) -> Option<String>,
) -> Result<Command, String> {
    let mut dist = env("FOLIO_DIST").filter(|v| !v.is_empty());
    let mut db = env("FOLIO_DB").filter(|v| !v.is_empty());
    let mut addr = env("FOLIO_ADDR").filter(|v| !v.is_empty());
    let mut allow_origins = Vec::new();
    let mut moderate = false;
    let mut rate_limit = DEFAULT_RATE_LIMIT;
    let mut edit_window_secs = DEFAULT_EDIT_WINDOW_SECS;

    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        // Both `--flag value` and `--flag=value`.
        let (flag, inline) = match arg.split_once('=') {
            Some((flag, value)) if flag.starts_with("--") => {
                (flag.to_owned(), Some(value.to_owned()))
            }
            _ => (arg.clone(), None),
        };
        let mut value = |name: &str| {
            inline
                .clone()
                .or_else(|| args.next())
                .ok_or_else(|| format!("{name} needs a value"))
        };
        match flag.as_str() {
            "-h" | "--help" => return Ok(Command::Help),
            "-V" | "--version" => return Ok(Command::Version),
            "--dist" => dist = Some(value("--dist")?),
            "--db" => db = Some(value("--db")?),
            "--addr" => addr = Some(value("--addr")?),
            "--allow-origin" => allow_origins.push(parse_origin(&value("--allow-origin")?)?),
            "--moderate" => moderate = true,
            "--rate-limit" => {
                let v = value("--rate-limit")?;
                rate_limit = v
                    .parse()
                    .map_err(|_| format!("--rate-limit {v:?} is not a whole number"))?;
            }
            "--edit-window" => {
                let v = value("--edit-window")?;
                edit_window_secs = v
                    .parse()
                    .map_err(|_| format!("--edit-window {v:?} is not a number of seconds"))?;
            }
            other => return Err(format!("unknown argument {other:?}")),
        }
    }

    let dist = PathBuf::from(dist.ok_or("--dist (or FOLIO_DIST) is required")?);
    let db = PathBuf::from(db.ok_or("--db (or FOLIO_DB) is required")?);
    let addr_text = addr.unwrap_or_else(|| DEFAULT_ADDR.to_owned());
    let addr = addr_text.parse::<SocketAddr>().map_err(|_| {
        format!("--addr {addr_text:?} is not an ip:port address such as 127.0.0.1:8080")
    })?;
    Ok(Command::Run(Config {
        dist,
        db,
        addr,
        allow_origins,
        moderate,
        rate_limit,
        edit_window_secs,
    }))
}

/// An origin is `scheme://host[:port]` with nothing after it; browsers send exactly that, so
/// anything else could never match and is better reported now.
fn parse_origin(value: &str) -> Result<String, String> {
    if value == "*" {
        return Ok(value.to_owned());
    }
    let trimmed = value.strip_suffix('/').unwrap_or(value);
    let rest = trimmed
        .strip_prefix("https://")
        .or_else(|| trimmed.strip_prefix("http://"));
    match rest {
        Some(host)
            if !host.is_empty()
                && !host.contains(['/', '?', '#', '@'])
                && host.bytes().all(|b| b.is_ascii_graphic()) =>
        {
            Ok(trimmed.to_owned())
        }
        _ => Err(format!(
            "--allow-origin {value:?} is not an origin such as https://news.example"
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn flags_override_environment() {
        let env = |name: &str| match name {
            "FOLIO_DIST" => Some("/env/dist".to_owned()),
            "FOLIO_DB" => Some("/env/db".to_owned()),
            _ => None,
        };
        let parsed = parse(
            args(&[
                "--dist=/d",
                "--allow-origin",
                "https://a.example/",
                "--addr",
                "127.0.0.1:0",
            ]),
            env,
        );
        let Ok(Command::Run(config)) = parsed else {
            panic!("expected a config, got {parsed:?}");
        };
        assert_eq!(config.dist, PathBuf::from("/d"));
        assert_eq!(config.db, PathBuf::from("/env/db"));
        assert_eq!(config.addr.port(), 0);
        assert_eq!(config.allow_origins, ["https://a.example"]);
    }

    #[test]
    fn defaults_and_errors() {
        let parsed = parse(args(&["--dist", "d", "--db", "f"]), |_| None);
        let Ok(Command::Run(config)) = parsed else {
            panic!("expected a config, got {parsed:?}");
        };
        assert_eq!(config.addr.to_string(), DEFAULT_ADDR);
        assert!(parse(args(&["--db", "f"]), |_| None).is_err());
        assert!(parse(
            args(&["--dist", "d", "--db", "f", "--addr", "nope"]),
            |_| None
        )
        .is_err());
        assert!(parse(args(&["--dist", "d", "--db"]), |_| None).is_err());
        assert!(parse(args(&["--bogus"]), |_| None).is_err());
        assert!(
            parse(args(&["--allow-origin", "https://a.example/path"]), |_| {
                None
            })
            .is_err()
        );
        assert_eq!(parse(args(&["--help"]), |_| None), Ok(Command::Help));
        assert_eq!(config.rate_limit, DEFAULT_RATE_LIMIT);
        assert!(!config.moderate);
        assert!(parse(
            args(&["--dist", "d", "--db", "f", "--rate-limit", "x"]),
            |_| None
        )
        .is_err());
        let Ok(Command::Run(c)) = parse(
            args(&[
                "--dist",
                "d",
                "--db",
                "f",
                "--moderate",
                "--rate-limit=0",
                "--edit-window",
                "5",
            ]),
            |_| None,
        ) else {
            panic!("expected a config");
        };
        assert!(c.moderate);
        assert_eq!((c.rate_limit, c.edit_window_secs), (0, 5));
    }
}
