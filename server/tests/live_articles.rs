//! Issue 14: live articles on the reference server. An editor (with the `--editor-token`) adds an entry, edits it,
//! edits an entry of the article file and corrects the body; each reaches the article's event stream once, as
//! `message`, `changed` and `body`; the article document then carries them, with a new `ETag` (a poll with the
//! old one gets the new document, one with the new one a 304). Wrong or missing tokens, bad fields and articles that
//! are not live are refused. On PostgreSQL (`FOLIO_TEST_DATABASE_URL`) through two instances on one database: the
//! editor writes on A, the reader's stream is on B (relayed by B's listener).

mod common;

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::Duration;

use common::{request, request_with, EventStream, Site, ARTICLE};
use serde_json::{json, Value};

const EDITOR: &str = "editor-secret-0123456";
const LIVE: &str = "live-blog";

/// A GET of `path` with extra header lines: the status, the `ETag` and the body as JSON.
fn get(port: u16, path: &str, headers: &str) -> (u16, Option<String>, Value) {
    let mut socket = TcpStream::connect(("127.0.0.1", port)).expect("connect");
    let head =
        format!("GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n{headers}\r\n");
    socket.write_all(head.as_bytes()).expect("send");
    let mut raw = String::new();
    socket.read_to_string(&mut raw).expect("answer");
    let status = raw
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .expect("a status");
    let (head, body) = raw.split_once("\r\n\r\n").expect("a head");
    let etag = head.lines().find_map(|l| {
        let (name, value) = l.split_once(':')?;
        name.eq_ignore_ascii_case("etag")
            .then(|| value.trim().to_owned())
    });
    (
        status,
        etag,
        serde_json::from_str(body).unwrap_or(Value::Null),
    )
}

fn as_editor(token: &str) -> String {
    format!("Authorization: Bearer {token}\r\n")
}

fn send(port: u16, method: &str, path: &str, token: &str, body: &Value) -> (u16, Value) {
    request_with(port, method, path, &as_editor(token), Some(body)).expect("an answer")
}

fn entry_ids(doc: &Value) -> Vec<String> {
    doc["entries"]
        .as_array()
        .expect("entries")
        .iter()
        .map(|e| e["id"].as_str().unwrap_or("").to_owned())
        .collect()
}

