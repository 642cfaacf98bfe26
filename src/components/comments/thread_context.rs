use std::rc::Rc;

use yew::prelude::*;

use super::AvatarRule;
use crate::state::{ThreadAction, ThreadState};

/// What every comment of a thread needs, shared through a context instead of being passed down each level: the
/// section's state as it is drawn, its dispatcher, and which avatars may load.
#[derive(Clone, Default)]
pub struct ThreadContext {
    /// The thread and everything the reader chose. A state whose `draw` plan is empty is a bare thread: each
    /// comment then draws up to its `reply_limits` (or a page) of replies.
    pub state: Rc<ThreadState>,
    /// The article's id.
    pub article_id: Rc<str>,
    /// Changes the thread state.
    pub dispatch: Callback<ThreadAction>,
    /// Which avatars (and custom emoji) may load: the reader's rule; `None` outside a `Reader`, where every one
    /// does. Carried here rather than in a context of its own: each context provider is a component of its own.
    pub avatars: Option<AvatarRule>,
}

/// Compared cheaply (see [`ThreadState::same_view`]): a 10,000-comment thread is not compared comment by comment on
/// every render.
impl PartialEq for ThreadContext {
    fn eq(&self, other: &Self) -> bool {
        self.state.same_view(&other.state)
            && self.article_id == other.article_id
            && self.dispatch == other.dispatch
            && self.avatars == other.avatars
    }
}
