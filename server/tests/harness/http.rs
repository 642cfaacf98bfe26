// The test harness shared by the API tests (api, threads, moderation, paging): a temporary dist + database fixture,
// and the server's router called in-process (`tower::ServiceExt::oneshot`, no socket), started with the same
// command-line flags as the binary. `Server::listen` also serves it on a loopback port for the one test that needs
// the wire (Server-Sent Events). Pulled in with include! so each test file keeps private items and no visibility
// changes are needed.
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use axum::body::Body;
use axum::extract::ConnectInfo;
use folio_server::app::{self, App};
use folio_server::config::Config;
use serde_json::{json, Value};
use tower::ServiceExt;

const ARTICLE: &str = "hello-world";
const WASM_FILE: &str = "folio-0123456789abcdef_bg.wasm";

include!("database.rs");

/// A temporary dist directory and database (a SQLite file, or a fresh PostgreSQL database when
/// `FOLIO_TEST_DATABASE_URL` is set), removed on drop.
struct Fixture {
    root: PathBuf,
    store: database::TestDb,
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
        let store = database::TestDb::new(root.join("data").join("comments.db"));
        Fixture { root, store }
    }

    fn dist(&self) -> PathBuf {
        self.root.join("dist")
    }

    /// What `--db` gets: the SQLite file or the PostgreSQL URL.
    fn db(&self) -> std::ffi::OsString {
        self.store.arg()
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

/// The server's router on its own runtime, as `folio-server` would run it with the fixture and `extra` flags.
struct Server {
    app: App,
    runtime: Option<tokio::runtime::Runtime>,
}

/// Where in-process requests say they come from: one address, so the per-address rate limit applies.
const PEER: ([u8; 4], u16) = ([127, 0, 0, 1], 40_000);

impl Server {
    fn start(dist: &Path, db: &std::ffi::OsStr, extra: &[&str]) -> Server {
        let mut args = vec!["folio-server".into(), "--dist".into(), dist.as_os_str().to_owned()];
        args.extend(["--db".into(), db.to_owned()]);
        args.extend(extra.iter().map(Into::into));
        let config = Config::from_args(args).unwrap_or_else(|err| panic!("{err}"));
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .expect("a runtime");
        let app = app::build(&config).expect("the app builds");
        Server {
            app,
            runtime: Some(runtime),
        }
    }

    fn runtime(&self) -> &tokio::runtime::Runtime {
        self.runtime.as_ref().expect("running")
    }

    /// Serves the same router on a free loopback port (for tests of the wire itself); returns the port.
    #[allow(dead_code)] // Only the event-stream test needs a socket.
    fn listen(&self) -> u16 {
        let router = self.app.router.clone();
        self.runtime().block_on(async move {
            let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
                .await
                .expect("bind");
            let port = listener.local_addr().expect("address").port();
            let service = router.into_make_service_with_connect_info::<SocketAddr>();
            tokio::spawn(async move { axum::serve(listener, service).await });
            port
        })
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

    /// One request through the router, as a client on [`PEER`] would send it.
    fn request(
        &self,
        method: &str,
        path: &str,
        headers: &[(&str, &str)],
        body: Option<&[u8]>,
    ) -> Response {
        self.request_from(SocketAddr::from(PEER), method, path, headers, body)
    }

    /// One request through the router, as a client on `peer` would send it.
    fn request_from(
        &self,
        peer: SocketAddr,
        method: &str,
        path: &str,
        headers: &[(&str, &str)],
        body: Option<&[u8]>,
    ) -> Response {
        let mut builder = axum::http::Request::builder().method(method).uri(path);
        for (name, value) in headers {
            builder = builder.header(*name, *value);
        }
        if let Some(body) = body {
            builder = builder.header("content-length", body.len());
        }
        let mut request = builder
            .body(Body::from(body.unwrap_or_default().to_vec()))
            .expect("a valid request");
        request
            .extensions_mut()
            .insert(ConnectInfo(peer));
        let router = self.app.router.clone();
        self.runtime().block_on(async move {
            let response = router.oneshot(request).await.expect("routers never fail");
            let status = response.status().as_u16();
            let headers = response
                .headers()
                .iter()
                .map(|(n, v)| (n.as_str().to_owned(), v.to_str().unwrap_or("").to_owned()))
                .collect();
            let body = axum::body::to_bytes(response.into_body(), usize::MAX)
                .await
                .expect("the whole body")
                .to_vec();
            Response {
                status,
                headers,
                body,
            }
        })
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        // End the event streams, then drop whatever is left without waiting for it.
        let _ = self.app.stop.send(true);
        if let Some(runtime) = self.runtime.take() {
            runtime.shutdown_background();
        }
    }
}

/// A response, as the tests read it.
struct Response {
    status: u16,
    /// Lower-case names.
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Response {
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

