//! What a reader's comment form holds when it is sent. In every build: Folio's own format posts it too.

/// What the reader typed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PostForm {
    /// The comment.
    pub text: String,
    /// Their name.
    pub name: String,
    /// Their e-mail, when asked.
    pub email: String,
    /// The id of the comment answered, if any.
    pub parent: Option<String>,
}
