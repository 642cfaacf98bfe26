use super::*;

const NOW: i64 = 1_700_000_000_000;

fn grant(until_ms: i64) -> EditGrant {
    EditGrant {
        token: "t".into(),
        until_ms,
        text: "Hi".into(),
    }
}

// The posting answer's headers make a grant; no token, or a date that cannot be read, makes none.
#[test]
fn grant_from_headers() {
    let g =
        EditGrant::from_headers(Some("abc"), Some("2023-11-14T22:13:20Z"), "Hi").expect("a grant");
    assert_eq!(g.token, "abc");
    assert_eq!(g.until_ms, NOW);
    assert!(g.is_open(NOW - 1) && !g.is_open(NOW));
    assert_eq!(
        EditGrant::from_headers(None, Some("2023-11-14T22:13:20Z"), ""),
        None
    );
    assert_eq!(
        EditGrant::from_headers(Some(" "), Some("2023-11-14T22:13:20Z"), ""),
        None
    );
    assert_eq!(EditGrant::from_headers(Some("abc"), Some("soon"), ""), None);
    assert_eq!(EditGrant::from_headers(Some("abc"), None, ""), None);
}

// Only grants whose window is open are offered, and inserting one prunes the expired ones.
#[test]
fn expired_grants_are_not_offered_and_are_pruned() {
    let mut g = EditGrants::default();
    g.insert("old", grant(NOW - 1), NOW - 10);
    g.insert("new", grant(NOW + 60_000), NOW);
    assert_eq!(g.open("new", NOW).map(|x| x.token.as_str()), Some("t"));
    assert_eq!(g.open("old", NOW), None);
    assert!(!g.0.contains_key("old"), "pruned when a new grant was kept");
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
    let mixed = r#"{"c1": {"token": "t", "until_ms": 5, "text": "hi"}, "c2": {"token": 7}, "c3": {"until_ms": 5}}"#;
    let read = EditGrants::from_storage(mixed);
    assert_eq!(read.0.len(), 1);
    assert_eq!(read.0["c1"].token, "t");
    assert_eq!(read.0["c1"].text, "hi");
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
    assert_eq!(g.0.len(), 1, "no grant made up by an edit");
    g.remove("c1");
    assert_eq!(g.open("c1", NOW), None);
}
