//! Issue 4 on the reference server: idempotency keys, the honeypot, the per-address rate limit, moderation, edit
//! and delete with the posting token, Server-Sent Events, and ETag revalidation of the list. The harness (fixture,
//! the router in-process, a loopback socket for the event stream) is shared with `api.rs` through `harness/http.rs`.
#![allow(dead_code)]

include!("harness/http.rs");

use std::io::{BufRead, BufReader, Write};
use std::net::TcpStream;
use std::time::Duration;
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

/// The per-address limit answers 429 with Retry-After once exceeded (replays count too: `idempotency_abuse.rs`).
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
    // Over a real socket: the stream's framing is what is under test.
    let mut stream = TcpStream::connect(("127.0.0.1", server.listen())).expect("connect");
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
