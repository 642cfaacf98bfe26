//! The comment section's state, one reducer per reader: the comments (stored once, in the thread built from them),
//! the reader's choices about how to see them, the API's pages, the posts in flight, and the reader's own comments
//! (held for review, editable). Nothing here is shared between two readers on one page, and nothing touches the
//! browser: the hooks load and persist it, the components draw it.

mod actions;
mod drawn;
mod own;
mod paging;
mod pending;
mod plan;
mod reduce;
mod stubs;
#[cfg(test)]
mod tests;

use std::collections::{HashMap, HashSet};
use std::rc::Rc;

pub use actions::ThreadAction;
pub use paging::{PageState, MAX_SEEK_PAGES};
pub use pending::PendingPosts;

use super::{EditGrants, NetError};
use crate::model::{Comment, MoreStub, PostTarget, Thread};
use crate::source::thread::SortOrder;

/// How many comments (top-level comments plus the replies drawn with them) the first page, and each "show more",
/// draws. Small enough that drawing them stays well under one 50 ms task even on a slow phone.
pub const PAGE_BUDGET: usize = 20;

/// How many replies of one comment are drawn at most before a "show more replies" button (and how many more each
/// press draws).
pub const REPLY_PAGE: usize = 10;

/// How many replies, at any depth, a top-level comment draws at first: replies are given out level by level (the
/// first replies of each comment before the replies of replies), so a 5,000-reply subtree opens as 15 comments and
/// "show more replies" buttons where it was cut.
pub const TREE_BUDGET: usize = 15;

/// A comment sent from this page that the server has not confirmed: drawn at once, marked as sending, and kept with
/// the reason and a retry button when the post fails (the retry itself belongs to the hook that posts).
#[derive(Clone, Debug, PartialEq)]
pub struct PendingPost {
    /// The comment as written, under a local id (`pending-<idempotency key>`).
    pub comment: Comment,
    /// `None` while sending; why, once the post failed.
    pub failure: Option<NetError>,
}

/// The comment section's state. The reader's choices are kept by comment id, so they survive the thread being
/// rebuilt when comments arrive.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ThreadState {
    /// Every comment known (the API's, those posted here, pending posts), threaded; rebuilt from its own comments.
    pub thread: Thread,
    /// Where to post; `None`: read-only.
    pub post: Option<PostTarget>,
    /// The total the API reported, if larger than what was sent.
    pub total: Option<usize>,
    /// How top-level comments are ordered.
    pub sort: SortOrder,
    /// The comment whose reply form is open.
    pub replying_to: Option<Rc<str>>,
    /// Comments whose replies the reader hid.
    pub collapsed: Rc<HashSet<Rc<str>>>,
    /// How many top-level comments are drawn (the rest wait for "show more").
    pub shown_roots: usize,
    /// Comments whose replies the reader asked to see more of, and how many to draw at least.
    pub reply_limits: Rc<HashMap<Rc<str>, usize>>,
    /// How many replies of each comment (by index) are drawn: the draw plan of the visible top-level comments,
    /// recomputed after every change (0 for comments not drawn).
    pub draw: Rc<Vec<u32>>,
    /// Comments drawn whatever the page: written here, inserted at the reader's request, or linked to.
    pub pinned: Rc<HashSet<Rc<str>>>,
    /// Posts not confirmed yet, by local comment id.
    pub pending: Rc<PendingPosts>,
    /// Comments that arrived live and wait until the reader asks for them, so the page never jumps.
    pub incoming: Vec<Comment>,
    /// The comment a link pointed at.
    pub highlight: Option<Rc<str>>,
    /// The API's pages: the next one's URL, how many are loaded, a fetch in flight or failed.
    pub pages: PageState,
    /// A linked comment that is not on the loaded pages: further pages are fetched until it is found.
    pub seeking: Option<Rc<str>>,
    /// The platform's "load more" stubs on the loaded pages (Reddit's `more`), drawn as "N more replies".
    pub more: Rc<Vec<MoreStub>>,
    /// The reader's comments that the server holds for review, until they arrive published.
    pub held: Rc<HashSet<Rc<str>>>,
    /// The reader's edit tokens for this article's comments (persisted by the hook that loaded them).
    pub grants: Rc<EditGrants>,
}

impl ThreadState {
    /// A section that starts in the reader's remembered order, with the edit tokens kept for this article.
    pub fn new(sort: SortOrder, grants: EditGrants) -> Self {
        ThreadState {
            sort,
            grants: Rc::new(grants),
            ..ThreadState::default()
        }
    }

    /// Every comment known, in arrival order.
    pub fn comments(&self) -> &[Comment] {
        &self.thread.comments
    }

    /// Whether the replies of comment `id` are hidden.
    pub fn is_collapsed(&self, id: &str) -> bool {
        self.collapsed.contains(id)
    }

    /// Whether the reader's comment `id` waits for a moderator.
    pub fn is_held(&self, id: &str) -> bool {
        self.held.contains(id)
    }

    /// The count to show: the API's total when it reports more than it sent, else the comments that are not deleted
    /// (pending posts are not counted until the server confirms them).
    pub fn count(&self) -> usize {
        let shown = self
            .thread
            .visible_count()
            .saturating_sub(self.pending.len());
        self.total.unwrap_or(0).max(shown)
    }
}

impl yew::Reducible for ThreadState {
    type Action = ThreadAction;

    /// Every field is an `Rc` or small, so the clone is cheap; the comments are never copied one by one.
    fn reduce(self: Rc<Self>, action: ThreadAction) -> Rc<Self> {
        Rc::new(Rc::unwrap_or_clone(self).apply(action))
    }
}
