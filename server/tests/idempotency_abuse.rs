//! Issue 12, findings 3 and 4, through the router in-process: an `Idempotency-Key` replays only the request that
//! stored it, never hands out the edit token again, expires, is freed when its comment is rejected, and does not
//! get around the rate limit.
#![allow(dead_code)] // The shared harness has more helpers than one test file uses.

include!("harness/http.rs");

const TOKEN: &str = "moderator-secret-0123";

fn post_keyed(server: &Server, body: &Value, key: &str) -> Response {
    let bytes = body.to_string().into_bytes();
    let headers = [
        ("Content-Type", "application/json"),
        ("Idempotency-Key", key),
    ];
    server.request("POST", &comments_path(), &headers, Some(&bytes))
}

// Finding 3: another poster's key with another body and author is refused (422) and learns nothing: no comment,
// no token. A true retry gets the comment back, but never the edit token again.
#[test]
fn reused_key_never_hands_out_the_comment_or_its_token() {
    let fixture = Fixture::new();
    let server = fixture.start(&[]);
    let victim = post_keyed(&server, &comment("Vera", "My own words."), "shared-key");
    assert_eq!(victim.status, 201, "{}", victim.text());
    assert!(victim.header("folio-edit-token").is_some());

    let thief = post_keyed(&server, &comment("Mallory", "Mine now."), "shared-key");
    assert_eq!(thief.status, 422, "{}", thief.text());
    assert_eq!(thief.json()["error"]["code"], "idempotency_key_reused");
    assert_eq!(thief.header("folio-edit-token"), None);
    assert!(!thief.text().contains("My own words"), "{}", thief.text());
    // The same body under another name is another request too.
    let renamed = post_keyed(&server, &comment("Mallory", "My own words."), "shared-key");
    assert_eq!(renamed.status, 422);

    let retry = post_keyed(&server, &comment("Vera", "My own words."), "shared-key");
    assert_eq!(retry.status, 200, "{}", retry.text());
    assert_eq!(retry.json(), victim.json());
    assert_eq!(
        retry.header("folio-edit-token"),
        None,
        "a replay carries no token"
    );
    assert_eq!(retry.header("folio-editable-until"), None);
    assert_eq!(retry.header("folio-status"), Some("published"));
}

// Finding 3: keys expire after --idempotency-window; the same key then stores a new comment.
#[test]
fn idempotency_keys_expire() {
    let fixture = Fixture::new();
    let server = fixture.start(&["--idempotency-window", "0"]);
    let body = comment("Ida", "Once, then again.");
    let first = post_keyed(&server, &body, "old-key");
    assert_eq!(first.status, 201);
    std::thread::sleep(std::time::Duration::from_millis(20));
    let second = post_keyed(&server, &body, "old-key");
    assert_eq!(second.status, 201, "{}", second.text());
    assert_ne!(second.json()["id"], first.json()["id"]);
    drop(server);
    // The default window keeps the key for a day.
    let server = fixture.start(&[]);
    assert_eq!(post_keyed(&server, &body, "new-key").status, 201);
    assert_eq!(post_keyed(&server, &body, "new-key").status, 200);
}

// Finding 4: after a moderator rejects a comment, a retry with its key is a new post (202), not a 500.
#[test]
fn rejected_comment_frees_its_key() {
    let fixture = Fixture::new();
    let server = fixture.start(&["--moderate", "--moderator-token", TOKEN]);
    let body = comment("Rex", "Second thoughts.");
    let held = post_keyed(&server, &body, "rejected-key");
    assert_eq!(held.status, 202);
    let id = held.json()["id"].as_str().expect("an id").to_owned();
    let reject = format!("/api/moderation/{ARTICLE}/{id}/reject");
    let auth = format!("Bearer {TOKEN}");
    let res = server.request("POST", &reject, &[("Authorization", &auth)], None);
    assert_eq!(res.status, 204);
    let again = post_keyed(&server, &body, "rejected-key");
    assert_eq!(again.status, 202, "{}", again.text());
    assert_ne!(again.json()["id"], id.as_str());
    assert!(again.header("folio-edit-token").is_some(), "a new comment");
}

// Finding 4: replays count against --rate-limit like any post, so a key cannot be used to hammer the server.
#[test]
fn replays_go_through_the_rate_limit() {
    let fixture = Fixture::new();
    let server = fixture.start(&["--rate-limit", "2"]);
    let body = comment("Ana", "Hello");
    assert_eq!(post_keyed(&server, &body, "k").status, 201);
    assert_eq!(post_keyed(&server, &body, "k").status, 200);
    let third = post_keyed(&server, &body, "k");
    assert_eq!(third.status, 429, "{}", third.text());
    assert!(third.header("retry-after").is_some());
}
