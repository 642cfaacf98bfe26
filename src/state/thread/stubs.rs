//! The platform's "load more" stubs (Reddit's `more`, Ghost's reply counts): the replies one stood for, merged
//! under their parent.

use std::rc::Rc;

use super::ThreadState;
use crate::model::CommentList;
use crate::source::thread::build_thread;

impl ThreadState {
    /// Merge the replies a "more" stub under `parent` stood for. The answer holds the parent again (as a top-level
    /// comment of its own document, Reddit) and its replies, or only the replies (Ghost's `…/replies/`, where they
    /// are the document's top level): comments already known stay as they are, so the parent keeps its place; the
    /// new ones attach under their parents, and a new one without a parent under `parent`. The stub goes; deeper
    /// stubs of the answer take its place.
    pub(super) fn stub_loaded(&mut self, parent: &str, mut list: CommentList) {
        if !self
            .more
            .iter()
            .any(|m| m.parent.as_deref() == Some(parent))
        {
            return;
        }
        // Everything the answer adds answers the stub's parent, directly or deeper.
        for c in list.comments.iter_mut().filter(|c| c.parent.is_none()) {
            if &*c.id != parent {
                c.parent = Some(Rc::from(parent));
            }
        }
        let comments = self.merged(list.comments);
        let more = Rc::make_mut(&mut self.more);
        more.retain(|m| m.parent.as_deref() != Some(parent));
        more.extend(
            list.more
                .into_iter()
                .filter(|m| m.parent.as_deref().is_some_and(|p| p != parent)),
        );
        self.thread = build_thread(comments, self.sort);
    }
}
