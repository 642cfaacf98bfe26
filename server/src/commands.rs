//! The operator's subcommands besides serving: `folio-server migrate` (bring a database's schema up to date and
//! exit, for deployments that migrate before starting new instances), and `export` / `import` (move every comment,
//! key and token digest from one database to another, e.g. from the SQLite file of a single server into the
//! PostgreSQL database of several; see [`crate::transfer`]). Each takes `--db` (or `FOLIO_DB`, or `DATABASE_URL`).

use std::ffi::OsString;
use std::path::PathBuf;

use clap::Parser;

use crate::config::DATABASE_URL;
use crate::db::{pg, Sqlite};
use crate::transfer;

/// The subcommands' names, as the first argument.
pub const NAMES: [&str; 3] = ["migrate", "export", "import"];

/// `folio-server migrate|export|import --db …`.
#[derive(Debug, Parser)]
#[command(name = "folio-server")]
struct Command {
    #[command(subcommand)]
    action: Action,
}

#[derive(Debug, clap::Subcommand)]
enum Action {
    /// Creates or upgrades the database's schema, then exits
    Migrate(Target),
    /// Writes every comment and idempotency key of the database as JSON, to stdout or --out
    Export {
        #[command(flatten)]
        target: Target,
        /// The file to write instead of stdout
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// Reads an export (stdin or --in) into the database, which must hold no comments yet
    Import {
        #[command(flatten)]
        target: Target,
        /// The file to read instead of stdin
        #[arg(long = "in", value_name = "FILE")]
        input: Option<PathBuf>,
    },
}

#[derive(Debug, clap::Args)]
struct Target {
    /// The database: a SQLite file or a postgres:// URL (default: FOLIO_DB, then DATABASE_URL)
    #[arg(long, value_name = "FILE|URL")]
    db: Option<String>,
}

impl Target {
    fn db(&self) -> Result<String, String> {
        let from_env = |var: &str| std::env::var(var).ok().filter(|v| !v.is_empty());
        self.db
            .clone()
            .or_else(|| from_env("FOLIO_DB"))
            .or_else(|| from_env(DATABASE_URL))
            .ok_or_else(|| "no database: give --db, FOLIO_DB or DATABASE_URL".to_owned())
    }
}

/// Whether `args` (the program name first) run a subcommand rather than the server.
pub fn is_subcommand(args: &[OsString]) -> bool {
    args.get(1)
        .and_then(|a| a.to_str())
        .is_some_and(|a| NAMES.contains(&a))
}

/// Runs the subcommand in `args`; `Ok` carries the line to print on stderr when done.
pub fn run(args: Vec<OsString>) -> Result<String, String> {
    let command = Command::try_parse_from(args).unwrap_or_else(|err| err.exit());
    match command.action {
        Action::Migrate(target) => migrate(&target.db()?),
        Action::Export { target, out } => {
            let dump = transfer::export(&target.db()?)?;
            let text = serde_json::to_string(&dump).map_err(|err| err.to_string())?;
            match out {
                Some(path) => std::fs::write(&path, text + "\n")
                    .map_err(|err| format!("cannot write {}: {err}", path.display()))?,
                None => println!("{text}"),
            }
            Ok(format!(
                "exported {} comments and {} idempotency keys",
                dump.comments.len(),
                dump.keys.len()
            ))
        }
        Action::Import { target, input } => {
            let text = match input {
                Some(path) => std::fs::read_to_string(&path)
                    .map_err(|err| format!("cannot read {}: {err}", path.display()))?,
                None => std::io::read_to_string(std::io::stdin())
                    .map_err(|err| format!("cannot read stdin: {err}"))?,
            };
            let dump =
                serde_json::from_str(&text).map_err(|err| format!("not an export: {err}"))?;
            let (comments, keys) = transfer::import(&target.db()?, &dump)?;
            Ok(format!(
                "imported {comments} comments, {keys} idempotency keys, {} live entries and {} corrected bodies",
                dump.entries.len(),
                dump.bodies.len()
            ))
        }
    }
}

/// `migrate`: SQLite migrates on open; PostgreSQL runs its numbered migrations under the startup lock.
fn migrate(db: &str) -> Result<String, String> {
    if pg::is_url(db) {
        let config = pg::parse_url(db)?;
        let applied = pg::block_on(|| async {
            let mut client = pg::connect(&config).await?;
            pg::schema::lock(&client).await?;
            pg::schema::migrate_to(&mut client, pg::schema::latest()).await
        })??;
        Ok(format!(
            "PostgreSQL schema at version {} (applied: {applied:?})",
            pg::schema::latest()
        ))
    } else {
        Sqlite::open(std::path::Path::new(db))
            .map_err(|err| format!("cannot open the database {db}: {err}"))?;
        Ok("SQLite schema up to date".to_owned())
    }
}
