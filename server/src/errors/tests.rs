//! Tests of the error shape.
use super::*;

#[test]
fn field_is_present_only_for_field_errors() {
    let with = serde_json::to_value(ApiError::field("body", "The comment is empty.").body());
    let with = with.unwrap_or_default();
    assert_eq!(with["error"]["field"], "body");
    assert_eq!(with["error"]["code"], "invalid_field");
    let without = serde_json::to_value(ApiError::Server.body()).unwrap_or_default();
    assert!(without["error"].get("field").is_none());
    assert_eq!(without["error"]["code"], "server_error");
}
