//! The reader's own comments inside the thread state: which of them wait for review, and the edit tokens that let
//! the reader change them. Kept per reader (two readers on one page never share them); the hooks read the tokens
//! from storage once and write them back from one effect.

use std::rc::Rc;

use super::{ThreadAction, ThreadState};
use crate::model::Comment;

impl ThreadState {
    /// The reader's own-comment actions (the others are handled in `reduce`).
    pub(super) fn apply_own(&mut self, action: ThreadAction) {
        match action {
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
