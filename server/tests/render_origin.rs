//! `GET /read?src=…` on the real binary (issue 15, "other sources too, safely"): another origin's article rendered
//! through a preset, and the server-side fetch's refusals — unlisted origins, private addresses (written or
//! resolved), redirects off the list or onto a private address, oversize and slow answers. The other origin is a
//! real HTTP server on loopback, started in-process (axum on its own runtime), which counts the requests it gets so
//! the tests can prove a refused request never reached it.

include!("harness/spawn.rs");
include!("harness/database.rs");
include!("harness/page.rs");

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::Child;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::body::Body;
use axum::extract::{Query, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing;
use axum::Router;

const POST: &str = include_str!("../../tests/fixtures/wordpress/post.json");
const COMMENTS: &str = include_str!("../../tests/fixtures/wordpress/comments.json");
const POST_PATH: &str = "/wp-json/wp/v2/posts/4217";
const MAPPING: &str = include_str!("../../presets/wordpress.json");

/// A stand-in for another site's API on a loopback port, counting the requests it gets.
struct Upstream {
    port: u16,
    hits: Arc<AtomicUsize>,
}

impl Upstream {
    fn start() -> Upstream {
        let hits = Arc::new(AtomicUsize::new(0));
        let app = Router::new()
            .route(POST_PATH, routing::get(|| async { json(POST) }))
            .route(
                "/wp-json/wp/v2/comments",
                routing::get(|| async { json(COMMENTS) }),
            )
            .route("/mapping.json", routing::get(|| async { json(MAPPING) }))
            .route("/redirect", routing::get(redirect))
            .route("/loop", routing::get(|| async { found("/loop") }))
            .route(
                "/big",
                routing::get(|| async { json(&" ".repeat(300_000)) }),
            )
            .route("/big-chunked", routing::get(big_chunked))
            .route("/slow", routing::get(slow))
            .route("/trickle", routing::get(trickle))
            .layer(axum::middleware::from_fn_with_state(hits.clone(), count));
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .expect("a runtime");
            runtime.block_on(async move {
                let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
                    .await
                    .expect("bind");
                let _ = tx.send(listener.local_addr().expect("addr").port());
                let _ = axum::serve(listener, app).await;
            });
        });
        let port = rx
            .recv_timeout(Duration::from_secs(10))
            .expect("the upstream started");
        Upstream { port, hits }
    }

    fn origin(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    fn hits(&self) -> usize {
        self.hits.load(Ordering::SeqCst)
    }
}

/// Every request the upstream gets is counted, whatever it asks for.
async fn count(
    State(hits): State<Arc<AtomicUsize>>,
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> Response {
    hits.fetch_add(1, Ordering::SeqCst);
    next.run(request).await
}

fn json(text: &str) -> Response {
    (
        [(header::CONTENT_TYPE, "application/json")],
        text.to_string(),
    )
        .into_response()
}

fn found(location: &str) -> Response {
    (
        StatusCode::FOUND,
        [(header::LOCATION, location.to_string())],
    )
        .into_response()
}

#[derive(serde::Deserialize)]
struct To {
    to: String,
}

async fn redirect(Query(to): Query<To>) -> Response {
    found(&to.to)
}

/// 1 MB in 10 KB chunks, without a Content-Length: the cap must count what arrives.
async fn big_chunked() -> Response {
    let chunks = (0..100).map(|_| Ok::<_, std::io::Error>(vec![b' '; 10_000]));
    Body::from_stream(futures_util::stream::iter(chunks)).into_response()
}

/// Headers after 30 s.
async fn slow() -> Response {
    tokio::time::sleep(Duration::from_secs(30)).await;
    json("{}")
}

/// Headers at once, then one byte every 200 ms for a minute: the timeout covers the body too.
async fn trickle() -> Response {
    let bytes = futures_util::stream::unfold(0u32, |n| async move {
        if n >= 300 {
            return None;
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
        Some((Ok::<_, std::io::Error>(vec![b' ']), n + 1))
    });
    Body::from_stream(bytes).into_response()
}

/// A dist with the SPA's template and no articles, a store, and the server started with `flags`.
struct Site {
    root: PathBuf,
    child: Child,
    port: u16,
    _store: database::TestDb,
}

impl Site {
    fn start(name: &str, flags: &[&str]) -> Site {
        let repo = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        let root = Path::new(env!("CARGO_TARGET_TMPDIR"))
            .join(format!("folio-render-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        std::fs::create_dir_all(root.join("dist/demo/articles")).expect("mkdir");
        std::fs::copy(repo.join("index.html"), root.join("dist/index.html")).expect("index");
        let store = database::TestDb::new(root.join("folio.db"));
        let (child, port) = spawn::spawn_server(&root.join("dist"), &store.arg(), flags);
        Site {
            root,
            child,
            port,
            _store: store,
        }
    }

    /// `GET /read?<pairs>`: status and body.
    fn read(&self, pairs: &[(&str, &str)]) -> (u16, String) {
        let query = url::form_urlencoded::Serializer::new(String::new())
            .extend_pairs(pairs)
            .finish();
        get(self.port, &format!("/read?{query}"))
    }
}

impl Drop for Site {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.root);
    }
}

/// `GET path`: status and body.
fn get(port: u16, path: &str) -> (u16, String) {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).expect("connect");
    stream
        .set_read_timeout(Some(Duration::from_secs(60)))
        .expect("timeout");
    let head = format!("GET {path} HTTP/1.1\r\nHost: news.example\r\nConnection: close\r\n\r\n");
    stream.write_all(head.as_bytes()).expect("write");
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).expect("read");
    let text = String::from_utf8_lossy(&raw).to_string();
    let (head, body) = text.split_once("\r\n\r\n").expect("a response");
    let status = head
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .expect("status");
    (status, body.to_string())
}

