use std::collections::{HashMap, HashSet};
use std::rc::Rc;

use yew::{Callback, Reducible};

use super::thread_paging::PageState;
use super::LoadError;
use crate::model::{Comment, CommentList, MoreStub, PostTarget, Thread};
use crate::source::thread::{build_thread, SortOrder};

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
/// the server's message and a retry button when the post fails.
#[derive(Clone, Debug, PartialEq)]
pub struct PendingPost {
    /// The comment as written, under a local id (`pending-<idempotency key>`).
    pub comment: Comment,
    /// `None` while sending; the reason once the post failed.
    pub failure: Option<String>,
    /// Sends the same text again with the same idempotency key.
    pub retry: Callback<()>,
}

/// The comment section's state: the comments the API sent plus those posted here, threaded, and everything the
/// reader chose about how to see them (order, collapsed subtrees, how much is drawn). The reader's choices are kept
/// by comment id, so they survive the thread being rebuilt when comments arrive.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ThreadState {
    /// Every comment known, in arrival order (the thread is rebuilt from this), pending posts included.
    pub comments: Vec<Comment>,
    /// The thread built from `comments`.
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
    pub pending: Rc<HashMap<Rc<str>, PendingPost>>,
    /// Comments that arrived live and wait until the reader asks for them, so the page never jumps.
    pub incoming: Vec<Comment>,
    /// The comment a link pointed at.
    pub highlight: Option<Rc<str>>,
    /// The API's pages: the next one's URL, how many are loaded, a fetch in flight or failed (`thread_paging`).
    pub pages: PageState,
    /// A linked comment that is not on the loaded pages: further pages are fetched until it is found.
    pub seeking: Option<Rc<str>>,
    /// The platform's "load more" stubs on the loaded pages (Reddit's `more`), drawn as "N more replies".
    pub more: Rc<Vec<MoreStub>>,
}

/// What can happen to the comment section.
#[derive(Clone, Debug, PartialEq)]
pub enum ThreadAction {
    /// The API's list arrived (or arrived again).
    Loaded(CommentList),
    /// The server accepted a comment posted here.
    Posted(Comment),
    /// The reader chose another order.
    Sort(SortOrder),
    /// The reader opened the reply form of a comment.
    OpenReply(Rc<str>),
    /// The reply form was closed.
    CloseReply,
    /// Hide or show the replies of a comment.
    Toggle(Rc<str>),
    /// Draw the next page of top-level comments.
    ShowMore,
    /// Draw more replies of a comment.
    ShowMoreReplies(Rc<str>),
    /// A post started, or failed (upsert by the comment's local id).
    Pending(PendingPost),
    /// A post is over (stored or abandoned): forget its local copy.
    Settled(Rc<str>),
    /// Comments arrived live (a stream or a poll); they wait in `incoming`.
    Arrived(Vec<Comment>),
    /// The reader asked to see the comments that arrived.
    ShowIncoming,
    /// Open the thread at this comment: expand its ancestors, draw it, highlight it. A comment not loaded yet is
    /// looked for on the next pages (see [`ThreadState::wants_page`]).
    Focus(Rc<str>),
    /// A further page of the list is being fetched (the reader asked, or a linked comment is looked for).
    PageRequested,
    /// A further page arrived from `from` (the next-page URL it was asked at: a stale answer is dropped).
    PageLoaded {
        /// The URL the page was fetched from.
        from: Rc<str>,
        /// The page.
        list: CommentList,
    },
    /// A further page could not be loaded.
    PageFailed(LoadError),
    /// The replies a "more" stub under `parent` stood for arrived (a document of the list's shape).
    StubLoaded {
        /// The comment whose left-out replies these are.
        parent: Rc<str>,
        /// What the stub's fetch URL answered.
        list: CommentList,
    },
}

