use super::*;

const NOW: i64 = 1_700_000_000_000;

fn grant(until_ms: i64) -> EditGrant {
    EditGrant {
        token: "t".into(),
        until_ms,
        text: "Hi".into(),
        origin: API.into(),
    }
}

const API: &str = "https://api.example";
const POST: &str = "https://api.example/api/articles/a/comments";

// The posting answer's headers make a grant; no token, or a date that cannot be read, makes none.
#[test]
fn grant_from_headers() {
    let g = EditGrant::from_headers(Some("abc"), Some("2023-11-14T22:13:20Z"), "Hi", POST)
        .expect("a grant");
    assert_eq!(g.token, "abc");
    assert_eq!(g.origin, API);
    assert_eq!(g.until_ms, NOW);
    assert!(g.is_open(NOW - 1) && !g.is_open(NOW));
    assert_eq!(
        EditGrant::from_headers(None, Some("2023-11-14T22:13:20Z"), "", POST),
        None
    );
    assert_eq!(
        EditGrant::from_headers(Some(" "), Some("2023-11-14T22:13:20Z"), "", POST),
        None
    );
    assert_eq!(
        EditGrant::from_headers(Some("abc"), Some("soon"), "", POST),
        None
    );
    assert_eq!(EditGrant::from_headers(Some("abc"), None, "", POST), None);
}

// Only grants whose window is open are offered, and inserting one prunes the expired ones.
#[test]
fn expired_grants_are_not_offered_and_are_pruned() {
    let mut g = EditGrants::default();
    g.insert("old", grant(NOW - 1), NOW - 10);
    g.insert("new", grant(NOW + 60_000), NOW);
    assert_eq!(g.open("new", NOW).map(|x| x.token.as_str()), Some("t"));
    assert_eq!(g.open("old", NOW), None);
    assert!(g.get("old").is_none(), "pruned when a new grant was kept");
    assert_eq!(g.open("unknown", NOW), None);
}

// Grants round-trip through storage under a per-article key; corrupt storage is no grants at all.
#[test]
fn storage_round_trip() {
    let mut g = EditGrants::default();
    g.insert("c1", grant(NOW + 1), NOW);
    assert_eq!(EditGrants::from_storage(&g.to_storage()), g);
    assert_eq!(EditGrants::from_storage("{not json"), EditGrants::default());
    assert_eq!(
        EditGrants::from_storage(r#"{"c1": 3}"#),
        EditGrants::default()
    );
    // One corrupt entry is skipped; the others still work.
    let mixed = r#"{"c1": {"token": "t", "until_ms": 5, "text": "hi", "origin": "https://api.example"},
        "c2": {"token": 7}, "c3": {"until_ms": 5}}"#;
    let read = EditGrants::from_storage(mixed);
    assert_eq!(read.ids().count(), 1);
    assert_eq!(read.get("c1").expect("kept").token, "t");
    assert_eq!(read.get("c1").expect("kept").text, "hi");
    assert_eq!(read.get("c1").expect("kept").origin, API);
    assert_eq!(
        EditGrants::storage_key("night-trains"),
        "folio:edit:night-trains"
    );
}

// An edit keeps the new text for the next edit; a delete forgets the grant.
#[test]
fn edit_then_delete() {
    let mut g = EditGrants::default();
    g.insert("c1", grant(NOW + 1), NOW);
    g.set_text("c1", "Hello");
    assert_eq!(g.open("c1", NOW).map(|x| x.text.as_str()), Some("Hello"));
    g.set_text("unknown", "x");
    assert_eq!(g.ids().count(), 1, "no grant made up by an edit");
    g.remove("c1");
    assert_eq!(g.open("c1", NOW), None);
}

