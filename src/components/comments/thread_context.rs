use std::collections::{HashMap, HashSet};
use std::rc::Rc;

use yew::prelude::*;

use crate::model::{Comment, MoreStub, PostTarget, Thread};
use crate::state::{PendingPost, ThreadAction};

/// What every comment of a thread needs, shared through a context instead of being passed down each level.
#[derive(Clone, Default)]
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
    /// Comments whose replies are hidden.
    pub collapsed: Rc<HashSet<Rc<str>>>,
    /// How many replies of each comment (by index) are drawn: the section's plan. Empty: no plan (a bare thread),
    /// and `reply_limits` decides.
    pub draw: Rc<Vec<u32>>,
    /// Without a plan: how many replies (or, past the nesting limit, flattened descendants) of a comment to draw;
    /// [`REPLY_PAGE`](crate::state::REPLY_PAGE) when absent.
    pub reply_limits: Rc<HashMap<Rc<str>, usize>>,
    /// Posts not confirmed yet, by local comment id.
    pub pending: Rc<HashMap<Rc<str>, PendingPost>>,
    /// The comment a link pointed at.
    pub highlight: Option<Rc<str>>,
    /// The platform's "load more" stubs (Reddit's `more`), drawn under the comment they belong to.
    pub more: Rc<Vec<MoreStub>>,
}

/// Compared by identity where the data is large: a 10,000-comment thread is not compared comment by comment on
/// every render (the thread and the plan are only ever replaced, never changed in place).
impl PartialEq for ThreadContext {
    fn eq(&self, other: &Self) -> bool {
        let t = (&self.thread, &other.thread);
        Rc::ptr_eq(&t.0.comments, &t.1.comments)
            && Rc::ptr_eq(&t.0.replies, &t.1.replies)
            && Rc::ptr_eq(&t.0.roots, &t.1.roots)
            && Rc::ptr_eq(&self.draw, &other.draw)
            && self.article_id == other.article_id
            && self.post == other.post
            && self.replying_to == other.replying_to
            && self.dispatch == other.dispatch
            && self.on_posted == other.on_posted
            && self.collapsed == other.collapsed
            && self.reply_limits == other.reply_limits
            && self.pending == other.pending
            && self.highlight == other.highlight
            && Rc::ptr_eq(&self.more, &other.more)
    }
}