/// The flags that list `origin` and open it to loopback (the test servers' address).
fn listed_loopback(origin: &str) -> Vec<&str> {
    vec!["--render-origin", origin, "--render-allow-private", origin]
}

// A listed origin serving a WordPress post: the page holds its title (entities decoded), its sanitised body and the
// comments the preset's comment URL names, fetched from the same origin; a redirect within the list is followed.
#[test]
fn listed_wordpress_article_is_rendered() {
    let api = Upstream::start();
    let origin = api.origin();
    let site = Site::start("wordpress", &listed_loopback(&origin));
    let src = format!("{origin}{POST_PATH}");
    let (status, page) = site.read(&[("src", &src), ("preset", "wordpress")]);
    assert_eq!(status, 200, "{page}");
    for text in [
        "Night Trains \u{2013} Europe\u{2019}s Sleeper Comeback</h1>",
        "The sleeper is back on the <strong>Vienna\u{2013}Paris</strong> line.",
        "Finally! I took the <em>Nightjet</em> last year.",
        "Ana L\u{f3}pez",
        "application/ld+json",
    ] {
        assert!(page.contains(text), "{text} missing from {page}");
    }
    assert!(
        !page.contains("<script>alert(1)"),
        "sanitised like in the widget"
    );
    assert!(page.contains(&format!("data-src=\"{src}\"")));
    // Through a redirect on the same (listed) origin.
    let via = format!("{origin}/redirect?to={POST_PATH}");
    let (status, page) = site.read(&[("src", &via), ("preset", "wordpress")]);
    assert_eq!(status, 200, "{page}");
    assert!(page.contains("Sleeper Comeback</h1>"));
}

// Without --render-origin nothing is fetched, and the page says how to turn it on.
#[test]
fn off_unless_configured() {
    let api = Upstream::start();
    let site = Site::start("off", &[]);
    let src = format!("{}/slow", api.origin());
    let (status, page) = site.read(&[("src", &src)]);
    assert_eq!(status, 403);
    assert!(page.contains("started without --render-origin"), "{page}");
    assert_eq!(api.hits(), 0);
    let (status, page) = get(site.port, "/read");
    assert_eq!(status, 403, "{page}");
}

