//! The comment thread: the section with its count and empty state, each comment with its replies, and the form
//! that writes a comment or a reply.

mod comment_item;
pub mod comment_section;
mod compose_form;
mod thread_context;

pub use comment_item::{CommentItem, CommentItemProps};
pub use comment_section::{CommentSection, CommentSectionProps};
pub use compose_form::{ComposeForm, ComposeFormProps};
pub use thread_context::ThreadContext;

/// From this depth on, replies are no longer indented further (phones stay readable) and say whom they answer.
pub const INDENT_LIMIT: usize = 5;

/// From this depth on, a subtree is drawn as one flat list: the DOM stays shallow and drawing never recurses deeper,
/// however long the reply chain in the data.
pub const NESTING_LIMIT: usize = 24;
