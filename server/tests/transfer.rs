//! Issue 16, operations: `folio-server migrate` from an empty database and from the previous schema version, and
//! moving the demo's store from SQLite into the test backend (PostgreSQL under scripts/postgres.sh, another SQLite
//! file otherwise) with `export` / `import`: the same lists, the same live article (its editors' entries and its
//! corrected body), ids that go on from the old ones, keys that still answer, and no import into a store that
//! already holds comments.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::{request, request_with};
use folio_server::db::pg;
use serde_json::{json, Value};

const DEMO_ARTICLES: [&str; 2] = ["cuba-china-military-cooperation", "night-trains-return"];
/// The demo's live article, and the editors' token the servers here accept.
const LIVE: &str = "harbour-storm-live";
const EDITOR: &str = "editor-secret-0123456";

/// The live article's document as served.
fn live_document(port: u16) -> Value {
    let (status, doc) = request(port, "GET", &format!("/demo/articles/{LIVE}.json"), None)
        .expect("the live article");
    assert_eq!(status, 200, "{doc}");
    doc
}

/// As the editor: `method` on `path` with `body`.
fn as_editor(port: u16, method: &str, path: &str, body: &Value) -> u16 {
    request_with(
        port,
        method,
        path,
        &format!("Authorization: Bearer {EDITOR}\r\n"),
        Some(body),
    )
    .expect("an answer")
    .0
}

/// A dist whose `demo/` is the repository's demo data; removed on drop.
struct DemoSite {
    site: common::Site,
}

impl DemoSite {
    fn new(name: &str) -> DemoSite {
        let site = common::Site::new(name);
        let demo = Path::new(env!("CARGO_MANIFEST_DIR")).join("../demo");
        copy_dir(&demo, &site.root.join("dist/demo"));
        DemoSite { site }
    }

    fn sqlite(&self) -> PathBuf {
        self.site.root.join("source.db")
    }
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for entry in std::fs::read_dir(from).expect("the demo directory") {
        let entry = entry.expect("an entry");
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("copy");
        }
    }
}

