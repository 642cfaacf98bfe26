// The test harness shared by the API tests (api, threads, moderation, paging; each also includes spawn.rs): a temporary dist + database fixture, the real server process
// on a free loopback port, and raw HTTP/1.1 over TcpStream. Pulled in with include! so each test file keeps
// private items and no visibility changes are needed.
use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::Child;
use std::sync::atomic::{AtomicUsize, Ordering};
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
        let (child, port) = spawn::spawn_server(dist, db, extra);
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

