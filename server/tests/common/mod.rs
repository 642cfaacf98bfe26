//! What the durability and load tests share: a temporary dist with one article, the real server binary started on
//! a free loopback port, and plain HTTP/1.1 requests over `TcpStream`.

#![allow(dead_code)] // Each test binary uses a different part of this module.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::Child;
use std::time::{Duration, Instant};

use serde_json::{json, Value};

include!("../harness/spawn.rs");
include!("../harness/database.rs");

/// The article the tests post to.
pub const ARTICLE: &str = "hostile-article";

/// A temporary dist (one article, no seed comments) and database (a SQLite file, or a fresh PostgreSQL database
/// when `FOLIO_TEST_DATABASE_URL` is set), removed on drop.
pub struct Site {
    pub root: PathBuf,
    pub store: database::TestDb,
}

impl Site {
    pub fn new(name: &str) -> Site {
        let root = Path::new(env!("CARGO_TARGET_TMPDIR"))
            .join(format!("folio-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        let article = json!({"id": ARTICLE, "title": "T", "body": "<p>b</p>"});
        let file = root.join(format!("dist/demo/articles/{ARTICLE}.json"));
        std::fs::create_dir_all(file.parent().expect("parent")).expect("mkdir");
        std::fs::write(&file, article.to_string()).expect("article");
        std::fs::write(
            root.join("dist/index.html"),
            "<!doctype html><title>t</title>",
        )
        .expect("index");
        let store = database::TestDb::new(root.join("folio.db"));
        Site { root, store }
    }

    pub fn start(&self) -> Server {
        self.start_with(&[])
    }

    /// [`Site::start`] with `extra` flags (after the defaults, so they win).
    pub fn start_with(&self, extra: &[&str]) -> Server {
        Server::start(&self.root.join("dist"), &self.store.arg(), extra)
    }
}

impl Drop for Site {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.root);
    }
}

/// A running `folio-server`; killed with SIGKILL (no shutdown handler runs) on [`Server::kill`] or drop.
pub struct Server {
    child: Child,
    pub port: u16,
}

impl Server {
    fn start(dist: &Path, db: &std::ffi::OsStr, extra: &[&str]) -> Server {
        // The load test posts far more than a reader could; the limit is tested elsewhere.
        let flags = [&["--rate-limit", "0"], extra].concat();
        let (child, port) = spawn::spawn_server(dist, db, &flags);
        Server { child, port }
    }

    /// SIGKILL: the process gets no chance to flush or close anything.
    pub fn kill(mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// One request on a fresh connection; `(status, body)`, or `None` when the connection failed.
pub fn request(port: u16, method: &str, path: &str, body: Option<&Value>) -> Option<(u16, Value)> {
    request_with(port, method, path, "", body)
}

/// [`request`] with extra header lines (`"Name: value\r\n"` each).
pub fn request_with(
    port: u16,
    method: &str,
    path: &str,
    headers: &str,
    body: Option<&Value>,
) -> Option<(u16, Value)> {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).ok()?;
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .ok()?;
    let body = body.map(Value::to_string).unwrap_or_default();
    let head = format!(
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Type: application/json\r\n\
         Content-Length: {}\r\n{headers}\r\n{body}",
        body.len()
    );
    stream.write_all(head.as_bytes()).ok()?;
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).ok()?;
    let text = String::from_utf8_lossy(&raw);
    let status = text.split_whitespace().nth(1)?.parse().ok()?;
    let (head, payload) = text.split_once("\r\n\r\n")?;
    let payload = if head
        .to_ascii_lowercase()
        .contains("transfer-encoding: chunked")
    {
        dechunk(payload)
    } else {
        payload.to_string()
    };
    Some((
        status,
        serde_json::from_str(&payload).unwrap_or(Value::Null),
    ))
}

