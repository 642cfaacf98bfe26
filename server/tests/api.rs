//! End-to-end tests: the real `folio-server` binary on a free loopback port, a temporary dist
//! and database, and plain HTTP/1.1 over `TcpStream` (so the exact request bytes are ours).

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

/// The list holds the three seeds in date order, in Folio JSON, with the `post` link.
#[test]
fn list_returns_seeds_with_post_link() {
    let fixture = Fixture::new();
    let server = fixture.start(&[]);
    let res = server.get(&comments_path());
    assert_eq!(res.status, 200);
    assert_eq!(res.header("cache-control"), Some("no-cache"));
    assert!(res
        .header("content-type")
        .is_some_and(|t| t.starts_with("application/json")));
    let list = res.json();
    assert_eq!(list["folio"], "1");
    assert_eq!(list["article"], ARTICLE);
    assert_eq!(list["total"], 3);
    assert_eq!(
        list["post"],
        json!({"url": format!("/api/articles/{ARTICLE}/comments"), "max_length": 5000})
    );
    assert_eq!(ids(&list), ["c1", "c2", "c3"]);
    assert_eq!(
        list["comments"][0],
        json!({"id": "c1", "parent": null, "author": {"name": "Ana", "avatar": "/demo/img/ana.png"},
               "date": "2024-01-01T10:00:00Z", "body": "First!", "format": "markdown",
               "score": 3, "deleted": false})
    );
    assert_eq!(list["comments"][1]["parent"], "c1");
    assert_eq!(list["comments"][1]["author"]["url"], "https://b.example/");
    assert_eq!(list["comments"][2]["date"], "2024-01-01T14:30:00Z");
    assert_eq!(list["comments"][2]["article_author"], true);
}

/// A posted comment is answered with 201 and the stored object, then shows up in the list.
#[test]
fn posted_comment_is_created_and_listed() {
    let fixture = Fixture::new();
    let server = fixture.start(&[]);
    let res = server.post_json(
        &comments_path(),
        &json!({"parent": null, "author": {"name": "Dora", "email": "dora@example.org"},
                "body": "Thanks, *great* piece.", "format": "markdown"}),
    );
    assert_eq!(res.status, 201, "{}", res.text());
    let created = res.json();
    let id = created["id"].as_str().expect("an id").to_owned();
    assert!(
        id.starts_with('p') && id[1..].parse::<u64>().is_ok(),
        "{id}"
    );
    assert_eq!(created["parent"], Value::Null);
    assert_eq!(
        created["author"],
        json!({"name": "Dora"}),
        "the email is never shown"
    );
    assert_eq!(created["body"], "Thanks, *great* piece.");
    assert_eq!(created["deleted"], false);
    let date = created["date"].as_str().expect("a date");
    assert!(date.starts_with("20") && date.ends_with('Z'), "{date}");

    let list = server.get(&comments_path()).json();
    assert_eq!(list["total"], 4);
    assert_eq!(list["comments"][3], created);
}

/// Answering a seed comment stores the parent id.
#[test]
fn reply_to_seed_comment() {
    let fixture = Fixture::new();
    let server = fixture.start(&[]);
    let mut body = comment("Eva", "I agree with Ana.");
    body["parent"] = json!("c1");
    let res = server.post_json(&comments_path(), &body);
    assert_eq!(res.status, 201, "{}", res.text());
    let reply = res.json();
    assert_eq!(reply["parent"], "c1");
    let list = server.get(&comments_path()).json();
    assert!(list["comments"]
        .as_array()
        .is_some_and(|c| c.contains(&reply)));
}

/// A parent that is not a comment of this article is a 400 on `parent`.
#[test]
fn unknown_parent_is_rejected() {
    let fixture = Fixture::new();
    let server = fixture.start(&[]);
    let mut body = comment("Eva", "Hello?");
    body["parent"] = json!("nope");
    let res = server.post_json(&comments_path(), &body);
    assert_eq!(res.status, 400);
    let error = res.json();
    assert_eq!(error["error"]["code"], "invalid_field");
    assert_eq!(error["error"]["field"], "parent");
    assert_eq!(
        server.get(&comments_path()).json()["total"],
        3,
        "nothing stored"
    );
}

/// An empty or blank body is a 400 on `body`.
#[test]
fn empty_body_is_rejected() {
    let fixture = Fixture::new();
    let server = fixture.start(&[]);
    for text in ["", "   \n\t "] {
        let res = server.post_json(&comments_path(), &comment("Eva", text));
        assert_eq!(res.status, 400);
        let error = res.json();
        assert_eq!(error["error"]["field"], "body");
        assert!(error["error"]["message"]
            .as_str()
            .is_some_and(|m| m.ends_with('.')));
    }
}

