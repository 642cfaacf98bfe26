//! Issue 4 on the reference server: idempotency keys, the honeypot, the per-address rate limit, moderation, edit
//! and delete with the posting token, Server-Sent Events, and ETag revalidation of the list. The harness (fixture,
//! server process, raw HTTP/1.1) is the one of `api.rs`, copied so each test file stands alone.
#![allow(dead_code)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;
use std::time::Duration;

use serde_json::{json, Value};

const ARTICLE: &str = "hello-world";
const WASM_FILE: &str = "folio-0123456789abcdef_bg.wasm";

/// A temporary dist directory and database path, removed on drop.
struct Fixture {
    root: PathBuf,
}

impl Fixture {
    /// Writes a tiny dist: index.html, a wasm file, one article with three seed comments
    /// (one a reply), and an article whose comment file is malformed.
    fn new() -> Fixture {
        static COUNTER: AtomicUsize = AtomicUsize::new(0);
        let root = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!(
            "folio-server-test-{}-{}",
            std::process::id(),
            COUNTER.fetch_add(1, Ordering::SeqCst)
        ));
        let _ = std::fs::remove_dir_all(&root);
        let dist = root.join("dist");
        write(
            &dist.join("index.html"),
            b"<!doctype html><title>Folio test</title>",
        );
        write(&dist.join(WASM_FILE), b"\0asm\x01\0\0\0");
        let article = json!({"folio": "1", "id": ARTICLE, "title": "Hello", "body": "<p>Hi</p>",
                             "comments": format!("../comments/{ARTICLE}.json")});
        write(
            &dist.join(format!("demo/articles/{ARTICLE}.json")),
            article.to_string().as_bytes(),
        );
        // In file order c1, c3, c2; by date c1 (10:00Z), c2 (11:00Z), c3 (09:30-05:00 = 14:30Z).
        let comments = json!({"folio": "1", "article": ARTICLE, "comments": [
            {"id": "c1", "parent": null, "author": {"name": "Ana", "avatar": "../img/ana.png"},
             "date": "2024-01-01T10:00:00Z", "body": "First!", "score": 3},
            {"id": "c3", "author": "Carla", "date": "2024-01-01T09:30:00-05:00",
             "body": "Later, in another zone.", "format": "text", "article_author": true},
            {"id": "c2", "parent": "c1", "author": {"name": "Bruno", "url": "https://b.example/"},
             "date": "2024-01-01T11:00:00Z", "body": "A reply."}
        ]});
        write(
            &dist.join(format!("demo/comments/{ARTICLE}.json")),
            comments.to_string().as_bytes(),
        );
        write(
            &dist.join("demo/articles/broken.json"),
            br#"{"title":"B","body":"b"}"#,
        );
        write(
            &dist.join("demo/comments/broken.json"),
            b"{ this is not json",
        );
        Fixture { root }
    }

    fn dist(&self) -> PathBuf {
        self.root.join("dist")
    }

    fn db(&self) -> PathBuf {
        self.root.join("data").join("comments.db")
    }

    /// Starts a server on this fixture.
    fn start(&self, extra: &[&str]) -> Server {
        Server::start(&self.dist(), &self.db(), extra)
    }
}

impl Drop for Fixture {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.root);
    }
}

fn write(path: &Path, bytes: &[u8]) {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).expect("create the fixture directory");
    }
    std::fs::write(path, bytes).expect("write a fixture file");
}

/// A running `folio-server`, killed on drop.
struct Server {
    child: Child,
    port: u16,
}

