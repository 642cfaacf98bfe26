//! `GET /read/{id}` on the real binary: the server's own articles as finished pages (issue 15, server rendering),
//! as `curl` and a crawler see them, with the repository's demo (its articles, seed comments and the SPA's
//! `index.html`) as the dist.

include!("harness/spawn.rs");
include!("harness/database.rs");
include!("harness/page.rs");

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::time::Duration;

use serde_json::Value;

/// A dist made of the repository's `index.html` and `demo/`, and a database beside it; removed on drop.
struct Demo {
    root: PathBuf,
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for entry in std::fs::read_dir(from).expect("read_dir") {
        let entry = entry.expect("entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("type").is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("copy");
        }
    }
}

impl Demo {
    /// `name` keeps the tests' directories apart (they run in parallel in one process).
    fn new(name: &str) -> Demo {
        let repo = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        let root = Path::new(env!("CARGO_TARGET_TMPDIR"))
            .join(format!("folio-read-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        copy_dir(&repo.join("demo"), &root.join("dist/demo"));
        std::fs::copy(repo.join("index.html"), root.join("dist/index.html")).expect("index");
        Demo { root }
    }
}

impl Drop for Demo {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.root);
    }
}

/// `GET path` with `Host: news.example`: status, headers and body as text.
fn get(port: u16, path: &str) -> (u16, String, String) {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).expect("connect");
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
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
    (status, head.to_ascii_lowercase(), body.to_string())
}

fn json_ld(page: &str) -> Value {
    script_json(page, "<script type=\"application/ld+json\">")
}

// The seed article's page holds everything a reader sees, and what crawlers read in its head.
#[test]
fn seed_article_page_is_complete_html() {
    let demo = Demo::new("seed");
    // SQLite, or a fresh PostgreSQL database under scripts/postgres.sh.
    let store = database::TestDb::new(demo.root.join("folio.db"));
    let (mut child, port) = spawn::spawn_server(&demo.root.join("dist"), &store.arg(), &[]);
    let (status, head, page) = get(port, "/read/cuba-china-military-cooperation");
    let _ = child.kill();
    assert_eq!(status, 200, "{page}");
    assert!(head.contains("content-type: text/html"), "{head}");
    for text in [
        "<title>Cuba and China Agree to Strengthen Military Cooperation</title>",
        "<meta name=\"description\" content=\"China's defense minister said",
        "<meta property=\"og:title\"",
        "<meta name=\"twitter:card\"",
        ">Cuba and China Agree to Strengthen Military Cooperation</h1>",
        "Cuban president Raul Castro (L) meets",
        "Photo: AFP",
        "During an official state visit to Beijing this week",
        ">Related</p>",
        "https://x.com/intent/post?text=",
        "Post with no comments.",
    ] {
        assert!(page.contains(text), "{text} missing");
    }
    let ld = json_ld(&page);
    assert_eq!(ld["@type"], "NewsArticle");
    assert_eq!(ld["commentCount"], 0);
}

// The threaded demo's page holds its first comments, nested, and they are in the JSON-LD; an unknown id is a 404.
#[test]
fn threaded_page_has_comments_and_unknown_ids_are_404() {
    let demo = Demo::new("threaded");
    // SQLite, or a fresh PostgreSQL database under scripts/postgres.sh.
    let store = database::TestDb::new(demo.root.join("folio.db"));
    let (mut child, port) = spawn::spawn_server(&demo.root.join("dist"), &store.arg(), &[]);
    let (status, _, page) = get(port, "/read/night-trains-return");
    let missing = get(port, "/read/no-such-article");
    let walk = get(port, "/read/..%2F..%2Fetc%2Fpasswd");
    let (snippet_status, _, snippet) = get(port, "/embed-snippet/night-trains-return");
    let no_snippet = get(port, "/embed-snippet/no-such-article");
    let _ = child.kill();
    assert_eq!(status, 200);
    let c1 = page.find("id=\"comment-c1\"").expect("c1 drawn");
    let c2 = page.find("id=\"comment-c2\"").expect("c2 drawn");
    assert!(page[c1..c2].contains("<ol"), "c2 nested under c1");
    let ld = json_ld(&page);
    assert!(ld["comment"].as_array().is_some_and(|c| c.len() >= 10));
    assert!(ld["commentCount"].as_u64().is_some_and(|n| n >= 10));
    // Comment ids are anchors on the article's own address (the demo's `url`).
    assert!(ld["comment"][0]["@id"]
        .as_str()
        .is_some_and(|i| i.ends_with("#comment-c1")));
    assert_eq!(missing.0, 404);
    assert_eq!(walk.0, 404);
    // The embed snippet: the element, with the article and its thread inside, on the reader's origin.
    assert_eq!(snippet_status, 200);
    assert!(snippet.starts_with(
        "<folio-reader src=\"http://news.example/demo/articles/night-trains-return.json\""
    ));
    assert!(snippet.contains("<strong>Jonas Weber</strong>"));
    assert_eq!(no_snippet.0, 404);
}

