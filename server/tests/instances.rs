//! Issue 16: two real `folio-server` processes on one PostgreSQL database, as behind a balancer. A comment posted
//! through A is listed by B and arrives on B's event stream (once, on every stream), one idempotency key sent through
//! both at once stores one comment, the rate limit counts both instances' posts, a SIGKILL of one instance mid-post loses no acknowledged comment, the listener comes back after
//! its connection is cut (and catches up on what it missed), and `/readyz` says when the database is gone.
//!
//! These need a shared database: without `FOLIO_TEST_DATABASE_URL` (scripts/postgres.sh sets it) each test says so
//! and returns; scripts/test.sh runs them on PostgreSQL.

mod common;

use std::time::Duration;

use common::{list_bodies, post, request, EventStream, Site, ARTICLE};
use folio_server::db::pg;

/// The site, unless the tests run on SQLite (where two processes cannot share a store).
fn shared_site(name: &str) -> Option<Site> {
    let site = Site::new(name);
    if site.store.url().is_none() {
        eprintln!(
            "{name}: skipped, needs FOLIO_TEST_DATABASE_URL (run through scripts/postgres.sh)"
        );
        return None;
    }
    Some(site)
}

// Posted on A: listed by B, streamed to B's readers and to A's, each exactly once; and the other way round.
#[test]
fn a_comment_posted_on_one_instance_reaches_the_other() {
    let Some(site) = shared_site("instances-live") else {
        return;
    };
    let (a, b) = (site.start(), site.start());
    let mut on_a = EventStream::open(a.port);
    let mut on_b = EventStream::open(b.port);

    assert!(post(a.port, "from A to everyone").is_some());
    assert!(list_bodies(b.port)
        .iter()
        .any(|s| s.contains("from A to everyone")));
    assert!(
        on_b.wait_for("from A to everyone", Duration::from_secs(10)),
        "B's stream never got A's comment: {:?}",
        on_b.seen
    );
    assert!(on_a.wait_for("from A to everyone", Duration::from_secs(10)));

    assert!(post(b.port, "from B to everyone").is_some());
    assert!(on_a.wait_for("from B to everyone", Duration::from_secs(10)));
    assert!(on_b.wait_for("from B to everyone", Duration::from_secs(10)));
    // A marker posted last, so anything duplicated before it would have arrived by then.
    assert!(post(a.port, "the end marker").is_some());
    assert!(on_a.wait_for("the end marker", Duration::from_secs(10)));
    assert!(on_b.wait_for("the end marker", Duration::from_secs(10)));
    for stream in [&on_a, &on_b] {
        for body in ["from A to everyone", "from B to everyone", "the end marker"] {
            assert_eq!(
                stream.count("message", body),
                1,
                "{body:?} in {:?}",
                stream.seen
            );
        }
    }
}

// The per-client limit counts the posts of both instances: a client cannot get the limit once per instance.
#[test]
fn the_rate_limit_is_shared() {
    let Some(site) = shared_site("instances-limit") else {
        return;
    };
    let (a, b) = (
        site.start_with(&["--rate-limit", "2"]),
        site.start_with(&["--rate-limit", "2"]),
    );
    assert!(post(a.port, "one").is_some());
    assert!(post(b.port, "two").is_some());
    let third = serde_json::json!({"author": {"name": "Load"}, "body": "three", "format": "text"});
    let path = format!("/api/articles/{ARTICLE}/comments");
    let (status, body) = request(a.port, "POST", &path, Some(&third)).expect("an answer");
    assert_eq!(status, 429, "{body}");
    let (status, _) = request(b.port, "POST", &path, Some(&third)).expect("an answer");
    assert_eq!(status, 429);
}

// A posts in a loop while it is SIGKILLed; B, on the same database, lists every comment A acknowledged, once.
#[test]
fn sigkill_of_one_instance_mid_post_loses_no_acknowledged_comment() {
    let Some(site) = shared_site("instances-kill") else {
        return;
    };
    let (a, b) = (site.start(), site.start());
    let port = a.port;
    let poster = std::thread::spawn(move || {
        let mut acknowledged = Vec::new();
        for n in 0..10_000 {
            let body = format!("kill test {n}.");
            match post(port, &body) {
                Some(_) => acknowledged.push(body),
                None => break, // the instance is gone (or the post was cut off: not acknowledged)
            }
        }
        acknowledged
    });
    std::thread::sleep(Duration::from_millis(700));
    a.kill();
    let acknowledged = poster.join().expect("the poster");
    assert!(acknowledged.len() > 3, "too few posts before the kill");
    let stored = list_bodies(b.port);
    for body in &acknowledged {
        let n = stored.iter().filter(|s| *s == body).count();
        assert_eq!(n, 1, "{body:?} stored {n} times: {} listed", stored.len());
    }
}

