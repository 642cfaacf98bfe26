//! The comment thread: the section with its count, sort control, live announcements and empty state; each comment
//! with its replies (collapsible, paged); and the form that writes a comment or a reply.

mod avatar;
mod comment_header;
mod comment_item;
pub mod comment_section;
mod compose_form;
mod edit_form;
mod held_badge;
mod load_more;
mod markdown_field;
#[cfg(feature = "mapping")]
mod more_stubs;
mod own_actions;
mod pending_status;
mod read_only_notice;
mod relative_time;
mod reply_list;
mod sort_control;
mod text_field;
mod thread_context;

/// The announcement of new comments is the common one, shared with live articles.
pub use crate::components::common::live_notice;
pub use avatar::{avatar, AvatarRule};
pub use comment_header::comment_header;
pub use comment_item::{CommentItem, CommentItemProps};
pub use comment_section::{CommentSection, CommentSectionProps};
pub use compose_form::{ComposeForm, ComposeFormProps};
pub use edit_form::{EditForm, EditFormProps};
pub use held_badge::held_badge;
pub use load_more::load_more;
pub use markdown_field::{fits, use_markdown_field, MarkdownField, MarkdownUi};
#[cfg(feature = "mapping")]
pub use more_stubs::more_stubs;
pub use own_actions::{OwnActions, OwnActionsProps};
pub use pending_status::pending_status;
pub use read_only_notice::read_only_notice;
pub use relative_time::{format_relative, relative_parts, relative_time};
pub use reply_list::reply_list;
pub use sort_control::sort_control;
pub use text_field::TextField;
pub use thread_context::ThreadContext;

/// From this depth on, replies are no longer indented further (phones stay readable) and say whom they answer.
pub const INDENT_LIMIT: usize = 5;

/// On narrow screens the indentation stops earlier, at this depth; replies from here on say whom they answer there
/// (the sentence is hidden on wide screens, where the indentation still shows it).
pub const NARROW_INDENT_LIMIT: usize = 3;

/// From this depth on, a subtree is drawn as one flat list: the DOM stays shallow and drawing never recurses deeper,
/// however long the reply chain in the data.
pub const NESTING_LIMIT: usize = 24;

/// Without the mapping language there are no "more" stubs to draw: only a mapping reads them (Reddit's `more`,
/// Ghost's reply counts), and the lite module reads Folio JSON alone.
#[cfg(not(feature = "mapping"))]
pub fn more_stubs(_: &[crate::model::MoreStub], _: Option<&std::rc::Rc<str>>) -> yew::Html {
    yew::Html::default()
}