fn dechunk(mut s: &str) -> String {
    let mut out = String::new();
    while let Some((size, rest)) = s.split_once("\r\n") {
        let n = usize::from_str_radix(size.trim(), 16).unwrap_or(0);
        if n == 0 || rest.len() < n {
            break;
        }
        out.push_str(&rest[..n]);
        s = rest[n..].trim_start_matches("\r\n");
    }
    out
}

/// Post a comment with a unique body; the stored comment's id when the server acknowledged it with 201.
pub fn post(port: u16, body: &str) -> Option<String> {
    let comment = json!({"author": {"name": "Load"}, "body": body, "format": "text"});
    match request(
        port,
        "POST",
        &format!("/api/articles/{ARTICLE}/comments"),
        Some(&comment),
    )? {
        (201, v) => v
            .get("id")
            .or_else(|| v.pointer("/comment/id"))
            .map(|id| id.as_str().map_or_else(|| id.to_string(), str::to_string)),
        _ => None,
    }
}

/// The bodies of every listed comment.
pub fn list_bodies(port: u16) -> Vec<String> {
    let (status, v) = request(
        port,
        "GET",
        &format!("/api/articles/{ARTICLE}/comments"),
        None,
    )
    .expect("the list answers");
    assert_eq!(status, 200, "{v}");
    v["comments"]
        .as_array()
        .expect("a comments array")
        .iter()
        .map(|c| {
            let b = c["body"].as_str().unwrap_or("");
            // The list may carry the body as HTML: keep only the marker text.
            b.trim_start_matches("<p>")
                .trim_end_matches('\n')
                .trim_end_matches("</p>")
                .to_string()
        })
        .collect()
}

/// An open Server-Sent Events stream of the test article on a server; what it received so far is in `seen`.
pub struct EventStream {
    socket: TcpStream,
    pub seen: String,
}

impl EventStream {
    /// Open the stream on `port` and wait for its `200 OK`.
    pub fn open(port: u16) -> EventStream {
        Self::open_at(port, &format!("/api/articles/{ARTICLE}/events"))
    }

    /// Open the stream at `path` (a live article's, say) on `port` and wait for its `200 OK`.
    pub fn open_at(port: u16, path: &str) -> EventStream {
        let mut socket = TcpStream::connect(("127.0.0.1", port)).expect("connect");
        let head =
            format!("GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n");
        socket.write_all(head.as_bytes()).expect("send");
        socket
            .set_read_timeout(Some(Duration::from_millis(200)))
            .expect("timeout");
        let mut stream = EventStream {
            socket,
            seen: String::new(),
        };
        assert!(
            stream.wait_for("200 OK", Duration::from_secs(10)),
            "the stream did not open: {:?}",
            stream.seen
        );
        stream
    }

    /// Reads until `done` holds or `limit` is over; whether it holds.
    pub fn wait_until(&mut self, limit: Duration, done: impl Fn(&EventStream) -> bool) -> bool {
        let start = Instant::now();
        let mut buf = [0u8; 4096];
        while !done(self) && start.elapsed() < limit {
            match self.socket.read(&mut buf) {
                Ok(0) => break,
                Ok(n) => self.seen.push_str(&String::from_utf8_lossy(&buf[..n])),
                Err(_) => {} // the read timeout: look again
            }
        }
        done(self)
    }

    /// Reads until `needle` has arrived or `limit` is over; whether it arrived.
    pub fn wait_for(&mut self, needle: &str, limit: Duration) -> bool {
        self.wait_until(limit, |s| s.seen.contains(needle))
    }

    /// How many events of `kind` (`message`, `changed`, `body`) carried `needle` so far.
    pub fn count(&self, kind: &str, needle: &str) -> usize {
        let mut named = "message";
        let mut n = 0;
        for line in self.seen.lines() {
            if let Some(name) = line.strip_prefix("event:") {
                named = name.trim();
            } else if let Some(data) = line.strip_prefix("data:") {
                if named == kind && data.contains(needle) {
                    n += 1;
                }
                named = "message";
            }
        }
        n
    }
}
