use super::*;

// Status codes map to the error a reader can act on.
#[test]
fn classifies_statuses() {
    assert!(matches!(
        NetError::from_status(404, "u", "", None),
        NetError::NotFound { .. }
    ));
    assert!(matches!(
        NetError::from_status(410, "u", "", None),
        NetError::NotFound { .. }
    ));
    assert_eq!(
        NetError::from_status(429, "u", "", Some("30")),
        NetError::RateLimited {
            retry_after: Some(30)
        }
    );
    assert!(matches!(
        NetError::from_status(503, "u", "", None),
        NetError::Server { status: 503, .. }
    ));
    assert!(matches!(
        NetError::from_status(400, "u", "", None),
        NetError::Refused { status: 400, .. }
    ));
}

// The Folio error body is read so the form can show the message beside the field at fault.
#[test]
fn reads_server_messages() {
    let e = NetError::from_status(
        400,
        "u",
        r#"{"error":{"code":"invalid_field","field":"body","message":"The comment is empty."}}"#,
        None,
    );
    let m = e.server_message().expect("has a message");
    assert_eq!(m.field.as_deref(), Some("body"));
    assert_eq!(m.message.as_deref(), Some("The comment is empty."));
    assert_eq!(
        ServerMessage::from_body("<html>oops</html>"),
        ServerMessage::default()
    );
    assert_eq!(
        ServerMessage::from_body(r#"{"message":"nope"}"#)
            .message
            .as_deref(),
        Some("nope")
    );
}