impl ThreadState {
    /// Apply an action, returning the new state (pure: tested natively; the `Reducible` impl wraps it).
    pub fn apply(mut self, action: ThreadAction) -> Self {
        let rebuild = match action {
            ThreadAction::Loaded(list) => {
                // Comments posted here (and pending) that a stale list does not hold yet are kept: nothing the
                // reader wrote vanishes.
                let ids: HashSet<&str> = list.comments.iter().map(|c| &*c.id).collect();
                let kept: Vec<Comment> = self
                    .comments
                    .into_iter()
                    .filter(|c| !ids.contains(&*c.id) && self.pinned.contains(&c.id))
                    .collect();
                self.incoming.retain(|c| !ids.contains(&*c.id));
                self.comments = list.comments;
                self.comments.extend(kept);
                self.post = list.post;
                self.total = list.total;
                self.pages = PageState::first(list.next);
                self.more = Rc::new(list.more);
                true
            }
            ThreadAction::Posted(comment) => {
                if self.replying_to.as_ref() == comment.parent.as_ref() {
                    self.replying_to = None;
                }
                self.incoming.retain(|c| c.id != comment.id);
                Rc::make_mut(&mut self.pinned).insert(comment.id.clone());
                self.comments.retain(|c| c.id != comment.id);
                self.comments.push(comment);
                true
            }
            ThreadAction::Sort(order) => {
                let changed = self.sort != order;
                self.sort = order;
                changed
            }
            ThreadAction::OpenReply(id) => {
                self.replying_to = Some(id);
                false
            }
            ThreadAction::CloseReply => {
                self.replying_to = None;
                false
            }
            ThreadAction::Toggle(id) => {
                let set = Rc::make_mut(&mut self.collapsed);
                if !set.remove(&id) {
                    set.insert(id);
                }
                false
            }
            ThreadAction::ShowMore => {
                self.shown_roots = self.roots_after(self.shown_roots);
                false
            }
            ThreadAction::ShowMoreReplies(id) => {
                let drawn = self
                    .thread
                    .index_of(&id)
                    .and_then(|i| self.draw.get(i).copied())
                    .unwrap_or(0) as usize;
                let limits = Rc::make_mut(&mut self.reply_limits);
                let limit = limits.entry(id).or_insert(0);
                *limit = (*limit).max(drawn) + REPLY_PAGE;
                false
            }
            ThreadAction::Pending(p) => {
                let id = p.comment.id.clone();
                let is_new = !self.pending.contains_key(&id);
                if is_new {
                    Rc::make_mut(&mut self.pinned).insert(id.clone());
                    self.comments.push(p.comment.clone());
                }
                Rc::make_mut(&mut self.pending).insert(id, p);
                is_new
            }
            ThreadAction::Settled(id) => {
                let known = Rc::make_mut(&mut self.pending).remove(&id).is_some();
                if known {
                    self.comments.retain(|c| c.id != id);
                }
                known
            }
            ThreadAction::Arrived(list) => {
                for c in list {
                    let known = self.comments.iter().any(|k| k.id == c.id)
                        || self.incoming.iter().any(|k| k.id == c.id);
                    if !known {
                        self.incoming.push(c);
                    }
                }
                false
            }
            ThreadAction::ShowIncoming => {
                let pinned = Rc::make_mut(&mut self.pinned);
                for c in &self.incoming {
                    pinned.insert(c.id.clone());
                }
                self.comments.append(&mut self.incoming);
                true
            }
            ThreadAction::Focus(id) => {
                // Looked for on further pages only if there are any.
                let missing = self.thread.index_of(&id).is_none() && self.pages.next.is_some();
                self.seeking = missing.then(|| id.clone());
                self.focus(id);
                false
            }
            ThreadAction::PageRequested => {
                self.page_requested();
                false
            }
            ThreadAction::PageLoaded { from, list } => {
                self.append_page(&from, list);
                false
            }
            ThreadAction::PageFailed(e) => {
                self.page_failed(e);
                false
            }
            ThreadAction::StubLoaded { parent, list } => {
                self.stub_loaded(&parent, list);
                false
            }
        };
        if rebuild {
            self.thread = build_thread(self.comments.clone(), self.sort);
        }
        if self.shown_roots == 0 {
            self.shown_roots = self.roots_after(0);
        }
        self.plan();
        self
    }