// The grant records the origin of the URL the comment was posted to: scheme and host in lower case, the default
// port left out, user information and path dropped. No http(s) origin, no grant.
#[test]
fn grant_records_the_origin_it_was_posted_to() {
    let made = |posted_to: &str| {
        EditGrant::from_headers(Some("t"), Some("2023-11-14T22:13:20Z"), "", posted_to)
            .map(|g| g.origin)
    };
    assert_eq!(made(POST).as_deref(), Some(API));
    assert_eq!(
        made("HTTPS://API.Example:443/c?x=1#f").as_deref(),
        Some(API)
    );
    assert_eq!(
        made("http://127.0.0.1:8080/api/articles/a/comments").as_deref(),
        Some("http://127.0.0.1:8080")
    );
    assert_eq!(
        made("http://user:pw@api.example:80/c").as_deref(),
        Some("http://api.example")
    );
    assert_eq!(
        made("http://[::1]:9000/c").as_deref(),
        Some("http://[::1]:9000")
    );
    assert_eq!(made("/api/articles/a/comments"), None, "relative");
    assert_eq!(made("ftp://api.example/c"), None);
    assert_eq!(made("https:///c"), None, "no host");
    assert_eq!(made("https://api.example:http/c"), None, "no port number");
}

// The grant is offered only for URLs of its origin: another host, port or scheme (or a URL that has no origin)
// gets none, so Edit and Delete are not offered and the token is not sent.
#[test]
fn grant_only_for_its_own_origin() {
    let mut g = EditGrants::default();
    g.insert("c1", grant(NOW + 60_000), NOW);
    let token = |url: &str| g.open_for("c1", url, NOW).map(|x| x.token.as_str());
    assert_eq!(token(POST), Some("t"));
    assert_eq!(token("https://api.example/elsewhere/c1"), Some("t"));
    assert_eq!(token("https://API.example:443/x"), Some("t"));
    assert_eq!(token("https://evil.example/api/articles/a/comments"), None);
    assert_eq!(token("https://api.example.evil.example/c"), None);
    assert_eq!(token("https://api.example@evil.example/c"), None);
    assert_eq!(token("https://api.example:8443/c"), None, "another port");
    assert_eq!(token("http://api.example/c"), None, "another scheme");
    assert_eq!(token("/api/articles/a/comments"), None, "no origin");
    assert_eq!(token("javascript:alert(1)"), None);
    assert_eq!(g.open_for("c1", POST, NOW + 60_000), None, "closed window");
    assert_eq!(g.open_for("c2", POST, NOW), None, "unknown comment");
    // A grant with no origin (made by hand) goes nowhere.
    let mut bare = grant(NOW + 60_000);
    bare.origin.clear();
    assert!(!bare.allows(POST));
}

// Grants stored before they carried an origin could not say where their token may go: they are dropped when read
// (the reader loses Edit and Delete on those comments), and the origin round-trips through storage.
#[test]
fn stored_grants_without_an_origin_are_dropped() {
    let old = r#"{"c1": {"token": "t", "until_ms": 1800000000000, "text": "hi"},
        "c2": {"token": "u", "until_ms": 1800000000000, "text": "", "origin": ""},
        "c3": {"token": "v", "until_ms": 1800000000000, "text": "", "origin": 5},
        "c4": {"token": "w", "until_ms": 1800000000000, "text": "", "origin": "http://127.0.0.1:8080"}}"#;
    let read = EditGrants::from_storage(old);
    assert_eq!(read.ids().collect::<Vec<_>>(), ["c4"]);
    assert_eq!(
        read.get("c4").expect("kept").origin,
        "http://127.0.0.1:8080"
    );
    assert!(read
        .to_storage()
        .contains(r#""origin":"http://127.0.0.1:8080""#));
    assert_eq!(EditGrants::from_storage(&read.to_storage()), read);
}

// A second grant for the same comment (posted again after a failed answer) replaces the first: one grant per id.
#[test]
fn a_new_grant_for_a_comment_replaces_its_old_one() {
    let mut g = EditGrants::default();
    g.insert("c1", grant(NOW + 60_000), NOW);
    g.insert("c2", grant(NOW + 60_000), NOW);
    let newer = EditGrant {
        token: "t2".into(),
        ..grant(NOW + 120_000)
    };
    g.insert("c1", newer, NOW);
    assert_eq!(g.ids().collect::<Vec<_>>(), ["c2", "c1"]);
    assert_eq!(g.open("c1", NOW).map(|x| x.token.as_str()), Some("t2"));
}
