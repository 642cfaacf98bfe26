//! The moderator's endpoints and the live-update options, through the server's router (in-process): held comments are
//! approved or rejected with the moderator token (and only with it), approval publishes the comment, and
//! `--no-events` leaves the stream link out of the list.

include!("harness/http.rs");

const TOKEN: &str = "moderator-secret-0123";

fn with_token(server: &Server, method: &str, path: &str, token: &str) -> Response {
    let bearer = format!("Bearer {token}");
    server.request(method, path, &[("Authorization", bearer.as_str())], None)
}

/// Post a comment on a `--moderate` server and return its id (held: 202, `Folio-Status: pending`).
fn post_held(server: &Server, body: &str) -> String {
    let res = server.post_json(&comments_path(), &comment("Hal", body));
    assert_eq!(res.status, 202, "{}", res.text());
    assert_eq!(res.header("folio-status"), Some("pending"));
    res.json()["id"].as_str().expect("an id").to_owned()
}

// A held comment is in the moderator's queue, not in the list; approving it publishes it (once).
#[test]
fn approve_publishes_a_held_comment() {
    let fixture = Fixture::new();
    let server = fixture.start(&["--moderate", "--moderator-token", TOKEN]);
    let id = post_held(&server, "Wait for me.");
    assert!(!ids(&server.get(&comments_path()).json()).contains(&id));

    let queue = with_token(&server, "GET", "/api/moderation/held", TOKEN);
    assert_eq!(queue.status, 200, "{}", queue.text());
    assert_eq!(queue.header("cache-control"), Some("no-store"));
    let held = queue.json();
    assert_eq!(held["held"][0]["article"], ARTICLE);
    assert_eq!(held["held"][0]["comment"]["id"], id.as_str());
    assert_eq!(held["held"][0]["comment"]["body"], "Wait for me.");

    let approve = format!("/api/moderation/{ARTICLE}/{id}/approve");
    let res = with_token(&server, "POST", &approve, TOKEN);
    assert_eq!(res.status, 200, "{}", res.text());
    assert_eq!(res.json()["id"], id.as_str());
    assert!(ids(&server.get(&comments_path()).json()).contains(&id));
    assert_eq!(
        with_token(&server, "GET", "/api/moderation/held", TOKEN).json()["held"],
        json!([])
    );
    // Approving twice, or a comment that was never held, finds nothing to approve.
    assert_eq!(with_token(&server, "POST", &approve, TOKEN).status, 404);
    let seed = format!("/api/moderation/{ARTICLE}/c1/approve");
    assert_eq!(with_token(&server, "POST", &seed, TOKEN).status, 404);
}

// Rejecting drops a held comment for good: neither listed nor queued.
#[test]
fn reject_drops_a_held_comment() {
    let fixture = Fixture::new();
    let server = fixture.start(&["--moderate", "--moderator-token", TOKEN]);
    let id = post_held(&server, "Spam, probably.");
    let reject = format!("/api/moderation/{ARTICLE}/{id}/reject");
    let res = with_token(&server, "POST", &reject, TOKEN);
    assert_eq!(res.status, 204, "{}", res.text());
    assert!(!ids(&server.get(&comments_path()).json()).contains(&id));
    assert_eq!(
        with_token(&server, "GET", "/api/moderation/held", TOKEN).json()["held"],
        json!([])
    );
    assert_eq!(with_token(&server, "POST", &reject, TOKEN).status, 404);
}

// Without the right token nothing is shown or changed; without a configured token the endpoints are off.
#[test]
fn moderation_needs_the_token() {
    let fixture = Fixture::new();
    let server = fixture.start(&["--moderate", "--moderator-token", TOKEN]);
    let id = post_held(&server, "Still waiting.");
    let approve = format!("/api/moderation/{ARTICLE}/{id}/approve");
    for (method, path) in [("GET", "/api/moderation/held"), ("POST", approve.as_str())] {
        let none = server.request(method, path, &[], None);
        assert_eq!(none.status, 403, "{method} {path} without a token");
        assert_eq!(none.json()["error"]["code"], "forbidden");
        let wrong = with_token(&server, method, path, "moderator-secret-0124");
        assert_eq!(wrong.status, 403, "{method} {path} with a wrong token");
    }
    assert!(!ids(&server.get(&comments_path()).json()).contains(&id));
    drop(server);

    let off = fixture.start(&["--moderate"]);
    let res = with_token(&off, "GET", "/api/moderation/held", TOKEN);
    assert_eq!(res.status, 403);
    assert!(
        res.text().contains("--moderator-token"),
        "says how to turn it on: {}",
        res.text()
    );
}

// The list links its event stream unless --no-events; the list still answers If-None-Match with 304 for pollers.
#[test]
fn no_events_leaves_the_stream_link_out() {
    let fixture = Fixture::new();
    let server = fixture.start(&[]);
    assert_eq!(
        server.get(&comments_path()).json()["events"],
        format!("/api/articles/{ARTICLE}/events")
    );
    drop(server);
    let server = fixture.start(&["--no-events"]);
    let res = server.get(&comments_path());
    assert!(res.json().get("events").is_none(), "{}", res.text());
    let etag = res.header("etag").expect("an ETag").to_owned();
    let again = server.request(
        "GET",
        &comments_path(),
        &[("If-None-Match", etag.as_str())],
        None,
    );
    assert_eq!(again.status, 304);
}
