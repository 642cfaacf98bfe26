//! docs/deploy.md's two-instance example, run as written: the `sh` block after `<!-- tested: two-instances -->` is
//! run by bash with only its database URL, dist path and ports replaced by the test's own (and `folio-server` found
//! on PATH); once both instances are ready, a comment posted through one is listed by the other. Needs PostgreSQL
//! (`FOLIO_TEST_DATABASE_URL`, set by scripts/postgres.sh); on SQLite it says so and returns.

mod common;

use std::io::{BufRead, BufReader};
use std::net::TcpListener;
use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::{Command, Stdio};

use common::{list_bodies, post, Site};

const MARKER: &str = "<!-- tested: two-instances -->";

/// The commands of the tested block.
fn tested_block() -> String {
    let doc =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("../docs/deploy.md"))
            .expect("docs/deploy.md");
    let after = doc.split_once(MARKER).expect("the marker").1;
    let body = after
        .split_once("```sh\n")
        .expect("an sh block after the marker")
        .1;
    body.split_once("```")
        .expect("the end of the block")
        .0
        .to_owned()
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

#[test]
fn the_two_instance_example_works_as_written() {
    let site = Site::new("deploy-doc");
    let Some(url) = site.store.url() else {
        eprintln!(
            "deploy_doc: skipped, needs FOLIO_TEST_DATABASE_URL (run through scripts/postgres.sh)"
        );
        return;
    };
    let block = tested_block();
    for needle in [
        "postgres://folio@127.0.0.1:5432/folio",
        "/srv/folio/dist",
        "8081",
        "8082",
    ] {
        assert!(block.contains(needle), "the example no longer has {needle}");
    }
    let (a, b) = (free_port(), free_port());
    let dist = site.root.join("dist");
    let script = block
        .replace("postgres://folio@127.0.0.1:5432/folio", &url)
        .replace("/srv/folio/dist", &dist.to_string_lossy())
        .replace("8081", &a.to_string())
        .replace("8082", &b.to_string());
    let bin = Path::new(env!("CARGO_BIN_EXE_folio-server"))
        .parent()
        .expect("the binary's directory");
    let path = format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let mut shell = Command::new("bash")
        .arg("-c")
        .arg(format!(
            "set -euo pipefail\n{script}\necho EXAMPLE-READY\nwait\n"
        ))
        .env("PATH", path)
        .env_remove("FOLIO_DB")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .process_group(0)
        .spawn()
        .expect("bash");
    let group = shell.id();
    let stop = move || {
        let _ = Command::new("kill")
            .args(["-KILL", "--", &format!("-{group}")])
            .status();
    };
    let mut lines = BufReader::new(shell.stdout.take().expect("stdout")).lines();
    let mut seen = Vec::new();
    let ready = loop {
        match lines.next() {
            Some(Ok(line)) if line == "EXAMPLE-READY" => break true,
            Some(Ok(line)) => seen.push(line),
            _ => break false,
        }
    };
    if !ready {
        stop();
        let _ = shell.wait();
        panic!("the example did not get both instances ready: {seen:?}");
    }
    let posted = post(a, "through the first instance");
    let listed = list_bodies(b);
    stop();
    let _ = shell.wait();
    assert!(posted.is_some(), "the first instance did not take the post");
    assert!(
        listed.iter().any(|s| s == "through the first instance"),
        "the second instance does not list it: {listed:?}"
    );
    assert_eq!(seen.iter().filter(|l| *l == "ready").count(), 2, "{seen:?}");
}