// The SPA's own address for an own article (`/?src=…`) answers the rendered page, like `/read/{id}`; every other
// `?src=` (another origin, an unknown article, a setting the rendered page does not carry) is the SPA as before.
#[test]
fn spa_query_for_an_own_article_is_rendered() {
    let demo = Demo::new("spa-src");
    let store = database::TestDb::new(demo.root.join("folio.db"));
    let (mut child, port) = spawn::spawn_server(&demo.root.join("dist"), &store.arg(), &[]);
    let own = "/?src=/demo/articles/night-trains-return.json";
    let rendered = get(port, own);
    let absolute = get(
        port,
        "/index.html?src=http%3A%2F%2Fnews.example%2Fdemo%2Farticles%2Fnight-trains-return.json&lang=es",
    );
    let spa = [
        "/",
        "/?src=https://api.example/demo/articles/night-trains-return.json",
        "/?src=/demo/articles/no-such-article.json",
        "/?src=/demo/articles/night-trains-return.json&theme=dark",
        "/?src=/demo/articles/night-trains-return.json&preset=wordpress",
    ]
    .map(|path| (path, get(port, path)));
    let _ = child.kill();
    let src = "data-src=\"http://news.example/demo/articles/night-trains-return.json\"";
    assert_eq!(rendered.0, 200);
    assert!(rendered.2.contains(src), "{}", rendered.2);
    assert!(rendered.2.contains("id=\"comment-c1\""));
    assert_eq!(absolute.0, 200);
    assert!(absolute.2.contains(src));
    assert!(absolute.2.contains("data-lang=\"es\""));
    for (path, (status, _, body)) in spa {
        assert_eq!(status, 200, "{path}");
        assert!(
            body.contains("<div id=\"folio-root\"></div>"),
            "{path}: the SPA"
        );
    }
}

/// The data script the SPA takes the page over from, parsed.
fn page_data(page: &str) -> Value {
    script_json(
        page,
        "<script type=\"application/json\" id=\"folio-page-data\">",
    )
}

// A paged list's first page goes into the page with the headers the widget pages by (its `Link` to page 2 and the
// total), so the browser that takes the page over can load page 2 as it would have after its own fetch.
#[test]
fn paged_list_hands_its_paging_headers_to_the_browser() {
    let demo = Demo::new("paged");
    let store = database::TestDb::new(demo.root.join("folio.db"));
    let (mut child, port) =
        spawn::spawn_server(&demo.root.join("dist"), &store.arg(), &["--page-size", "5"]);
    let (status, _, page) = get(port, "/read/night-trains-return");
    let _ = child.kill();
    assert_eq!(status, 200);
    let headers = page_data(&page)["comments"]["headers"].clone();
    let header = |name: &str| {
        headers
            .as_array()
            .and_then(|h| h.iter().find(|pair| pair[0] == name))
            .and_then(|pair| pair[1].as_str())
            .map(str::to_string)
    };
    assert!(
        header("link").is_some_and(|l| l.contains("rel=\"next\"") && l.contains("page=2")),
        "{headers}"
    );
    assert!(header("x-total-count").is_some(), "{headers}");
    assert!(page.contains("id=\"comment-c5\"") && !page.contains("id=\"comment-c9\""));
}