impl Server {
    fn start(dist: &Path, db: &Path, extra: &[&str]) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_folio-server"))
            .arg("--dist")
            .arg(dist)
            .arg("--db")
            .arg(db)
            .args(["--addr", "127.0.0.1:0"])
            .args(extra)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn folio-server");
        let stdout = child.stdout.take().expect("piped stdout");
        let (tx, rx) = mpsc::channel();
        // Read the announcement, then keep draining so the server never blocks on stdout.
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            let mut line = String::new();
            let _ = reader.read_line(&mut line);
            let _ = tx.send(line);
            let _ = std::io::copy(&mut reader, &mut std::io::sink());
        });
        let line = match rx.recv_timeout(Duration::from_secs(30)) {
            Ok(line) => line,
            Err(_) => {
                let _ = child.kill();
                panic!("folio-server did not announce itself within 30 s");
            }
        };
        let port = line
            .trim_end()
            .strip_prefix("Folio is running at http://127.0.0.1:")
            .and_then(|rest| rest.strip_suffix('/'))
            .and_then(|port| port.parse().ok());
        let Some(port) = port else {
            let _ = child.kill();
            panic!("unexpected first line: {line:?}");
        };
        Server { child, port }
    }

    fn get(&self, path: &str) -> Response {
        self.request("GET", path, &[], None)
    }

    fn post_json(&self, path: &str, body: &Value) -> Response {
        let bytes = body.to_string().into_bytes();
        self.request(
            "POST",
            path,
            &[("Content-Type", "application/json")],
            Some(&bytes),
        )
    }

    /// One HTTP/1.1 request on a fresh connection (`Connection: close`).
    fn request(
        &self,
        method: &str,
        path: &str,
        headers: &[(&str, &str)],
        body: Option<&[u8]>,
    ) -> Response {
        let mut stream = TcpStream::connect(("127.0.0.1", self.port)).expect("connect");
        stream
            .set_read_timeout(Some(Duration::from_secs(20)))
            .expect("set a read timeout");
        let mut head = format!(
            "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{}\r\nConnection: close\r\n",
            self.port
        );
        for (name, value) in headers {
            head.push_str(&format!("{name}: {value}\r\n"));
        }
        if let Some(body) = body {
            head.push_str(&format!("Content-Length: {}\r\n", body.len()));
        }
        head.push_str("\r\n");
        let mut bytes = head.into_bytes();
        bytes.extend_from_slice(body.unwrap_or_default());
        // The server may answer (413) and stop reading before the body is all sent; the
        // answer is still there to read, so a failed write is not the test's verdict.
        let _ = stream.write_all(&bytes);
        let mut raw = Vec::new();
        if let Err(err) = stream.read_to_end(&mut raw) {
            assert!(!raw.is_empty(), "no response: {err}");
        }
        Response::parse(&raw)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A parsed HTTP response.
struct Response {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Response {
    fn parse(raw: &[u8]) -> Response {
        let split = raw
            .windows(4)
            .position(|w| w == b"\r\n\r\n")
            .expect("a complete response head");
        let head = String::from_utf8_lossy(&raw[..split]).into_owned();
        let mut lines = head.split("\r\n");
        let status = lines
            .next()
            .and_then(|l| l.split(' ').nth(1))
            .and_then(|s| s.parse().ok())
            .expect("a status line");
        let headers: Vec<(String, String)> = lines
            .filter_map(|l| l.split_once(':'))
            .map(|(n, v)| (n.trim().to_ascii_lowercase(), v.trim().to_owned()))
            .collect();
        let rest = &raw[split + 4..];
        let chunked = headers
            .iter()
            .any(|(n, v)| n == "transfer-encoding" && v.eq_ignore_ascii_case("chunked"));
        let body = if chunked {
            dechunk(rest)
        } else {
            rest.to_vec()
        };
        Response {
            status,
            headers,
            body,
        }
    }

    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    fn json(&self) -> Value {
        serde_json::from_slice(&self.body).unwrap_or_else(|err| {
            panic!("not JSON ({err}): {}", String::from_utf8_lossy(&self.body))
        })
    }

    fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

fn dechunk(mut data: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    loop {
        let Some(end) = data.windows(2).position(|w| w == b"\r\n") else {
            return out;
        };
        let size_text = String::from_utf8_lossy(&data[..end]);
        let size_text = size_text.split(';').next().unwrap_or("").trim();
        let size = usize::from_str_radix(size_text, 16).expect("a chunk size");
        if size == 0 {
            return out;
        }
        let start = end + 2;
        out.extend_from_slice(&data[start..start + size]);
        data = &data[start + size + 2..];
    }
}

fn comments_path() -> String {
    format!("/api/articles/{ARTICLE}/comments")
}

fn ids(list: &Value) -> Vec<String> {
    list["comments"]
        .as_array()
        .expect("a comments array")
        .iter()
        .map(|c| c["id"].as_str().expect("a string id").to_owned())
        .collect()
}

fn comment(name: &str, body: &str) -> Value {
    json!({"parent": null, "author": {"name": name}, "body": body, "format": "markdown"})
}

impl Server {
    fn post_with(&self, path: &str, body: &Value, headers: &[(&str, &str)]) -> Response {
        let bytes = body.to_string().into_bytes();
        let mut all = vec![("Content-Type", "application/json")];
        all.extend_from_slice(headers);
        self.request("POST", path, &all, Some(&bytes))
    }
}

fn total(server: &Server) -> usize {
    server.get(&comments_path()).json()["comments"]
        .as_array()
        .map_or(0, Vec::len)
}

/// The same Idempotency-Key on the same article gives back the same comment (201, then 200), never a second one.
#[test]
fn idempotency_key_never_duplicates() {
    let fixture = Fixture::new();
    let server = fixture.start(&[]);
    let body = comment("Ida", "Only once, please.");
    let first = server.post_with(&comments_path(), &body, &[("Idempotency-Key", "key-123")]);
    assert_eq!(first.status, 201, "{}", first.text());
    let again = server.post_with(&comments_path(), &body, &[("Idempotency-Key", "key-123")]);
    assert_eq!(again.status, 200, "{}", again.text());
    assert_eq!(again.json(), first.json());
    assert_eq!(total(&server), 4, "three seeds and one comment");
    let other = server.post_with(&comments_path(), &body, &[("Idempotency-Key", "key-456")]);
    assert_eq!(other.status, 201);
    assert_eq!(total(&server), 5);
    let bad = server.post_with(&comments_path(), &body, &[("Idempotency-Key", "bad key")]);
    assert_eq!(bad.status, 400);
}

/// A retried post with the same key still answers after a restart: keys are stored in SQLite.
#[test]
fn idempotency_keys_survive_restart() {
    let fixture = Fixture::new();
    let body = comment("Ida", "Across a restart.");
    let first = fixture.start(&[]);
    let created = first.post_with(&comments_path(), &body, &[("Idempotency-Key", "k-restart")]);
    assert_eq!(created.status, 201);
    drop(first);
    let second = fixture.start(&[]);
    let again = second.post_with(&comments_path(), &body, &[("Idempotency-Key", "k-restart")]);
    assert_eq!(again.status, 200);
    assert_eq!(again.json()["id"], created.json()["id"]);
    assert_eq!(total(&second), 4);
}

/// A post that fills the honeypot field gets a plausible 201 and is stored nowhere.
#[test]
fn honeypot_posts_are_dropped_silently() {
    let fixture = Fixture::new();
    let server = fixture.start(&[]);
    let mut body = comment("Bot", "Buy now");
    body["website"] = json!("http://spam.example/");
    let res = server.post_json(&comments_path(), &body);
    assert_eq!(res.status, 201, "{}", res.text());
    assert_eq!(total(&server), 3, "nothing stored");
}

/// The per-address limit answers 429 with Retry-After once exceeded; retries of stored posts do not count.
#[test]
fn rate_limit_per_address() {
    let fixture = Fixture::new();
    let server = fixture.start(&["--rate-limit", "2"]);
    for (i, key) in ["r1", "r2"].iter().enumerate() {
        let res = server.post_with(
            &comments_path(),
            &comment("Ana", &format!("n{i}")),
            &[("Idempotency-Key", key)],
        );
        assert_eq!(res.status, 201);
    }
    let replay = server.post_with(
        &comments_path(),
        &comment("Ana", "n0"),
        &[("Idempotency-Key", "r1")],
    );
    assert_eq!(replay.status, 200, "a replay is not a new comment");
    let res = server.post_json(&comments_path(), &comment("Ana", "third"));
    assert_eq!(res.status, 429, "{}", res.text());
    let wait: u64 = res
        .header("retry-after")
        .and_then(|v| v.parse().ok())
        .expect("Retry-After");
    assert!((1..=60).contains(&wait), "{wait}");
    assert_eq!(res.json()["error"]["code"], "rate_limited");
    assert_eq!(total(&server), 5);
}

/// With --moderate a new comment is answered 202 with Folio-Status: pending and is not listed.
#[test]
fn moderation_holds_new_comments() {
    let fixture = Fixture::new();
    let server = fixture.start(&["--moderate"]);
    let res = server.post_json(&comments_path(), &comment("Mo", "Please approve."));
    assert_eq!(res.status, 202, "{}", res.text());
    assert_eq!(res.header("folio-status"), Some("pending"));
    assert_eq!(res.json()["body"], "Please approve.");
    assert_eq!(total(&server), 3);
}

/// The poster edits and deletes with the token from the post; without it, or with another, 403; a deleted comment
/// stays as a placeholder.
#[test]
fn edit_and_delete_with_token() {
    let fixture = Fixture::new();
    let server = fixture.start(&[]);
    let res = server.post_json(&comments_path(), &comment("Ed", "Tpyo"));
    assert_eq!(res.status, 201);
    assert_eq!(res.header("folio-status"), Some("published"));
    let token = res.header("folio-edit-token").expect("a token").to_owned();
    assert!(res.header("folio-editable-until").is_some());
    let id = res.json()["id"].as_str().expect("id").to_owned();
    let path = format!("{}/{id}", comments_path());
    let edit = json!({"body": "Typo fixed"}).to_string().into_bytes();
    let ct = ("Content-Type", "application/json");
    let denied = server.request(
        "PATCH",
        &path,
        &[ct, ("Authorization", "Bearer nope")],
        Some(&edit),
    );
    assert_eq!(denied.status, 403);
    let auth = format!("Bearer {token}");
    let ok = server.request("PATCH", &path, &[ct, ("Authorization", &auth)], Some(&edit));
    assert_eq!(ok.status, 200, "{}", ok.text());
    assert_eq!(ok.json()["body"], "Typo fixed");
    let seed = server.request(
        "DELETE",
        &format!("{}/c1", comments_path()),
        &[("Authorization", &auth)],
        None,
    );
    assert_eq!(seed.status, 403, "another comment's token does not work");
    let del = server.request("DELETE", &path, &[("Authorization", &auth)], None);
    assert_eq!(del.status, 204);
    let list = server.get(&comments_path()).json();
    let gone = list["comments"]
        .as_array()
        .and_then(|c| c.iter().find(|c| c["id"] == id.as_str()))
        .cloned();
    let gone = gone.expect("the placeholder stays");
    assert_eq!(gone["deleted"], true);
    assert_eq!(gone["body"], "");
}

/// After the edit window the token no longer works.
#[test]
fn edit_window_closes() {
    let fixture = Fixture::new();
    let server = fixture.start(&["--edit-window", "0"]);
    let res = server.post_json(&comments_path(), &comment("Ed", "Final"));
    let token = res.header("folio-edit-token").expect("a token").to_owned();
    let id = res.json()["id"].as_str().expect("id").to_owned();
    std::thread::sleep(Duration::from_millis(20));
    let del = server.request(
        "DELETE",
        &format!("{}/{id}", comments_path()),
        &[("Authorization", &format!("Bearer {token}"))],
        None,
    );
    assert_eq!(del.status, 403);
}

/// The list carries an ETag; the same tag in If-None-Match gives a 304 until a comment is posted.
#[test]
fn list_etag_revalidates() {
    let fixture = Fixture::new();
    let server = fixture.start(&[]);
    let first = server.get(&comments_path());
    let tag = first.header("etag").expect("an ETag").to_owned();
    assert_eq!(
        first.json()["events"],
        format!("/api/articles/{ARTICLE}/events")
    );
    let same = server.request("GET", &comments_path(), &[("If-None-Match", &tag)], None);
    assert_eq!(same.status, 304);
    server.post_json(&comments_path(), &comment("Et", "Changes the list"));
    let changed = server.request("GET", &comments_path(), &[("If-None-Match", &tag)], None);
    assert_eq!(changed.status, 200);
    assert_ne!(changed.header("etag"), Some(tag.as_str()));
}

/// The events stream sends each new published comment as a `data:` line of Folio comment JSON.
#[test]
fn events_stream_new_comments() {
    let fixture = Fixture::new();
    let server = fixture.start(&[]);
    let mut stream = TcpStream::connect(("127.0.0.1", server.port)).expect("connect");
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .expect("timeout");
    let head = format!(
        "GET /api/articles/{ARTICLE}/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n"
    );
    stream.write_all(head.as_bytes()).expect("send");
    let mut reader = BufReader::new(stream);
    let mut line = String::new();
    // The head: wait for the blank line, so the subscription exists before posting.
    while reader.read_line(&mut line).map(|n| n > 0).unwrap_or(false) {
        if line == "\r\n" {
            break;
        }
        line.clear();
    }
    let posted = server
        .post_json(&comments_path(), &comment("Live", "Hello, stream"))
        .json();
    let mut data = None;
    for _ in 0..50 {
        line.clear();
        if reader.read_line(&mut line).unwrap_or(0) == 0 {
            break;
        }
        if let Some(rest) = line.trim_end().strip_prefix("data:") {
            data = Some(rest.trim().to_owned());
            break;
        }
    }
    let data = data.expect("a data line");
    let sent: Value = serde_json::from_str(&data).expect("comment JSON");
    assert_eq!(sent, posted);
}