/// A missing or blank author name is a 400 on `author.name`.
#[test]
fn missing_name_is_rejected() {
    let fixture = Fixture::new();
    let server = fixture.start(&[]);
    for body in [
        json!({"body": "Hi"}),
        json!({"author": {"name": " "}, "body": "Hi"}),
    ] {
        let res = server.post_json(&comments_path(), &body);
        assert_eq!(res.status, 400);
        assert_eq!(res.json()["error"]["field"], "author.name");
    }
}

/// 5000 characters pass, 5001 are a 400 on `body`.
#[test]
fn too_long_body_is_rejected() {
    let fixture = Fixture::new();
    let server = fixture.start(&[]);
    let res = server.post_json(&comments_path(), &comment("Eva", &"ñ".repeat(5001)));
    assert_eq!(res.status, 400);
    assert_eq!(res.json()["error"]["field"], "body");
    let res = server.post_json(&comments_path(), &comment("Eva", &"ñ".repeat(5000)));
    assert_eq!(res.status, 201);
}

/// Broken JSON and a non-JSON content type are both 400 `bad_json`, in the JSON error shape.
#[test]
fn malformed_json_is_bad_json() {
    let fixture = Fixture::new();
    let server = fixture.start(&[]);
    let json_header = [("Content-Type", "application/json")];
    let res = server.request("POST", &comments_path(), &json_header, Some(b"{\"body\": "));
    assert_eq!(res.status, 400);
    assert_eq!(res.json()["error"]["code"], "bad_json");
    let text_header = [("Content-Type", "text/plain")];
    let valid = comment("Eva", "Hi").to_string();
    let res = server.request(
        "POST",
        &comments_path(),
        &text_header,
        Some(valid.as_bytes()),
    );
    assert_eq!(res.status, 400);
    assert_eq!(res.json()["error"]["code"], "bad_json");
}

/// Unknown articles and unknown API paths are 404 JSON; other methods are 405 JSON.
#[test]
fn unknown_article_is_404_json() {
    let fixture = Fixture::new();
    let server = fixture.start(&[]);
    let res = server.get("/api/articles/no-such-article/comments");
    assert_eq!(res.status, 404);
    assert_eq!(res.json()["error"]["code"], "not_found");
    let res = server.post_json(
        "/api/articles/no-such-article/comments",
        &comment("Eva", "Hi"),
    );
    assert_eq!(res.status, 404);
    assert_eq!(res.json()["error"]["code"], "not_found");
    let res = server.get("/api/nothing/here");
    assert_eq!(res.status, 404);
    assert_eq!(res.json()["error"]["code"], "not_found");
    let res = server.request("DELETE", &comments_path(), &[], None);
    assert_eq!(res.status, 405);
    assert_eq!(res.json()["error"]["code"], "method_not_allowed");
}

/// A body over 64 KiB is refused with 413 and the JSON error.
#[test]
fn oversized_body_is_413() {
    let fixture = Fixture::new();
    let server = fixture.start(&[]);
    let huge = comment("Eva", &"x".repeat(70 * 1024));
    let res = server.post_json(&comments_path(), &huge);
    assert_eq!(res.status, 413);
    assert_eq!(res.json()["error"]["code"], "payload_too_large");
}

/// `/demo/comments/<id>.json` is the live list: the same document as the API, posts included.
#[test]
fn demo_comments_file_equals_api_list() {
    let fixture = Fixture::new();
    let server = fixture.start(&[]);
    let res = server.post_json(&comments_path(), &comment("Eva", "Live."));
    assert_eq!(res.status, 201);
    let demo = server.get(&format!("/demo/comments/{ARTICLE}.json"));
    assert_eq!(demo.status, 200);
    assert_eq!(demo.header("cache-control"), Some("no-cache"));
    assert_eq!(demo.json(), server.get(&comments_path()).json());
    assert_eq!(demo.json()["total"], 4);
    assert_eq!(
        server.get("/demo/comments/no-such-article.json").status,
        404
    );
}