// Private addresses in the URL are refused before anything is sent, even when listed.
#[test]
fn private_addresses_are_refused() {
    let site = Site::start(
        "private",
        &[
            "--render-origin",
            "http://10.255.255.1",
            "--render-origin",
            "http://169.254.169.254",
            "--render-origin",
            "http://[::ffff:192.168.0.1]",
        ],
    );
    let started = Instant::now();
    for (src, why) in [
        (
            "http://10.255.255.1/wp-json/wp/v2/posts/1",
            "10.255.255.1 is a private address",
        ),
        (
            "http://169.254.169.254/latest/meta-data/",
            "169.254.169.254 is a link-local address",
        ),
        ("http://[::ffff:192.168.0.1]/a", "is a private address"),
    ] {
        let (status, page) = site.read(&[("src", src)]);
        assert_eq!(status, 403, "{src}: {page}");
        assert!(page.contains(why), "{src}: {page}");
        assert!(page.contains("role=\"alert\""));
    }
    // Refused without a connection attempt (10.255.255.1 would hang until a timeout).
    assert!(started.elapsed() < Duration::from_secs(5));
}

// A loopback origin that is not listed is refused, however it is spelled, and never reached.
#[test]
fn unlisted_loopback_is_refused() {
    let listed = Upstream::start();
    let other = Upstream::start();
    let site = Site::start("unlisted", &listed_loopback(&listed.origin()));
    for src in [
        format!("{}/slow", other.origin()),
        format!("http://localhost:{}/slow", listed.port),
        format!("http://[::1]:{}/slow", listed.port),
        format!("https://127.0.0.1:{}/slow", listed.port),
    ] {
        let (status, page) = site.read(&[("src", &src)]);
        assert_eq!(status, 403, "{src}: {page}");
        assert!(
            page.contains("is not on this server&#39;s list of render origins"),
            "{page}"
        );
    }
    assert_eq!(other.hits() + listed.hits(), 0);
}

// A listed name that resolves to loopback is refused without the operator's opt-in for that origin.
#[test]
fn listed_name_resolving_to_loopback_is_refused() {
    let api = Upstream::start();
    let origin = format!("http://localhost:{}", api.port);
    let site = Site::start("resolves", &["--render-origin", &origin]);
    let (status, page) = site.read(&[
        ("src", &format!("{origin}{POST_PATH}")),
        ("preset", "wordpress"),
    ]);
    assert_eq!(status, 403, "{page}");
    assert!(page.contains("localhost resolves to"), "{page}");
    assert!(page.contains("a loopback address"), "{page}");
    assert_eq!(api.hits(), 0);
}

// A listed origin's redirect is followed only onto the list, and never onto a private address.
#[test]
fn redirects_off_the_list_or_to_private_addresses_are_refused() {
    let api = Upstream::start();
    let elsewhere = Upstream::start();
    let origin = api.origin();
    let named_loopback = format!("http://localhost:{}", elsewhere.port);
    let mut flags = listed_loopback(&origin);
    flags.extend([
        "--render-origin",
        &named_loopback,
        "--render-origin",
        "http://10.255.255.1",
    ]);
    let site = Site::start("redirects", &flags);
    let to = |target: &str| {
        let q = url::form_urlencoded::Serializer::new(String::new())
            .append_pair("to", target)
            .finish();
        format!("{origin}/redirect?{q}")
    };
    // Off the list: an unlisted port on the same address.
    let off = format!("http://127.0.0.1:{}{POST_PATH}", elsewhere.port);
    let (status, page) = site.read(&[("src", &to(&off))]);
    assert_eq!(status, 403, "{page}");
    assert!(page.contains("is not on this server&#39;s list"), "{page}");
    assert!(page.contains("redirected there"), "{page}");
    // Listed, but a name that resolves to loopback without the opt-in.
    let (status, page) = site.read(&[("src", &to(&format!("{named_loopback}{POST_PATH}")))]);
    assert_eq!(status, 403, "{page}");
    assert!(page.contains("localhost resolves to"), "{page}");
    // Listed, but a private address.
    let (status, page) = site.read(&[("src", &to("http://10.255.255.1/x"))]);
    assert_eq!(status, 403, "{page}");
    assert!(page.contains("10.255.255.1 is a private address"), "{page}");
    assert_eq!(elsewhere.hits(), 0, "no redirect target was reached");
    // A redirect loop stops at the cap.
    let (status, page) = site.read(&[("src", &format!("{origin}/loop"))]);
    assert_eq!(status, 502, "{page}");
    assert!(page.contains("more than 3 redirects"), "{page}");
}

