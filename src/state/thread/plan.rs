//! What is drawn: the page of top-level comments, the replies each comment shows within its budget, and the way
//! opened to a linked comment. Iterative everywhere, so any depth of thread is planned without recursion.

use std::rc::Rc;

use super::{ThreadState, PAGE_BUDGET, REPLY_PAGE, TREE_BUDGET};

impl ThreadState {
    /// How many replies of each comment of the tree under `root` are drawn, written into `draw`; returns how many
    /// comments the tree draws. Replies are given out from a budget in preorder, a comment taking at most
    /// [`REPLY_PAGE`] at a time (more when the reader asked); collapsed comments draw none. Iterative: any depth.
    pub(super) fn plan_tree(&self, root: usize, draw: &mut [u32]) -> usize {
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
    pub(super) fn plan(&mut self) {
        let mut draw = vec![0u32; self.thread.len()];
        for r in self.visible_roots() {
            self.plan_tree(r, &mut draw);
        }
        if *self.draw != draw {
            self.draw = Rc::new(draw);
        }
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
