//! What one comment draws below itself: its replies (a page of them), or past the nesting limit its whole subtree
//! as one flat list. Pure render helpers of the state, so the components only draw what these say.

use std::rc::Rc;

use super::{ThreadState, REPLY_PAGE};

impl ThreadState {
    /// Whether two states draw the same, compared cheaply: the thread, its plan and the stubs by identity (they are
    /// only ever replaced, never changed in place), everything else by value.
    pub fn same_view(&self, other: &Self) -> bool {
        let (a, b) = (&self.thread, &other.thread);
        Rc::ptr_eq(&a.comments, &b.comments)
            && Rc::ptr_eq(&a.replies, &b.replies)
            && Rc::ptr_eq(&a.roots, &b.roots)
            && Rc::ptr_eq(&self.draw, &other.draw)
            && Rc::ptr_eq(&self.more, &other.more)
            && self.post == other.post
            && self.replying_to == other.replying_to
            && self.collapsed == other.collapsed
            && self.reply_limits == other.reply_limits
            && self.pending == other.pending
            && self.highlight == other.highlight
            && self.held == other.held
            && self.grants == other.grants
    }

    /// How many replies of comment `index` the section's plan draws.
    pub fn drawn_replies(&self, index: usize) -> usize {
        self.draw.get(index).copied().unwrap_or(0) as usize
    }

    /// How many replies comment `index` (id `id`) draws: the section's plan, or in a bare thread (no plan) the
    /// reader's limit for it, else a page.
    pub fn reply_limit(&self, index: usize, id: &str) -> usize {
        if self.draw.is_empty() {
            self.reply_limits.get(id).copied().unwrap_or(REPLY_PAGE)
        } else {
            self.drawn_replies(index)
        }
    }

    /// The comments drawn under comment `index` (id `id`), in order, and whether its own replies were cut (a "show
    /// more replies" button follows). `flat`: the subtree is drawn as one list (past the nesting limit), following
    /// the plan below it (which bounds its size), or without a plan at most the limit.
    pub fn replies_to_draw(&self, index: usize, id: &str, flat: bool) -> (Vec<usize>, bool) {
        let limit = self.reply_limit(index, id);
        let replies = self.thread.replies(index);
        if !flat {
            return (
                replies.iter().take(limit).copied().collect(),
                replies.len() > limit,
            );
        }
        if !self.draw.is_empty() {
            return (
                self.descendants_in_order(index, usize::MAX),
                replies.len() > limit,
            );
        }
        let mut all = self.descendants_in_order(index, limit.saturating_add(1));
        let more = all.len() > limit;
        all.truncate(limit);
        (all, more)
    }

    /// Up to `max` comments below `index`, in reading order, following the draw plan (the whole subtree without
    /// one), found without recursion.
    fn descendants_in_order(&self, index: usize, max: usize) -> Vec<usize> {
        let thread = &self.thread;
        let drawn = |i: usize| -> usize {
            if self.draw.is_empty() {
                thread.replies(i).len()
            } else {
                self.drawn_replies(i)
            }
        };
        let mut out = Vec::new();
        let mut stack: Vec<usize> = thread.replies(index).iter().rev().copied().collect();
        while let Some(i) = stack.pop() {
            if out.len() >= max {
                break;
            }
            out.push(i);
            let replies = thread.replies(i);
            stack.extend(replies[..drawn(i).min(replies.len())].iter().rev());
        }
        out
    }
}