/// Runs `folio-server <args>`; its exit status and stderr.
fn folio(args: &[&std::ffi::OsStr]) -> (bool, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_folio-server"))
        .args(args)
        .env_remove("FOLIO_DB")
        .env_remove("DATABASE_URL")
        .output()
        .expect("run folio-server");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// A server on `db` over the demo dist.
fn serve(site: &DemoSite, db: &std::ffi::OsStr) -> (std::process::Child, u16) {
    let dist = site.site.root.join("dist");
    spawn::spawn_server(
        &dist,
        db,
        &["--rate-limit", "0", "--moderate", "--editor-token", EDITOR],
    )
}

include!("harness/spawn.rs");

/// Every demo article's list, as served.
fn lists(port: u16) -> Vec<Value> {
    DEMO_ARTICLES
        .iter()
        .map(|a| {
            let (status, v) =
                request(port, "GET", &format!("/api/articles/{a}/comments"), None).expect("a list");
            assert_eq!(status, 200, "{v}");
            v["comments"].clone()
        })
        .collect()
}

fn post_to(port: u16, article: &str, body: &str, key: &str) -> (u16, Value) {
    let comment = json!({"author": {"name": "Mover"}, "body": body, "format": "text"});
    request_with(
        port,
        "POST",
        &format!("/api/articles/{article}/comments"),
        &format!("Idempotency-Key: {key}\r\n"),
        Some(&comment),
    )
    .expect("an answer")
}

// The demo's store, with a held comment and an idempotency key, moves from SQLite into the test backend: every list
// is the same, the next post gets a number never handed out, the key still answers a retry, and a second import is refused.
#[test]
fn export_and_import_move_the_demo_store() {
    let site = DemoSite::new("transfer");
    let source = site.sqlite();
    let (mut server, port) = serve(&site, source.as_os_str());
    let (status, held) = post_to(port, DEMO_ARTICLES[1], "Waiting for review.", "key-1");
    assert_eq!(status, 202, "{held}");
    // The live article: an entry an editor published, and its body corrected.
    let entry = json!({"author": "Desk", "title": "Moved over", "body": "<p>Published before the move</p>"});
    assert_eq!(
        as_editor(
            port,
            "POST",
            &format!("/api/articles/{LIVE}/entries"),
            &entry
        ),
        201
    );
    let body = json!({"body": "<p>Corrected before the move</p>"});
    assert_eq!(
        as_editor(port, "PUT", &format!("/api/articles/{LIVE}/body"), &body),
        200
    );
    let live_before = live_document(port);
    assert!(live_before
        .to_string()
        .contains("Published before the move"));
    let before = lists(port);
    let _ = server.kill();
    let _ = server.wait();
    assert!(
        before
            .iter()
            .map(|l| l.as_array().map_or(0, Vec::len))
            .sum::<usize>()
            > 5,
        "the demo data was not seeded: {before:?}"
    );

    let dump = site.site.root.join("dump.json");
    let (ok, err) = folio(&[
        "export".as_ref(),
        "--db".as_ref(),
        source.as_os_str(),
        "--out".as_ref(),
        dump.as_os_str(),
    ]);
    assert!(ok, "{err}");
    let target = site.site.store.arg();
    let (ok, err) = folio(&[
        "import".as_ref(),
        "--db".as_ref(),
        &target,
        "--in".as_ref(),
        dump.as_os_str(),
    ]);
    assert!(ok, "{err}");
    assert!(err.contains("imported"), "{err}");

    let (mut new, new_port) = serve(&site, &target);
    assert_eq!(lists(new_port), before);
    assert_eq!(
        live_document(new_port),
        live_before,
        "the live article, its entries and its correction, as before"
    );
    // The key answers the same retry with the same held comment on the new store.
    let (status, again) = post_to(new_port, DEMO_ARTICLES[1], "Waiting for review.", "key-1");
    assert_eq!((status, &again["id"]), (202, &held["id"]), "{again}");
    // The new store continues the numbering: its next id was never handed out by the old one. (Each SQLite start
    // spends a number per seed already stored, so "the same next id on both" holds only on PostgreSQL.)
    let last_seq =
        serde_json::from_str::<Value>(&std::fs::read_to_string(&dump).expect("the dump"))
            .expect("json")["last_seq"]
            .as_i64()
            .expect("last_seq");
    let (_, b) = post_to(new_port, DEMO_ARTICLES[0], "Next.", "key-2");
    let number: i64 = b["id"]
        .as_str()
        .and_then(|id| id.strip_prefix('p'))
        .and_then(|n| n.parse().ok())
        .expect("a p<n> id");
    assert!(number > last_seq, "{b} reuses a number up to {last_seq}");
    if site.site.store.url().is_some() {
        assert_eq!(number, last_seq + 1, "{b}");
    }
    let _ = new.kill();
    let _ = new.wait();

    let (ok, err) = folio(&[
        "import".as_ref(),
        "--db".as_ref(),
        &target,
        "--in".as_ref(),
        dump.as_os_str(),
    ]);
    assert!(!ok, "a second import was accepted");
    assert!(err.contains("already holds"), "{err}");
}

// `migrate` creates the schema of an empty database, and on PostgreSQL brings a database of the previous version
// (version 2, with a comment) to the latest version, keeping the comment; running it again changes nothing.
#[test]
fn migrate_from_empty_and_from_the_previous_version() {
    let site = DemoSite::new("migrate");
    let target = site.site.store.arg();
    if let Some(url) = site.site.store.url() {
        let applied = pg::block_on(|| async {
            let mut client = pg::connect(&pg::parse_url(&url)?).await?;
            let applied = pg::schema::migrate_to(&mut client, 2).await?;
            client
                .batch_execute(
                    "INSERT INTO comments (article_id, id, author_name, body, format) \
                     VALUES ('night-trains-return', 'old', 'Old', 'From version 2.', 'text')",
                )
                .await
                .map_err(|err| err.to_string())?;
            Ok::<_, String>(applied)
        })
        .and_then(|r| r)
        .expect("a version-2 database");
        assert_eq!(applied, [1, 2]);
    }
    let (ok, err) = folio(&["migrate".as_ref(), "--db".as_ref(), &target]);
    assert!(ok, "{err}");
    if let Some(url) = site.site.store.url() {
        assert!(err.contains("applied: [3, 4]"), "{err}");
        let (ok, err) = folio(&["migrate".as_ref(), "--db".as_ref(), &target]);
        assert!(ok && err.contains("applied: []"), "{err}");
        let version = pg::block_on(|| async {
            let client = pg::connect(&pg::parse_url(&url)?).await?;
            pg::schema::version(&client).await
        })
        .and_then(|r| r)
        .expect("a version");
        assert_eq!(version, pg::schema::latest());
    }
    // The server starts on the migrated database and still lists the old comment (PostgreSQL) and the seeds.
    let (mut server, port) = serve(&site, &target);
    let listed = lists(port);
    let _ = server.kill();
    let _ = server.wait();
    let bodies = listed[1].to_string();
    if site.site.store.url().is_some() {
        assert!(bodies.contains("From version 2."), "{bodies}");
    }
    // The demo's night-train article has 50 seed comments.
    assert!(listed[1].as_array().map_or(0, Vec::len) >= 50, "no seeds");
}
