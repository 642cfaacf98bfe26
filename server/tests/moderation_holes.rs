//! Issue 12, findings 1 and 5, through the router in-process: an edit cannot slip past moderation, and neither
//! replies nor edits tell a held or missing comment from one that exists.
#![allow(dead_code)] // The shared harness has more helpers than one test file uses.

include!("harness/http.rs");

const TOKEN: &str = "moderator-secret-0123";

fn bearer(token: &str) -> String {
    format!("Bearer {token}")
}

/// Posts `body` as Ana; the answer.
fn post(server: &Server, body: Value) -> Response {
    server.post_json(&comments_path(), &body)
}

/// An edit of comment `id` to `text` with `token`.
fn patch(server: &Server, id: &str, token: &str, text: &str) -> Response {
    let edit = json!({ "body": text }).to_string().into_bytes();
    let auth = bearer(token);
    server.request(
        "PATCH",
        &format!("{}/{id}", comments_path()),
        &[
            ("Content-Type", "application/json"),
            ("Authorization", &auth),
        ],
        Some(&edit),
    )
}

// Finding 1: on a --moderate server an approved comment that its poster edits goes back to the moderator's queue
// (202, Folio-Status: pending) and out of the public list, instead of publishing text nobody reviewed.
#[test]
fn edit_on_a_moderated_server_is_held_again() {
    let fixture = Fixture::new();
    let server = fixture.start(&["--moderate", "--moderator-token", TOKEN]);
    let res = post(&server, comment("Ana", "A fair point."));
    assert_eq!(res.status, 202, "{}", res.text());
    let token = res.header("folio-edit-token").expect("a token").to_owned();
    let id = res.json()["id"].as_str().expect("an id").to_owned();
    let approve = format!("/api/moderation/{ARTICLE}/{id}/approve");
    let auth = bearer(TOKEN);
    let approved = server.request("POST", &approve, &[("Authorization", &auth)], None);
    assert_eq!(approved.status, 200, "{}", approved.text());
    assert!(ids(&server.get(&comments_path()).json()).contains(&id));

    let edited = patch(&server, &id, &token, "BUY CHEAP PILLS");
    assert_eq!(edited.status, 202, "{}", edited.text());
    assert_eq!(edited.header("folio-status"), Some("pending"));
    assert_eq!(edited.json()["body"], "BUY CHEAP PILLS");
    assert!(
        !ids(&server.get(&comments_path()).json()).contains(&id),
        "the edited text is not public before review"
    );
    let queue = server.request(
        "GET",
        "/api/moderation/held",
        &[("Authorization", &auth)],
        None,
    );
    assert_eq!(
        queue.json()["held"][0]["comment"]["body"],
        "BUY CHEAP PILLS"
    );
    // Without --moderate an edit stays published, as before.
    drop(server);
    let open = fixture.start(&[]);
    let res = post(&open, comment("Ana", "Tpyo"));
    let token = res.header("folio-edit-token").expect("a token").to_owned();
    let id = res.json()["id"].as_str().expect("an id").to_owned();
    let edited = patch(&open, &id, &token, "Typo");
    assert_eq!(edited.status, 200, "{}", edited.text());
    assert_eq!(edited.header("folio-status"), Some("published"));
}

// Finding 5: a reply to a held comment is refused exactly like a reply to a comment that does not exist, so
// replies neither find nor attach to comments no moderator approved.
#[test]
fn held_and_missing_parents_get_one_answer() {
    let fixture = Fixture::new();
    let server = fixture.start(&["--moderate"]);
    let held = post(&server, comment("Ana", "Waiting for review."));
    assert_eq!(held.status, 202);
    let held_id = held.json()["id"].as_str().expect("an id").to_owned();
    let mut answers = Vec::new();
    for parent in [held_id.as_str(), "p999", "nope"] {
        let mut reply = comment("Bo", "Replying.");
        reply["parent"] = json!(parent);
        let res = post(&server, reply);
        answers.push((res.status, res.json()));
    }
    assert_eq!(answers[0].0, 400, "{:?}", answers[0]);
    assert_eq!(answers[0].1["error"]["field"], "parent");
    assert!(answers.iter().all(|a| *a == answers[0]), "{answers:?}");
    let mut reply = comment("Bo", "To a published one.");
    reply["parent"] = json!("c1");
    assert_eq!(post(&server, reply).status, 202);
}

// Finding 5: PATCH and DELETE answer a missing comment, a held one and a seed with the same status and body as a
// wrong token, so they cannot be used to find out which ids exist.
#[test]
fn edits_do_not_tell_missing_from_foreign_comments() {
    let fixture = Fixture::new();
    let server = fixture.start(&["--moderate"]);
    let mine = post(&server, comment("Ana", "Mine."));
    let token = mine.header("folio-edit-token").expect("a token").to_owned();
    let theirs = post(&server, comment("Bo", "Theirs, held."));
    let their_id = theirs.json()["id"].as_str().expect("an id").to_owned();
    let mut answers = Vec::new();
    for id in [their_id.as_str(), "c1", "p999", "nope"] {
        let res = patch(&server, id, &token, "Hijacked");
        answers.push((res.status, res.json()));
        let auth = bearer(&token);
        let path = format!("{}/{id}", comments_path());
        let res = server.request("DELETE", &path, &[("Authorization", &auth)], None);
        answers.push((res.status, res.json()));
    }
    assert_eq!(answers[0].0, 403, "{:?}", answers[0]);
    assert!(answers.iter().all(|a| *a == answers[0]), "{answers:?}");
}
