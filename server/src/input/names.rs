//! What is dropped from author names before they are checked and stored.

/// Invisible characters that change how the text around them is shown: the bidi embeddings, overrides and isolates
/// (U+202A–202E, U+2066–2069), the bidi marks (U+200E, U+200F, U+061C), the zero-width space and joiners
/// (U+200B–200D), the word joiner (U+2060) and the byte-order mark (U+FEFF). In a name they only ever disguise it
/// (`Admin\u{202e}…` displays reversed, `Ad\u{200b}min` looks like `Admin`), so they are dropped.
pub fn is_format_char(c: char) -> bool {
    matches!(
        c,
        '\u{202A}'..='\u{202E}'
            | '\u{2066}'..='\u{2069}'
            | '\u{200B}'..='\u{200F}'
            | '\u{061C}'
            | '\u{2060}'
            | '\u{FEFF}'
    )
}

/// `s` without [`is_format_char`]s.
pub(super) fn without_format_chars(s: &str) -> String {
    s.chars().filter(|c| !is_format_char(*c)).collect()
}