    /// How many replies of each comment of the tree under `root` are drawn, written into `draw`; returns how many
    /// comments the tree draws. Replies are given out from a budget in preorder, a comment taking at most
    /// [`REPLY_PAGE`] at a time (more when the reader asked); collapsed comments draw none. Iterative: any depth.
    fn plan_tree(&self, root: usize, draw: &mut [u32]) -> usize {
        let t = &self.thread;
        let mut left = TREE_BUDGET;
        let mut drawn = 1;
        let mut stack = vec![root];
        while let Some(i) = stack.pop() {
            let Some(c) = t.comment(i) else { continue };
            let replies = t.replies(i);
            let k = if self.collapsed.contains(&c.id) {
                0
            } else {
                let asked = self.reply_limits.get(&c.id).copied().unwrap_or(0);
                replies.len().min(left.min(REPLY_PAGE).max(asked))
            };
            left = left.saturating_sub(k);
            drawn += k;
            if let Some(slot) = draw.get_mut(i) {
                *slot = k as u32;
            }
            stack.extend(replies[..k].iter().rev());
        }
        drawn
    }

    /// Recompute `draw` for the visible top-level comments.
    fn plan(&mut self) {
        let mut draw = vec![0u32; self.thread.len()];
        for r in self.visible_roots() {
            self.plan_tree(r, &mut draw);
        }
        if *self.draw != draw {
            self.draw = Rc::new(draw);
        }
    }

    /// How many replies of comment `index` are drawn.
    pub fn drawn_replies(&self, index: usize) -> usize {
        self.draw.get(index).copied().unwrap_or(0) as usize
    }

    /// The index, in `roots`, just past the page that starts at `start`: top-level comments are added until their
    /// trees hold [`PAGE_BUDGET`] comments, and at least one is added.
    pub fn roots_after(&self, start: usize) -> usize {
        let roots = self.thread.roots();
        let mut scratch = vec![0u32; self.thread.len()];
        let mut used = 0;
        let mut end = start;
        while end < roots.len() && (end == start || used < PAGE_BUDGET) {
            used += self.plan_tree(roots[end], &mut scratch);
            end += 1;
        }
        end.min(roots.len())
    }

    /// The top-level comments to draw, in order: the first `shown_roots`, plus pinned ones further down.
    pub fn visible_roots(&self) -> Vec<usize> {
        self.thread
            .roots()
            .iter()
            .enumerate()
            .filter(|(n, &i)| {
                *n < self.shown_roots
                    || self
                        .thread
                        .comment(i)
                        .is_some_and(|c| self.pinned.contains(&c.id))
            })
            .map(|(_, &i)| i)
            .collect()
    }

    /// Top-level comments not drawn yet.
    pub fn hidden_roots(&self) -> usize {
        self.thread
            .roots()
            .len()
            .saturating_sub(self.visible_roots().len())
    }

    /// Whether the replies of comment `id` are hidden.
    pub fn is_collapsed(&self, id: &str) -> bool {
        self.collapsed.contains(id)
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

    /// Expand every ancestor of `id`, make sure each is drawn (its top-level comment pinned, reply pages opened far
    /// enough) and highlight it. An unknown id changes nothing.
    pub(super) fn focus(&mut self, id: Rc<str>) {
        let t = &self.thread;
        let Some(mut i) = t.index_of(&id) else {
            return;
        };
        // Walk up by parent id; the thread has already cut cycles, but a step limit keeps this finite regardless.
        for _ in 0..t.len() {
            let Some(c) = t.comment(i) else { break };
            let parent = c.parent.as_deref().and_then(|p| t.index_of(p));
            match parent.filter(|&p| t.replies(p).contains(&i)) {
                Some(p) => {
                    let position = t.replies(p).iter().position(|&r| r == i).unwrap_or(0);
                    if let Some(pc) = t.comment(p) {
                        Rc::make_mut(&mut self.collapsed).remove(&pc.id);
                        let limits = Rc::make_mut(&mut self.reply_limits);
                        let limit = limits.entry(pc.id.clone()).or_insert(0);
                        *limit = (*limit).max(position + 1);
                    }
                    i = p;
                }
                None => {
                    Rc::make_mut(&mut self.pinned).insert(c.id.clone());
                    break;
                }
            }
        }
        self.highlight = Some(id);
    }
}

impl Reducible for ThreadState {
    type Action = ThreadAction;

    fn reduce(self: Rc<Self>, action: ThreadAction) -> Rc<Self> {
        Rc::new((*self).clone().apply(action))
    }
}

#[cfg(test)]
#[path = "thread_state_tests.rs"]
mod tests;