// Oversize answers are cut off at the cap, announced or streamed.
#[test]
fn oversize_answers_are_refused() {
    let api = Upstream::start();
    let origin = api.origin();
    let mut flags = listed_loopback(&origin);
    flags.extend(["--render-max-bytes", "100000"]);
    let site = Site::start("oversize", &flags);
    for path in ["/big", "/big-chunked"] {
        let (status, page) = site.read(&[("src", &format!("{origin}{path}"))]);
        assert_eq!(status, 502, "{path}: {page}");
        assert!(page.contains("larger than 100000 bytes"), "{path}: {page}");
    }
}

// Slow answers — headers late, or a body that trickles — end at the timeout with a 504 that says so.
#[test]
fn slow_answers_time_out() {
    let api = Upstream::start();
    let origin = api.origin();
    let mut flags = listed_loopback(&origin);
    flags.extend(["--render-timeout", "1"]);
    let site = Site::start("slow", &flags);
    for path in ["/slow", "/trickle"] {
        let started = Instant::now();
        let (status, page) = site.read(&[("src", &format!("{origin}{path}"))]);
        assert_eq!(status, 504, "{path}: {page}");
        assert!(
            page.contains("did not answer within 1 second"),
            "{path}: {page}"
        );
        assert!(started.elapsed() < Duration::from_secs(10), "{path}");
    }
}

// A mapping document (by URL, fetched under the policy, or inline) renders the article and its comments, and the page
// hands the browser the document's text; a `comments` list other than the article's own is fetched (when listed)
// and handed on as the setting; an unlisted one is refused before it is asked; a bad preset is the widget's own
// message, before anything is fetched.
#[test]
fn mappings_and_other_comment_lists_are_rendered_and_handed_on() {
    let api = Upstream::start();
    let other = Upstream::start();
    let origin = api.origin();
    let site = Site::start("mapping", &listed_loopback(&origin));
    let src = format!("{origin}{POST_PATH}");
    let mapping_url = format!("{origin}/mapping.json");
    for mapping in [mapping_url.as_str(), MAPPING] {
        let (status, page) = site.read(&[("src", &src), ("mapping", mapping)]);
        assert_eq!(status, 200, "{page}");
        assert!(page.contains("Finally! I took the <em>Nightjet</em> last year."));
        let data = page_data(&page);
        assert!(
            data["mapping"]
                .as_str()
                .is_some_and(|m| m.contains("\"comments\"") && !m.starts_with("http")),
            "the document's text, not its URL: {data}"
        );
        assert!(page.contains("data-mapping=\"{"), "the root names it too");
    }
    let off = format!("{}/wp-json/wp/v2/comments", other.origin());
    let (status, page) = site.read(&[("src", &src), ("preset", "wordpress"), ("comments", &off)]);
    assert_eq!(status, 403, "{page}");
    assert_eq!(other.hits(), 0, "an unlisted list is never asked");
    // Another list on the listed origin: drawn, and the setting handed on.
    let list = format!("{origin}/wp-json/wp/v2/comments?post=4217&per_page=2");
    let (status, page) = site.read(&[("src", &src), ("preset", "wordpress"), ("comments", &list)]);
    assert_eq!(status, 200, "{page}");
    assert!(page.contains("Finally! I took the <em>Nightjet</em> last year."));
    let data = page_data(&page);
    assert_eq!(data["comments_setting"], list.as_str());
    assert_eq!(data["comments"]["url"], list.as_str());
    // The article's own list, given explicitly, is no setting of its own.
    let own = format!("{origin}/wp-json/wp/v2/comments?post=4217&per_page=100");
    let (status, page) = site.read(&[("src", &src), ("preset", "wordpress"), ("comments", &own)]);
    assert_eq!(status, 200, "{page}");
    assert!(page_data(&page).get("comments_setting").is_none());
    let before = api.hits();
    let (status, page) = site.read(&[("src", &src), ("preset", "nope")]);
    assert_eq!(status, 400, "{page}");
    assert!(page.contains("nope"), "{page}");
    assert_eq!(api.hits(), before);
}

/// The page's data script (what the browser takes the page over from), parsed.
fn page_data(page: &str) -> serde_json::Value {
    script_json(
        page,
        "<script type=\"application/json\" id=\"folio-page-data\">",
    )
}