/// Posted comments are in the database file, so they survive a restart (and seeds are not
/// imported twice).
#[test]
fn comments_survive_restart() {
    let fixture = Fixture::new();
    let first = fixture.start(&[]);
    let res = first.post_json(&comments_path(), &comment("Eva", "Still here?"));
    assert_eq!(res.status, 201);
    let created = res.json();
    let before = first.get(&comments_path()).json();
    drop(first);

    let second = fixture.start(&[]);
    let after = second.get(&comments_path()).json();
    assert_eq!(after, before);
    assert_eq!(after["total"], 4);
    assert!(after["comments"]
        .as_array()
        .is_some_and(|c| c.contains(&created)));
    // New ids keep counting after the restart instead of reusing an old one.
    let next = second
        .post_json(&comments_path(), &comment("Eva", "Yes."))
        .json();
    assert_ne!(next["id"], created["id"]);
}

/// Encoded or literal `..` in the article id never leaves the articles directory.
#[test]
fn path_traversal_is_404() {
    let fixture = Fixture::new();
    let server = fixture.start(&[]);
    for path in [
        "/api/articles/..%2F..%2Fetc/comments",
        "/api/articles/..%2Fdemo%2Farticles%2Fhello-world/comments",
        "/api/articles/../../etc/comments",
        "/demo/comments/..%2F..%2Fetc%2Fpasswd.json",
    ] {
        let res = server.get(path);
        assert_eq!(res.status, 404, "{path}");
        assert_eq!(res.json()["error"]["code"], "not_found", "{path}");
    }
    let res = server.get("/..%2F..%2F..%2Fetc%2Fpasswd");
    assert!(
        !res.text().contains("root:"),
        "a file outside dist was served"
    );
}

/// index.html is served at `/` and for SPA routes, never cached; missing assets stay 404.
#[test]
fn index_served_at_root_and_spa_paths() {
    let fixture = Fixture::new();
    let server = fixture.start(&[]);
    for path in ["/", "/some/spa/path"] {
        let res = server.get(path);
        assert_eq!(res.status, 200, "{path}");
        assert!(res.text().contains("<title>Folio test</title>"), "{path}");
        assert!(res
            .header("content-type")
            .is_some_and(|t| t.starts_with("text/html")));
        assert_eq!(res.header("cache-control"), Some("no-cache"));
    }
    assert_eq!(server.get("/missing-0123456789abcdef.js").status, 404);
}

/// Trunk's hashed `.wasm` is `application/wasm` and cached for good; article JSON is no-cache.
#[test]
fn wasm_has_wasm_content_type() {
    let fixture = Fixture::new();
    let server = fixture.start(&[]);
    let res = server.get(&format!("/{WASM_FILE}"));
    assert_eq!(res.status, 200);
    assert_eq!(res.header("content-type"), Some("application/wasm"));
    assert!(res
        .header("cache-control")
        .is_some_and(|c| c.contains("immutable")));
    assert_eq!(res.body, b"\0asm\x01\0\0\0");
    let article = server.get(&format!("/demo/articles/{ARTICLE}.json"));
    assert_eq!(article.status, 200);
    assert_eq!(article.header("cache-control"), Some("no-cache"));
}

/// A malformed seed file is skipped: the server starts and that article has an empty list.
#[test]
fn malformed_seed_file_is_skipped() {
    let fixture = Fixture::new();
    let server = fixture.start(&[]);
    let res = server.get("/api/articles/broken/comments");
    assert_eq!(res.status, 200);
    assert_eq!(res.json()["total"], 0);
}

/// Only origins given with `--allow-origin` get CORS headers, for requests and preflights.
#[test]
fn cors_only_for_allowed_origins() {
    let fixture = Fixture::new();
    let server = fixture.start(&["--allow-origin", "https://news.example"]);
    let allowed = server.request(
        "GET",
        &comments_path(),
        &[("Origin", "https://news.example")],
        None,
    );
    assert_eq!(
        allowed.header("access-control-allow-origin"),
        Some("https://news.example")
    );
    let other = server.request(
        "GET",
        &comments_path(),
        &[("Origin", "https://evil.example")],
        None,
    );
    assert_eq!(other.header("access-control-allow-origin"), None);
    let preflight = server.request(
        "OPTIONS",
        &comments_path(),
        &[
            ("Origin", "https://news.example"),
            ("Access-Control-Request-Method", "POST"),
            ("Access-Control-Request-Headers", "content-type"),
        ],
        None,
    );
    assert!(
        preflight.status < 300,
        "preflight status {}",
        preflight.status
    );
    assert_eq!(
        preflight.header("access-control-allow-origin"),
        Some("https://news.example")
    );
    assert!(preflight
        .header("access-control-allow-methods")
        .is_some_and(|m| m.contains("POST")));
    assert!(preflight
        .header("access-control-allow-headers")
        .is_some_and(|h| h.to_ascii_lowercase().contains("content-type")));
    assert!(preflight
        .header("access-control-allow-credentials")
        .is_none());
}
