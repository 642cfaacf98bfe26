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
                    [--moderate] [--rate-limit <n>] [--edit-window <seconds>] [--page-size <n>]
                    [--csp <path-prefix>=<policy>]... [--no-events] [--moderator-token <token>]

Serves Folio's Trunk build and a comment API backed by SQLite.

Options:
  --dist <dir>             the Trunk build to serve (env FOLIO_DIST)
  --db <file>              the SQLite database, created if missing (env FOLIO_DB)
  --addr <ip:port>         where to listen (env FOLIO_ADDR; default 127.0.0.1:8080; port 0 picks one)
  --allow-origin <origin>  let this origin (e.g. https://news.example) use the API from a browser;
                           repeatable; * allows any origin
  --moderate               hold new comments for review: they are stored but not listed, and the
                           poster is told (202, status pending)
  --moderator-token <token>
                           enable the moderator endpoints (/api/moderation/...), which take
                           Authorization: Bearer <token>; at least 16 characters
                           (env FOLIO_MODERATOR_TOKEN)
  --no-events              leave the Server-Sent Events link out of comment lists: clients poll the
                           list with If-None-Match instead
  --rate-limit <n>         new comments accepted per address per minute (default 10; 0: no limit)
  --edit-window <seconds>  how long a poster may edit or delete their comment with the token they
                           were given (default 900)
  --page-size <n>          comments per page of a list a client asks for without ?per_page=
                           (default 0: the whole list)
  --csp <path-prefix>=<policy>
                           send Content-Security-Policy: <policy> with HTML pages whose path
                           starts with the prefix (test and demo host pages of the embed, see
                           docs/embed.md); repeatable, the first matching prefix wins
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
    /// Comments per page of a list asked for without `per_page`; 0: the whole list.
    pub page_size: usize,
    /// `--csp` rules: (path prefix, Content-Security-Policy) for HTML pages.
    pub csp: Vec<(String, String)>,
    /// `--no-events`: lists carry no `events` link.
    pub no_events: bool,
    /// `--moderator-token`: the bearer token of the moderator endpoints; `None`: they are off.
    pub moderator_token: Option<String>,
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
    let mut page_size = 0;
    let mut csp = Vec::new();
    let mut no_events = false;
    let mut moderator_token = env("FOLIO_MODERATOR_TOKEN").filter(|v| !v.is_empty());

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
            "--no-events" => no_events = true,
            "--moderator-token" => moderator_token = Some(value("--moderator-token")?),
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
            "--csp" => csp.push(parse_csp(&value("--csp")?)?),
            "--page-size" => {
                let v = value("--page-size")?;
                page_size = v
                    .parse()
                    .map_err(|_| format!("--page-size {v:?} is not a whole number"))?;
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
        page_size,
        csp,
        no_events,
        moderator_token: check_moderator_token(moderator_token)?,
    }))
}

/// A moderator token must be long enough not to be guessed, and sendable in a header (visible ASCII).
fn check_moderator_token(token: Option<String>) -> Result<Option<String>, String> {
    match token {
        Some(t)
            if t.chars().count() < crate::token::MIN_MODERATOR_TOKEN_CHARS
                || !t.bytes().all(|b| b.is_ascii_graphic()) =>
        {
            Err(format!(
                "the moderator token must be at least {} visible ASCII characters without spaces",
                crate::token::MIN_MODERATOR_TOKEN_CHARS
            ))
        }
        other => Ok(other),
    }
}

/// `<path-prefix>=<policy>`: the prefix is a URL path, the policy one header value (visible ASCII and spaces).
fn parse_csp(value: &str) -> Result<(String, String), String> {
    match value.split_once('=') {
        Some((prefix, policy))
            if prefix.starts_with('/')
                && !policy.trim().is_empty()
                && policy.bytes().all(|b| b == b' ' || b.is_ascii_graphic()) =>
        {
            Ok((prefix.to_owned(), policy.trim().to_owned()))
        }
        _ => Err(format!(
            "--csp {value:?} is not <path-prefix>=<policy> such as \"/hosts/=default-src 'self'\""
        )),
    }
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
        assert_eq!(config.page_size, 0);
        let paged = parse(args(&["--dist", "d", "--db", "f", "--page-size=5"]), |_| {
            None
        });
        assert!(matches!(
            paged,
            Ok(Command::Run(Config { page_size: 5, .. }))
        ));
        assert!(parse(
            args(&["--dist", "d", "--db", "f", "--page-size", "x"]),
            |_| None
        )
        .is_err());
        assert!(c.csp.is_empty());
    }

    // `--csp` takes a path prefix and a policy, which may itself hold `=` (hashes); anything else is refused.
    #[test]
    fn csp_rules() {
        let Ok(Command::Run(c)) = parse(
            args(&[
                "--dist",
                "d",
                "--db",
                "f",
                "--csp",
                "/t/=script-src 'sha256-AB=='",
            ]),
            |_| None,
        ) else {
            panic!("expected a config");
        };
        assert_eq!(
            c.csp,
            [("/t/".to_owned(), "script-src 'sha256-AB=='".to_owned())]
        );
        for bad in ["t/=default-src 'none'", "/t/=", "/t/", "/t/=a\nb"] {
            assert!(
                parse(args(&["--dist", "d", "--db", "f", "--csp", bad]), |_| None).is_err(),
                "{bad:?}"
            );
        }
    }

    // `--no-events` and the moderator token (flag over environment); a short token is refused, not accepted weakly.
    #[test]
    fn live_and_moderation_flags() {
        let base = ["--dist", "d", "--db", "f"];
        let env = |name: &str| {
            (name == "FOLIO_MODERATOR_TOKEN").then(|| "from-the-environment-1".to_owned())
        };
        let Ok(Command::Run(c)) = parse(args(&base), env) else {
            panic!("expected a config");
        };
        assert!(!c.no_events);
        assert_eq!(c.moderator_token.as_deref(), Some("from-the-environment-1"));
        let flags = [
            &base[..],
            &["--no-events", "--moderator-token", "0123456789abcdef"],
        ]
        .concat();
        let Ok(Command::Run(c)) = parse(args(&flags), env) else {
            panic!("expected a config");
        };
        assert!(c.no_events);
        assert_eq!(c.moderator_token.as_deref(), Some("0123456789abcdef"));
        let Ok(Command::Run(c)) = parse(args(&base), |_| None) else {
            panic!("expected a config");
        };
        assert_eq!(c.moderator_token, None, "off unless configured");
        let short = [&base[..], &["--moderator-token", "secret"]].concat();
        assert!(parse(args(&short), |_| None).is_err());
    }
}
