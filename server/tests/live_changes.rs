//! Issue 16: edits, deletes and approved edits reach the readers' event streams as `changed` events, exactly once on
//! every stream. On PostgreSQL (`FOLIO_TEST_DATABASE_URL`, set by scripts/postgres.sh) through two instances on one
//! database: the change is made on A and read on B's stream (relayed by B's listener) and on A's (published by A's
//! handler). On SQLite, where one process owns the file, both streams are on the one instance.

mod common;

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::Duration;

use common::{request, request_with, EventStream, Server, Site, ARTICLE};
use serde_json::json;

const MODERATOR: &str = "moderator-secret-0123";

/// The instances to use: two on PostgreSQL, one (twice) on SQLite.
fn instances(site: &Site, flags: &[&str]) -> (Server, Option<Server>) {
    let a = site.start_with(flags);
    let b = site.store.url().map(|_| site.start_with(flags));
    (a, b)
}

/// Posts `body` on `port`: the comment's id, its edit token, and the status.
fn post(port: u16, body: &str) -> (String, String, u16) {
    let mut socket = TcpStream::connect(("127.0.0.1", port)).expect("connect");
    let payload = json!({"author": {"name": "Live"}, "body": body, "format": "text"}).to_string();
    let head = format!(
        "POST /api/articles/{ARTICLE}/comments HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\
         Content-Type: application/json\r\nContent-Length: {}\r\n\r\n{payload}",
        payload.len()
    );
    socket.write_all(head.as_bytes()).expect("send");
    let mut raw = String::new();
    socket.read_to_string(&mut raw).expect("answer");
    let status = raw
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .expect("a status");
    let token = raw
        .lines()
        .find_map(|l| {
            let (name, value) = l.split_once(':')?;
            name.eq_ignore_ascii_case("folio-edit-token")
                .then(|| value.trim().to_owned())
        })
        .expect("an edit token");
    let start = raw.find(r#""id":""#).expect("an id") + 6;
    let id = raw[start..].split('"').next().expect("an id").to_owned();
    (id, token, status)
}

fn edit(port: u16, id: &str, token: &str, body: &str) -> u16 {
    let path = format!("/api/articles/{ARTICLE}/comments/{id}");
    let auth = format!("Authorization: Bearer {token}\r\n");
    let payload = json!({"body": body, "format": "markdown"});
    request_with(port, "PATCH", &path, &auth, Some(&payload))
        .expect("an answer")
        .0
}

// An edit and a delete made on A arrive on B's stream (and on A's) as `changed`, exactly once each, the delete as
// the list's placeholder; the new comment itself stays a `message`.
#[test]
fn edits_and_deletes_reach_every_stream_once() {
    let site = Site::new("live-changes");
    let (a, b) = instances(&site, &[]);
    let b_port = b.as_ref().map_or(a.port, |b| b.port);
    let mut streams = [EventStream::open(a.port), EventStream::open(b_port)];

    let (id, token, status) = post(a.port, "before the edit");
    assert_eq!(status, 201);
    for s in &mut streams {
        assert!(s.wait_until(Duration::from_secs(10), |s| s
            .count("message", "before the edit")
            == 1));
    }
    assert_eq!(edit(a.port, &id, &token, "after the edit"), 200);
    for s in &mut streams {
        assert!(
            s.wait_until(Duration::from_secs(10), |s| s
                .count("changed", "after the edit")
                == 1),
            "no change: {:?}",
            s.seen
        );
    }
    let path = format!("/api/articles/{ARTICLE}/comments/{id}");
    let auth = format!("Authorization: Bearer {token}\r\n");
    let (status, _) = request_with(a.port, "DELETE", &path, &auth, None).expect("an answer");
    assert_eq!(status, 204);
    let placeholder = format!(r#""id":"{id}""#);
    for s in &mut streams {
        assert!(s.wait_until(Duration::from_secs(10), |s| s
            .count("changed", r#""deleted":true"#)
            == 1));
        assert_eq!(s.count("changed", &placeholder), 2, "{:?}", s.seen);
    }
    // The list shows what the stream said: the placeholder in place.
    let (_, list) = request(
        b_port,
        "GET",
        &format!("/api/articles/{ARTICLE}/comments"),
        None,
    )
    .expect("the list");
    assert_eq!(list["comments"][0]["deleted"], true, "{list}");

    // A marker posted last, so any duplicate sent before it has arrived by then.
    post(a.port, "the end marker");
    for s in &mut streams {
        assert!(s.wait_until(Duration::from_secs(10), |s| s
            .count("message", "the end marker")
            == 1));
        assert_eq!(s.count("changed", &placeholder), 2, "{:?}", s.seen);
        assert_eq!(s.count("message", &placeholder), 1, "{:?}", s.seen);
    }
}

// On a moderated server an edit is not streamed while it waits; approving it (on the other instance) sends it as
// `changed`, while approving a new comment sends it as a `message`.
#[test]
fn an_approved_edit_is_a_change() {
    let site = Site::new("live-approved-edit");
    let flags = ["--moderate", "--moderator-token", MODERATOR];
    let (a, b) = instances(&site, &flags);
    let b_port = b.as_ref().map_or(a.port, |b| b.port);
    let mut streams = [EventStream::open(a.port), EventStream::open(b_port)];
    let approve = |id: &str| {
        let path = format!("/api/moderation/{ARTICLE}/{id}/approve");
        let auth = format!("Authorization: Bearer {MODERATOR}\r\n");
        request_with(b_port, "POST", &path, &auth, None)
            .expect("an answer")
            .0
    };

    let (id, token, status) = post(a.port, "first version");
    assert_eq!(status, 202);
    assert_eq!(approve(&id), 200);
    for s in &mut streams {
        assert!(s.wait_until(Duration::from_secs(10), |s| s
            .count("message", "first version")
            == 1));
    }
    assert_eq!(edit(a.port, &id, &token, "second version"), 202);
    assert_eq!(approve(&id), 200);
    for s in &mut streams {
        assert!(
            s.wait_until(Duration::from_secs(10), |s| s
                .count("changed", "second version")
                == 1),
            "{:?}",
            s.seen
        );
    }
    post(a.port, "marker");
    assert_eq!(approve_last(b_port), 200);
    for s in &mut streams {
        assert!(
            s.wait_until(Duration::from_secs(10), |s| s.count("message", "marker")
                == 1)
        );
        assert_eq!(s.count("changed", "version"), 1, "{:?}", s.seen);
        assert_eq!(s.count("message", "version"), 1, "{:?}", s.seen);
    }
}

/// Approves the oldest held comment on `port`.
fn approve_last(port: u16) -> u16 {
    let auth = format!("Authorization: Bearer {MODERATOR}\r\n");
    let (_, queue) =
        request_with(port, "GET", "/api/moderation/held", &auth, None).expect("the queue");
    let id = queue["held"][0]["comment"]["id"]
        .as_str()
        .expect("a held comment")
        .to_owned();
    let path = format!("/api/moderation/{ARTICLE}/{id}/approve");
    request_with(port, "POST", &path, &auth, None)
        .expect("an answer")
        .0
}
