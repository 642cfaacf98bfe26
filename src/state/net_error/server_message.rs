//! What a server said about a refused request, read from its error body.

/// What a server said about a refused request, read from a Folio error body
/// (`{"error": {"code", "field", "message"}}`) when there is one.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ServerMessage {
    /// Machine-readable code (`invalid_field`).
    pub code: Option<String>,
    /// The form field at fault (`body`, `name`, `email`, `parent`).
    pub field: Option<String>,
    /// A sentence for the reader.
    pub message: Option<String>,
}

impl ServerMessage {
    /// Read a Folio (or similar `{"message": ...}`) error body; anything else gives an empty message.
    pub fn from_body(body: &str) -> Self {
        let Ok(v) = serde_json::from_str::<serde_json::Value>(body) else {
            return Self::default();
        };
        let e = v.get("error").filter(|e| e.is_object()).unwrap_or(&v);
        let s = |k: &str| e.get(k).and_then(|x| x.as_str()).map(str::to_string);
        Self {
            code: s("code"),
            field: s("field"),
            message: s("message")
                .or_else(|| v.get("error").and_then(|x| x.as_str()).map(str::to_string)),
        }
    }
}