// Every connection of the instances is cut (as a database restart does): the pool opens new ones, the listener
// reconnects, and a comment posted on A while B's listener was away still reaches B's stream, once.
#[test]
fn the_listener_reconnects_and_catches_up() {
    let Some(site) = shared_site("instances-reconnect") else {
        return;
    };
    let url = site.store.url().expect("a shared store");
    let (a, b) = (site.start(), site.start());
    let mut on_b = EventStream::open(b.port);
    assert!(post(a.port, "before the cut").is_some());
    assert!(on_b.wait_for("before the cut", Duration::from_secs(10)));

    sql(
        &url,
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity \
         WHERE application_name = 'folio-server' AND datname = current_database() \
         AND pid <> pg_backend_pid()",
    );
    // (Only this test's database: the other tests' servers run on the same cluster.) The first post after the cut may meet a dead pooled connection; it is not acknowledged then, and a retry
    // gets a fresh one.
    let posted = (0..20).any(|_| {
        post(a.port, "after the cut").is_some() || {
            std::thread::sleep(Duration::from_millis(250));
            false
        }
    });
    assert!(posted, "A never recovered its connections");
    assert!(
        on_b.wait_for("after the cut", Duration::from_secs(15)),
        "B's stream never got the comment posted after the cut: {:?}",
        on_b.seen
    );
    assert!(list_bodies(b.port).iter().any(|s| s == "after the cut"));
    assert!(post(a.port, "marker").is_some());
    assert!(on_b.wait_for("marker", Duration::from_secs(10)));
    assert_eq!(on_b.count("message", "after the cut"), 1, "{:?}", on_b.seen);
}

// `/healthz` answers while the process runs; `/readyz` turns 503 once the database is gone.
#[test]
fn readiness_follows_the_database() {
    let Some(site) = shared_site("instances-ready") else {
        return;
    };
    let url = site.store.url().expect("a shared store");
    let a = site.start();
    assert_eq!(
        request(a.port, "GET", "/readyz", None).map(|r| r.0),
        Some(200)
    );
    let name = url.rsplit('/').next().expect("a database name").to_owned();
    let admin = url.replacen(&format!("/{name}"), "/postgres", 1);
    sql(&admin, &format!("DROP DATABASE {name} WITH (FORCE)"));
    assert_eq!(
        request(a.port, "GET", "/readyz", None).map(|r| r.0),
        Some(503)
    );
    assert_eq!(
        request(a.port, "GET", "/healthz", None).map(|r| r.0),
        Some(200)
    );
}

/// One statement on the database at `url`.
fn sql(url: &str, statement: &str) {
    let (url, statement) = (url.to_owned(), statement.to_owned());
    pg::block_on(move || async move {
        let client = pg::connect(&pg::parse_url(&url)?).await?;
        client
            .batch_execute(&statement)
            .await
            .map_err(|err| err.to_string())
    })
    .and_then(|r| r)
    .unwrap_or_else(|err| panic!("{err}"));
}

// The same post with the same Idempotency-Key sent at once through both instances, many times over, from several
// threads: each key stores exactly one comment, every answer names that comment, and ids are never handed out twice.
#[test]
fn one_key_sent_through_both_instances_stores_one_comment() {
    let Some(site) = shared_site("instances-keys") else {
        return;
    };
    let (a, b) = (site.start(), site.start());
    let ports = [a.port, b.port];
    let threads: Vec<_> = (0..4)
        .map(|t| {
            std::thread::spawn(move || {
                let mut answers = Vec::new();
                for n in 0..10 {
                    let key = format!("key-{n}");
                    let body = serde_json::json!({"author": {"name": "Twice"}, "body": format!("keyed {n}"), "format": "text"});
                    let path = format!("/api/articles/{ARTICLE}/comments");
                    let header = format!("Idempotency-Key: {key}\r\n");
                    let port = ports[(t + n) % 2];
                    let (status, v) =
                        common::request_with(port, "POST", &path, &header, Some(&body)).expect("an answer");
                    assert!(status == 201 || status == 200, "{status} {v}");
                    answers.push((n, v["id"].as_str().map(str::to_owned).expect("an id")));
                }
                answers
            })
        })
        .collect();
    let mut by_key: std::collections::HashMap<usize, std::collections::HashSet<String>> =
        std::collections::HashMap::new();
    for t in threads {
        for (n, id) in t.join().expect("a poster") {
            by_key.entry(n).or_default().insert(id);
        }
    }
    for (n, ids) in &by_key {
        assert_eq!(
            ids.len(),
            1,
            "key-{n} answered with several comments: {ids:?}"
        );
    }
    let stored = list_bodies(b.port);
    for n in 0..10 {
        let copies = stored
            .iter()
            .filter(|s| **s == format!("keyed {n}"))
            .count();
        assert_eq!(copies, 1, "keyed {n} stored {copies} times");
    }
}
