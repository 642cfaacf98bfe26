//! The reducer: each action applied to the state, natively tested in `tests.rs`.

use std::collections::HashSet;
use std::rc::Rc;

use super::{PageState, ThreadAction, ThreadState, REPLY_PAGE};
use crate::model::Comment;
use crate::source::thread::build_thread;

impl ThreadState {
    /// Apply an action, returning the new state (pure; the `Reducible` impl wraps it).
    pub fn apply(mut self, action: ThreadAction) -> Self {
        // The comments to rebuild the thread from, when the action changed them (or their order).
        let rebuilt: Option<Vec<Comment>> = match action {
            ThreadAction::Loaded(list) => {
                // Comments posted here (and pending) that a stale list does not hold yet are kept: nothing the
                // reader wrote vanishes.
                // A set of the same type as `pinned` and `collapsed`: one hash set instantiation in the wasm.
                let ids: HashSet<Rc<str>> = list.comments.iter().map(|c| c.id.clone()).collect();
                let kept = self
                    .comments()
                    .iter()
                    .filter(|c| !ids.contains(&c.id) && self.pinned.contains(&c.id))
                    .cloned();
                let mut comments = list.comments.clone();
                comments.extend(kept);
                self.incoming.retain(|c| !ids.contains(&c.id));
                self.published(&list.comments);
                self.post = list.post;
                self.total = list.total;
                self.pages = PageState::first(list.next);
                self.more = Rc::new(list.more);
                Some(comments)
            }
            ThreadAction::Posted(comment) => {
                if self.replying_to.as_ref() == comment.parent.as_ref() {
                    self.replying_to = None;
                }
                self.incoming.retain(|c| c.id != comment.id);
                Rc::make_mut(&mut self.pinned).insert(comment.id.clone());
                Some(self.replaced(comment))
            }
            ThreadAction::Sort(order) => {
                let changed = self.sort != order;
                self.sort = order;
                changed.then(|| self.comments().to_vec())
            }
            ThreadAction::OpenReply(id) => {
                self.replying_to = Some(id);
                None
            }
            ThreadAction::CloseReply => {
                self.replying_to = None;
                None
            }
            ThreadAction::Toggle(id) => {
                let set = Rc::make_mut(&mut self.collapsed);
                if !set.remove(&id) {
                    set.insert(id);
                }
                None
            }
            ThreadAction::ShowMore => {
                self.shown_roots = self.roots_after(self.shown_roots);
                None
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
                None
            }
            ThreadAction::Arrived(list) => {
                self.published(&list);
                for c in list {
                    let known = self.thread.index_of(&c.id).is_some()
                        || self.incoming.iter().any(|k| k.id == c.id);
                    if !known {
                        self.incoming.push(c);
                    }
                }
                None
            }
            ThreadAction::Changed(list) => {
                // An approved edit of the reader's held comment is published now.
                self.published(&list);
                self.changed(list)
            }
            ThreadAction::ShowIncoming => {
                let pinned = Rc::make_mut(&mut self.pinned);
                for c in &self.incoming {
                    pinned.insert(c.id.clone());
                }
                let mut comments = self.comments().to_vec();
                comments.append(&mut self.incoming);
                Some(comments)
            }
            ThreadAction::Focus(id) => {
                // Looked for on further pages only if there are any.
                let missing = self.thread.index_of(&id).is_none() && self.pages.next.is_some();
                self.seeking = missing.then(|| id.clone());
                self.focus(id);
                None
            }
            ThreadAction::PageRequested => {
                self.page_requested();
                None
            }
            ThreadAction::PageLoaded { from, list } => {
                self.published(&list.comments);
                self.append_page(&from, list);
                None
            }
            ThreadAction::PageFailed(e) => {
                self.page_failed(e);
                None
            }
            ThreadAction::StubLoaded { parent, list } => {
                self.stub_loaded(&parent, list);
                None
            }
            // The reader's own comments: posts in flight, held ones, edit tokens (`own.rs`).
            own => self.apply_own(own),
        };
        if let Some(comments) = rebuilt {
            self.thread = build_thread(comments, self.sort);
        }
        if self.shown_roots == 0 {
            self.shown_roots = self.roots_after(0);
        }
        self.plan();
        self
    }
}
