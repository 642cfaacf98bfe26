//! The command line on the real binary, where the process environment is real: `FOLIO_DIST`, `FOLIO_DB` (or
//! `DATABASE_URL`) and `FOLIO_MODERATOR_TOKEN` stand in for their options, a flag beats its variable, an empty variable is unset, a bad
//! value stops the server with exit code 2, and `--help` describes every option.

#![allow(dead_code)] // spawn.rs also serves tests that start the server with --dist and --db.

mod common;

use std::process::Command;

use common::{request_with, Site};

include!("harness/spawn.rs");

const TOKEN: &str = "from-the-environment-1";

/// The server binary with a clean `FOLIO_*` environment.
fn folio_server() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_folio-server"));
    for var in [
        "FOLIO_DIST",
        "FOLIO_DB",
        "FOLIO_ADDR",
        "FOLIO_MODERATOR_TOKEN",
        "DATABASE_URL",
    ] {
        command.env_remove(var);
    }
    command
}

/// The status of the moderator's queue asked for with `token`.
fn queue_status(port: u16, token: &str) -> u16 {
    let auth = format!("Authorization: Bearer {token}\r\n");
    let (status, _) =
        request_with(port, "GET", "/api/moderation/held", &auth, None).expect("an answer");
    status
}

// `DATABASE_URL` names the database when neither `--db` nor `FOLIO_DB` does (a file path works too, as SQLite);
// `FOLIO_DB` beats it.
#[test]
fn database_url_stands_in_for_db() {
    let site = Site::new("cli-database-url");
    let mut command = folio_server();
    command
        .arg("--dist")
        .arg(site.root.join("dist"))
        .env("DATABASE_URL", site.root.join("url.db"));
    let (mut child, _) = spawn::spawn(command);
    let _ = child.kill();
    let _ = child.wait();
    assert!(
        site.root.join("url.db").is_file(),
        "DATABASE_URL named the database"
    );

    let mut command = folio_server();
    command
        .arg("--dist")
        .arg(site.root.join("dist"))
        .env("DATABASE_URL", site.root.join("ignored.db"))
        .env("FOLIO_DB", site.root.join("folio-db.db"));
    let (mut child, _) = spawn::spawn(command);
    let _ = child.kill();
    let _ = child.wait();
    assert!(site.root.join("folio-db.db").is_file());
    assert!(
        !site.root.join("ignored.db").exists(),
        "FOLIO_DB beats DATABASE_URL"
    );
}

#[test]
fn environment_stands_in_for_options() {
    let site = Site::new("cli-env");
    let mut command = folio_server();
    command
        .env("FOLIO_DIST", site.root.join("dist"))
        .env("FOLIO_DB", site.root.join("env.db"))
        .env("FOLIO_MODERATOR_TOKEN", TOKEN);
    let (mut child, port) = spawn::spawn(command);
    assert_eq!(
        queue_status(port, TOKEN),
        200,
        "the token from the environment"
    );
    assert_eq!(queue_status(port, "someone-elses-token-0"), 403);
    let _ = child.kill();
    let _ = child.wait();
    assert!(
        site.root.join("env.db").is_file(),
        "FOLIO_DB named the database"
    );

    // A flag beats its variable.
    let mut command = folio_server();
    command
        .env("FOLIO_DIST", site.root.join("nowhere"))
        .env("FOLIO_MODERATOR_TOKEN", TOKEN)
        .arg("--dist")
        .arg(site.root.join("dist"))
        .arg("--db")
        .arg(site.root.join("flag.db"))
        .args(["--moderator-token", "from-the-command-line"]);
    let (mut child, port) = spawn::spawn(command);
    assert_eq!(queue_status(port, "from-the-command-line"), 200);
    assert_eq!(queue_status(port, TOKEN), 403);
    let _ = child.kill();
    let _ = child.wait();
}

#[test]
fn empty_variables_are_unset_and_bad_values_stop_the_server() {
    let site = Site::new("cli-empty");
    let mut command = folio_server();
    command
        .env("FOLIO_MODERATOR_TOKEN", "")
        .env("FOLIO_ADDR", "")
        .arg("--dist")
        .arg(site.root.join("dist"))
        .arg("--db")
        .arg(site.root.join("folio.db"));
    let (mut child, port) = spawn::spawn(command);
    assert_eq!(queue_status(port, ""), 403, "moderation is off");
    let _ = child.kill();
    let _ = child.wait();

    let short = folio_server()
        .env("FOLIO_MODERATOR_TOKEN", "short")
        .arg("--dist")
        .arg(site.root.join("dist"))
        .arg("--db")
        .arg(site.root.join("folio.db"))
        .output()
        .expect("runs");
    assert_eq!(short.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&short.stderr).contains("at least 16"));
    let missing = folio_server().output().expect("runs");
    assert_eq!(missing.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("--dist"));
}

#[test]
fn help_and_version() {
    let help = folio_server().arg("--help").output().expect("runs");
    assert_eq!(help.status.code(), Some(0));
    let text = String::from_utf8_lossy(&help.stdout);
    // Every option's text is checked in the unit tests; here, that the binary prints it and where env stands in.
    for part in [
        "--moderator-token <TOKEN>",
        "[env: FOLIO_DIST=]",
        "[env: FOLIO_MODERATOR_TOKEN]",
    ] {
        assert!(text.contains(part), "{part} missing from:\n{text}");
    }
    let version = folio_server().arg("-V").output().expect("runs");
    assert_eq!(version.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&version.stdout).starts_with("folio-server "));
}