#[test]
fn editors_publish_and_readers_follow() {
    let site = Site::new("live-articles");
    let live = json!({
        "id": LIVE, "title": "Live", "body": "<p>As it happens</p>", "live": true,
        "published": "2026-03-01T06:00:00Z",
        "entries": [{"id": "s1", "published": "2026-03-01T06:05:00Z", "author": "Desk", "body": "<p>Seed entry</p>"}]
    });
    std::fs::write(
        site.root.join(format!("dist/demo/articles/{LIVE}.json")),
        live.to_string(),
    )
    .expect("live article");
    let flags = ["--editor-token", EDITOR];
    let a = site.start_with(&flags);
    let b = site.store.url().map(|_| site.start_with(&flags));
    let reader_port = b.as_ref().map_or(a.port, |b| b.port);
    let doc_path = format!("/demo/articles/{LIVE}.json");

    // The document as the file has it, with the stream's link and a validator.
    let (status, first_tag, doc) = get(reader_port, &doc_path, "");
    assert_eq!(status, 200, "{doc}");
    assert_eq!(doc["events"], format!("/api/articles/{LIVE}/live"));
    assert_eq!(entry_ids(&doc), ["s1"]);
    let first_tag = first_tag.expect("an ETag");
    let (status, _, _) = get(
        reader_port,
        &doc_path,
        &format!("If-None-Match: {first_tag}\r\n"),
    );
    assert_eq!(status, 304, "unchanged: a 304");

    let mut stream = EventStream::open_at(reader_port, &format!("/api/articles/{LIVE}/live"));
    let entries = format!("/api/articles/{LIVE}/entries");

    // No token, a wrong token, a bad field, a non-live article: refused, nothing streamed.
    let new = json!({"author": {"name": "Ana"}, "title": "Harbour closed", "body": "<p>Harbour closed at 9</p>"});
    let (status, _) = request(a.port, "POST", &entries, Some(&new)).expect("an answer");
    assert_eq!(status, 403);
    assert_eq!(
        send(a.port, "POST", &entries, "wrong-token-0123456789", &new).0,
        403
    );
    let (status, err) = send(
        a.port,
        "POST",
        &entries,
        EDITOR,
        &json!({"author": "Ana", "body": ""}),
    );
    assert_eq!(
        (status, err["error"]["field"].as_str()),
        (400, Some("body"))
    );
    let other = format!("/api/articles/{ARTICLE}/entries");
    assert_eq!(
        send(a.port, "POST", &other, EDITOR, &new).0,
        404,
        "not a live article"
    );

    // A new entry: 201, streamed once as `message`.
    let (status, added) = send(a.port, "POST", &entries, EDITOR, &new);
    assert_eq!(status, 201, "{added}");
    let id = added["id"].as_str().expect("an id").to_owned();
    assert!(id.starts_with('e'), "{id}");
    assert_eq!(added["author"]["name"], "Ana");
    assert!(
        stream.wait_for("Harbour closed at 9", Duration::from_secs(10)),
        "{}",
        stream.seen
    );

    // Edited: `changed`; a seed entry edited: stored, `changed`; the body corrected: `body`.
    let fixed = json!({"body": "<p>Harbour closed at 9.30</p>"});
    let (status, edited) = send(a.port, "PATCH", &format!("{entries}/{id}"), EDITOR, &fixed);
    assert_eq!(status, 200, "{edited}");
    assert!(edited["updated"].is_string());
    assert_eq!(edited["title"], "Harbour closed", "the title stays");
    let seed = json!({"body": "<p>Seed entry, corrected</p>"});
    assert_eq!(
        send(a.port, "PATCH", &format!("{entries}/s1"), EDITOR, &seed).0,
        200
    );
    assert_eq!(
        send(a.port, "PATCH", &format!("{entries}/nope"), EDITOR, &seed).0,
        404
    );
    let body = json!({"body": "As it *happens*", "body_format": "markdown"});
    let (status, correction) = send(
        a.port,
        "PUT",
        &format!("/api/articles/{LIVE}/body"),
        EDITOR,
        &body,
    );
    assert_eq!(
        (status, correction["body_format"].as_str()),
        (200, Some("markdown"))
    );
    assert!(
        stream.wait_until(Duration::from_secs(10), |s| {
            s.count("changed", "9.30") == 1
                && s.count("changed", "Seed entry, corrected") == 1
                && s.count("body", "As it *happens*") == 1
        }),
        "{}",
        stream.seen
    );
    assert_eq!(
        stream.count("message", "Harbour closed at 9"),
        1,
        "each once"
    );

    // The document now carries all of it, newest first, under a new validator.
    let (status, tag, doc) = get(
        reader_port,
        &doc_path,
        &format!("If-None-Match: {first_tag}\r\n"),
    );
    assert_eq!(status, 200, "changed: the document again");
    assert_ne!(tag.as_deref(), Some(first_tag.as_str()));
    assert_eq!(entry_ids(&doc), [id.as_str(), "s1"]);
    assert_eq!(doc["entries"][0]["body"], "<p>Harbour closed at 9.30</p>");
    assert_eq!(doc["entries"][1]["body"], "<p>Seed entry, corrected</p>");
    assert_eq!(
        (doc["body"].as_str(), doc["body_format"].as_str()),
        (Some("As it *happens*"), Some("markdown"))
    );
    assert_eq!(doc["updated"], correction["updated"], "the last change");

    // The rendered page is drawn from the same document: the entries as edited, the corrected body, the stream.
    std::fs::copy(
        concat!(env!("CARGO_MANIFEST_DIR"), "/../index.html"),
        site.root.join("dist/index.html"),
    )
    .expect("the SPA's page template");
    let page = page_text(reader_port, &format!("/read/{LIVE}"));
    for text in [
        "Harbour closed at 9.30",
        "Seed entry, corrected",
        "As it <em>happens</em>",
        "/api/articles/live-blog/live",
    ] {
        assert!(page.contains(text), "{text} missing from the rendered page");
    }
}

/// The body of `GET path` as text.
fn page_text(port: u16, path: &str) -> String {
    let mut socket = TcpStream::connect(("127.0.0.1", port)).expect("connect");
    let head = format!("GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    socket.write_all(head.as_bytes()).expect("send");
    let mut raw = String::new();
    socket.read_to_string(&mut raw).expect("answer");
    assert!(raw.starts_with("HTTP/1.1 200"), "{raw}");
    raw
}

// Without an editor token the endpoints are off, and the stream of an article that is not live is a 404; with
// `--no-events` the document has no stream link (readers poll it).
#[test]
fn off_without_a_token_and_no_stream_link_with_no_events() {
    let site = Site::new("live-off");
    let live = json!({"id": LIVE, "title": "Live", "body": "<p>b</p>", "live": true});
    std::fs::write(
        site.root.join(format!("dist/demo/articles/{LIVE}.json")),
        live.to_string(),
    )
    .expect("live article");
    let server = site.start_with(&["--no-events"]);
    let new = json!({"author": "Ana", "body": "x"});
    let (status, err) = send(
        server.port,
        "POST",
        &format!("/api/articles/{LIVE}/entries"),
        EDITOR,
        &new,
    );
    assert_eq!(status, 403);
    assert!(
        err["error"]["message"]
            .as_str()
            .unwrap_or("")
            .contains("--editor-token"),
        "{err}"
    );
    let (status, _, doc) = get(server.port, &format!("/demo/articles/{LIVE}.json"), "");
    assert_eq!(status, 200);
    assert!(doc.get("events").is_none(), "{doc}");
    assert_eq!(doc["entries"], json!([]));
    let (status, _) = request(
        server.port,
        "GET",
        &format!("/api/articles/{ARTICLE}/live"),
        None,
    )
    .expect("answer");
    assert_eq!(status, 404);
}
