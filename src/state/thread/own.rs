//! The reader's own comments inside the thread state: the posts in flight, which comments wait for review, and
//! the edit tokens that let the reader change them. Kept per reader (two readers on one page never share them); the hooks read the tokens
//! from storage once and write them back from one effect.

use std::rc::Rc;

use super::{ThreadAction, ThreadState};
use crate::model::Comment;

impl ThreadState {
    /// The reader's own-comment actions (the others are handled in `reduce`); the comments to rebuild the thread
    /// from, when they changed.
    pub(super) fn apply_own(&mut self, action: ThreadAction) -> Option<Vec<Comment>> {
        match action {
            ThreadAction::Pending(p) => {
                let id = p.comment.id.clone();
                let is_new = !self.pending.contains_key(&id);
                let comment = p.comment.clone();
                Rc::make_mut(&mut self.pending).insert(p);
                return is_new.then(|| {
                    Rc::make_mut(&mut self.pinned).insert(id);
                    let mut comments = self.comments().to_vec();
                    comments.push(comment);
                    comments
                });
            }
            ThreadAction::PostFailed { local, error } => {
                if let Some(p) = Rc::make_mut(&mut self.pending).get_mut(&local) {
                    p.failure = Some(error);
                }
            }
            ThreadAction::Settled(id) => {
                let known = Rc::make_mut(&mut self.pending).remove(&id).is_some();
                return known.then(|| self.without(&id));
            }
            ThreadAction::Held(id) => {
                Rc::make_mut(&mut self.held).insert(id);
            }
            ThreadAction::GrantsRead(grants) => self.grants = Rc::new(grants),
            ThreadAction::Granted { id, grant, now_ms } => {
                Rc::make_mut(&mut self.grants).insert(&id, grant, now_ms);
            }
            ThreadAction::Edited { id, text } => {
                Rc::make_mut(&mut self.grants).set_text(&id, &text)
            }
            ThreadAction::GrantDropped(id) => Rc::make_mut(&mut self.grants).remove(&id),
            _ => {}
        }
        None
    }

    /// The comments with `comment` in place of any earlier version of it (an edit, a delete, a confirmed post).
    pub(super) fn replaced(&self, comment: Comment) -> Vec<Comment> {
        let mut comments = self.without(&comment.id);
        comments.push(comment);
        comments
    }

    /// Comments changed on the server replace, in place, the versions already known: in the thread (the comments
    /// to rebuild it from, when any differs) or among the arrivals. Only the server's comments are replaced: the
    /// reader's posts in flight (local ids), their edit tokens and the text of their last edit stay as they are.
    pub(super) fn changed(&mut self, list: Vec<Comment>) -> Option<Vec<Comment>> {
        let mut comments: Option<Vec<Comment>> = None;
        for c in list {
            if self.pending.contains_key(&c.id) {
                continue;
            }
            if let Some(waiting) = self.incoming.iter_mut().find(|k| k.id == c.id) {
                *waiting = c;
                continue;
            }
            let Some(i) = self.thread.index_of(&c.id) else {
                continue;
            };
            if self.thread.comment(i) == Some(&c) {
                continue;
            }
            let all = comments.get_or_insert_with(|| self.comments().to_vec());
            if let Some(slot) = all.iter_mut().find(|k| k.id == c.id) {
                *slot = c;
            }
        }
        comments
    }

    /// The comments without comment `id`.
    fn without(&self, id: &str) -> Vec<Comment> {
        self.comments()
            .iter()
            .filter(|c| &*c.id != id)
            .cloned()
            .collect()
    }

    /// Comments arrived from the server, so published: those the reader posted and the server held are held no
    /// more (a moderator approved them).
    pub(super) fn published(&mut self, comments: &[Comment]) {
        if self.held.is_empty() || !comments.iter().any(|c| self.held.contains(&c.id)) {
            return;
        }
        let held = Rc::make_mut(&mut self.held);
        for c in comments {
            held.remove(&c.id);
        }
    }
}
