use std::rc::Rc;

use yew::prelude::*;

use crate::model::{Comment, PostTarget, Thread};
use crate::state::ThreadAction;

/// What every comment of a thread needs, shared through a context instead of being passed down each level.
#[derive(Clone, PartialEq)]
pub struct ThreadContext {
    /// The thread.
    pub thread: Thread,
    /// The article's id (for draft storage).
    pub article_id: Rc<str>,
    /// Where replies are posted; `None`: read-only.
    pub post: Option<PostTarget>,
    /// The comment whose reply form is open.
    pub replying_to: Option<Rc<str>>,
    /// Changes the thread state.
    pub dispatch: Callback<ThreadAction>,
    /// Told about every comment the server accepted.
    pub on_posted: Callback<Comment>,
}
