//! Tests of reading posted comments, edits and request headers.
use super::*;

fn field_of(json: &str) -> Option<&'static str> {
    match parse(json.as_bytes()) {
        Err(ApiError::InvalidField { field, .. }) => Some(field),
        _ => None,
    }
}

#[test]
fn accepts_a_minimal_comment() {
    let row = parse(br#"{"author":{"name":" Ana "},"body":"Hi"}"#);
    let row = row.unwrap_or_default();
    assert_eq!(row.author_name, "Ana");
    assert_eq!(row.format, "markdown");
    assert_eq!(row.parent, None);
    let with_parent =
        parse(br#"{"parent":12,"author":{"name":"A","email":""},"body":"x","format":"text"}"#);
    let with_parent = with_parent.unwrap_or_default();
    assert_eq!(with_parent.parent.as_deref(), Some("12"));
    assert_eq!(with_parent.author_email, None);
}

#[test]
fn reports_the_faulty_field() {
    assert_eq!(field_of(r#"{"author":{"name":"A"}}"#), Some("body"));
    assert_eq!(
        field_of(r#"{"author":{"name":"A"},"body":"  \n"}"#),
        Some("body")
    );
    let long = format!(
        r#"{{"author":{{"name":"A"}},"body":"{}"}}"#,
        "é".repeat(5001)
    );
    assert_eq!(field_of(&long), Some("body"));
    let max = format!(
        r#"{{"author":{{"name":"A"}},"body":"{}"}}"#,
        "é".repeat(5000)
    );
    assert_eq!(field_of(&max), None);
    assert_eq!(field_of(r#"{"body":"x"}"#), Some("author.name"));
    assert_eq!(
        field_of(r#"{"author":{"name":"  "},"body":"x"}"#),
        Some("author.name")
    );
    assert_eq!(
        field_of(r#"{"author":{"name":"A","email":"nope"},"body":"x"}"#),
        Some("author.email")
    );
    assert_eq!(
        field_of(r#"{"author":{"name":"A"},"body":"x","format":"html"}"#),
        Some("format")
    );
    assert_eq!(
        field_of(r#"{"author":{"name":"A"},"body":"x","parent":true}"#),
        Some("parent")
    );
}

#[test]
fn honeypot_and_keys() {
    assert!(honeypot_filled(br#"{"website":"http://spam.example"}"#));
    assert!(!honeypot_filled(br#"{"website":"  "}"#));
    assert!(!honeypot_filled(br#"{"body":"x"}"#));
    assert!(check_idempotency_key("abc-123").is_ok());
    assert!(check_idempotency_key("").is_err());
    assert!(check_idempotency_key("a b").is_err());
    assert!(check_idempotency_key(&"k".repeat(256)).is_err());
    assert!(parse_edit(br#"{"body":"new"}"#).is_ok());
    assert!(parse_edit(br#"{"body":""}"#).is_err());
}

#[test]
fn rejects_non_objects_as_bad_json() {
    assert!(matches!(parse(b"[1]"), Err(ApiError::BadJson(_))));
    assert!(matches!(parse(b"{"), Err(ApiError::BadJson(_))));
    assert!(check_content_type(Some("application/json; charset=utf-8")).is_ok());
    assert!(check_content_type(Some("text/plain")).is_err());
    assert!(check_content_type(None).is_err());
}

// Bidi controls, zero-width characters and the BOM are dropped from names, before the emptiness check.
#[test]
fn drops_format_characters_from_names() {
    let row =
        parse("{\"author\":{\"name\":\"\u{202e}Ana\u{200d}\u{2066} \"},\"body\":\"x\"}".as_bytes());
    assert_eq!(row.unwrap_or_default().author_name, "Ana");
    assert_eq!(
        field_of("{\"author\":{\"name\":\"\u{200b}\u{feff}\"},\"body\":\"x\"}"),
        Some("author.name")
    );
    assert!(is_format_char('\u{2069}') && !is_format_char('a') && !is_format_char('\u{00e9}'));
}
