use super::*;

fn filled() -> ComposeState {
    ComposeState::default()
        .apply(ComposeAction::Name("Ana".into()))
        .apply(ComposeAction::Body("Hola".into()))
}

// While a post is in flight a second send does nothing: a double click posts once.
#[test]
fn no_second_send_while_sending() {
    let s = filled().apply(ComposeAction::Send("k1".into()));
    assert_eq!(s.status, PostStatus::Sending);
    assert!(!s.can_send());
    let again = s.clone().apply(ComposeAction::Send("k2".into()));
    assert_eq!(again, s);
}

// A retry after a failure reuses the key; editing the text makes a new comment with a new key.
#[test]
fn retry_keeps_key_edit_changes_it() {
    let s = filled()
        .apply(ComposeAction::Send("k1".into()))
        .apply(ComposeAction::Failed(NetError::Offline));
    assert_eq!(s.draft.body, "Hola", "the text survives a failed post");
    let retry = s.clone().apply(ComposeAction::Send("k2".into()));
    assert_eq!(retry.idempotency_key.as_deref(), Some("k1"));
    let edited = s
        .apply(ComposeAction::Body("Hola!".into()))
        .apply(ComposeAction::Send("k3".into()));
    assert_eq!(edited.idempotency_key.as_deref(), Some("k3"));
}

// Success clears the text only, and empty comments cannot be sent.
#[test]
fn sent_clears_body_only() {
    let s = filled()
        .apply(ComposeAction::Send("k".into()))
        .apply(ComposeAction::Sent);
    assert_eq!(s.draft.name, "Ana");
    assert!(s.draft.body.is_empty());
    assert!(!s.can_send());
}

// Drafts round-trip through storage; corrupt storage is ignored.
#[test]
fn draft_storage() {
    let d = Draft {
        name: "A".into(),
        email: String::new(),
        body: "x\ny".into(),
    };
    assert_eq!(Draft::from_storage(&d.to_storage()), Some(d));
    assert_eq!(Draft::from_storage("{not json"), None);
    // Missing fields are empty; a field of the wrong type, or a document that is not an object, is not a draft.
    assert_eq!(
        Draft::from_storage(r#"{"body": "b"}"#),
        Some(Draft {
            body: "b".into(),
            ..Draft::default()
        })
    );
    assert_eq!(Draft::from_storage(r#"{"body": 3}"#), None);
    assert_eq!(Draft::from_storage("[]"), None);
    assert_eq!(Draft::storage_key("a1", Some("c3")), "folio:draft:a1:c3");
}

// The form's fields trimmed as they are posted; the comment drawn at once is the text rendered as written.
#[test]
fn form_and_local_comment() {
    let d = Draft {
        name: " Ana ".into(),
        email: " a@b.example ".into(),
        body: "Hola **mundo**".into(),
    };
    let f = d.form(Some("c1"));
    assert_eq!((f.name.as_str(), f.email.as_str()), ("Ana", "a@b.example"));
    assert_eq!(
        (f.text.as_str(), f.parent.as_deref()),
        ("Hola **mundo**", Some("c1"))
    );
    let c = d.local_comment("pending-k".into(), Some("c1".into()), 1_700_000_000_000);
    assert_eq!(
        (&*c.id, c.parent.as_deref(), &*c.author.name),
        ("pending-k", Some("c1"), "Ana")
    );
    assert!(c.body.as_str().contains("<strong>mundo</strong>"));
    assert_eq!(c.date.map(|d| d.epoch_ms), Some(1_700_000_000_000));
}

// A refused post's message is shown beside the field the server named (also as the last part of a path), and
// nowhere while nothing failed.
#[test]
fn field_errors_from_the_server() {
    let refused = NetError::from_status(
        400,
        "u",
        r#"{"error":{"code":"invalid_field","field":"author.name","message":"Too long."}}"#,
        None,
    );
    let s = filled()
        .apply(ComposeAction::Send("k".into()))
        .apply(ComposeAction::Failed(refused));
    assert_eq!(s.field_error("name").as_deref(), Some("Too long."));
    assert_eq!(s.field_error("body"), None);
    assert_eq!(filled().field_error("name"), None);
}

// A stored draft fills only the fields still empty: what the reader typed before it was read stays.
#[test]
fn restore_fills_only_empty_fields() {
    let stored = Draft {
        name: "Ana".into(),
        email: "ana@example.com".into(),
        body: "half a thought".into(),
    };
    let fresh = ComposeState::default().apply(ComposeAction::Restore(stored.clone()));
    assert_eq!(fresh.draft, stored);
    let typed = ComposeState::default()
        .apply(ComposeAction::Body("new words".into()))
        .apply(ComposeAction::Restore(stored));
    assert_eq!(
        (typed.draft.name.as_str(), typed.draft.body.as_str()),
        ("Ana", "new words")
    );
}
