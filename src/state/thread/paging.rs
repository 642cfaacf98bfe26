//! Paging of the API's comment list inside the thread state: further pages are merged as they arrive (deduplicated
//! by id, replies attached to parents that came later), the reader's collapsed subtrees and place are kept, and a
//! linked comment that is not on the loaded pages is searched for page by page.

use std::collections::HashSet;
use std::rc::Rc;

use super::ThreadState;
use crate::model::{Comment, CommentList};
use crate::source::thread::build_thread;
use crate::state::LoadError;

/// The most pages read while looking for a linked comment (`#comment-<id>`): enough for 50 pages of an API's
/// list, and a bound on the requests a wrong link can cause.
pub const MAX_SEEK_PAGES: u32 = 50;

/// Where the API's list stands: which page comes next and whether it is being fetched.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PageState {
    /// The absolute URL of the next page; `None`: every page is loaded (or the API does not page).
    pub next: Option<Rc<str>>,
    /// How many pages are loaded (1 after the first).
    pub loaded: u32,
    /// A page is being fetched.
    pub fetching: bool,
    /// Why the last page request failed; the reader may try again.
    pub error: Option<LoadError>,
}

impl PageState {
    /// After the first page.
    pub fn first(next: Option<Rc<str>>) -> Self {
        PageState {
            next,
            loaded: 1,
            fetching: false,
            error: None,
        }
    }
}

impl ThreadState {
    /// A page fetch started (ignored when there is no next page).
    pub(super) fn page_requested(&mut self) {
        if self.pages.next.is_some() {
            self.pages.fetching = true;
            self.pages.error = None;
        }
    }

    /// A page fetch failed.
    pub(super) fn page_failed(&mut self, error: LoadError) {
        self.pages.fetching = false;
        self.pages.error = Some(error);
    }

    /// Merge the page fetched from `from`. A page for another URL (the list was loaded again meanwhile) is dropped.
    /// Comments already known are kept as they are (an offset-paged API repeats items when comments arrive); the
    /// top-level comments the reader could see stay drawn, wherever the sort puts the new ones, and the new ones are
    /// drawn after them — unless the page was fetched to find a linked comment, which draws only that comment.
    pub(super) fn append_page(&mut self, from: &str, list: CommentList) {
        if self.pages.next.as_deref() != Some(from) {
            return;
        }
        let shown_before: Vec<Rc<str>> = self.thread.roots()
            [..self.shown_roots.min(self.thread.roots().len())]
            .iter()
            .filter_map(|&i| self.thread.comment(i).map(|c| c.id.clone()))
            .collect();
        let arriving: HashSet<Rc<str>> = list.comments.iter().map(|c| c.id.clone()).collect();
        // Comments that came live and wait for the reader are on this page: the reader asked for them now.
        self.incoming.retain(|c| !arriving.contains(&c.id));
        let comments = self.merged(list.comments);
        self.pages = PageState {
            next: list.next,
            loaded: self.pages.loaded.saturating_add(1),
            fetching: false,
            error: None,
        };
        self.total = list.total.or(self.total);
        if !list.more.is_empty() {
            Rc::make_mut(&mut self.more).extend(list.more);
        }
        self.thread = build_thread(comments, self.sort);

        let old = self.shown_roots;
        let last_kept = shown_before
            .iter()
            .filter_map(|id| self.root_position(id))
            .max()
            .map_or(0, |p| p + 1);
        let grown = if self.seeking.is_some() {
            old.min(self.thread.roots().len())
        } else {
            self.roots_after(old.min(self.thread.roots().len()))
        };
        self.shown_roots = last_kept.max(grown);

        if let Some(id) = self.seeking.clone() {
            if self.thread.index_of(&id).is_some() {
                self.seeking = None;
                self.focus(id);
            } else if self.pages.next.is_none() {
                // Every page was read and the comment is not there: stop looking.
                self.seeking = None;
            }
        }
    }

    /// The known comments followed by those of `arriving` that are new; known ones stay as they are (an
    /// offset-paged API repeats items when comments arrive, and a stub's answer holds its parent again).
    pub(super) fn merged(&self, arriving: Vec<Comment>) -> Vec<Comment> {
        // The set type of `pinned` and `collapsed` (one hash table instance in the wasm), hence the `Rc` clones.
        let known: HashSet<Rc<str>> = self.comments().iter().map(|c| c.id.clone()).collect();
        let fresh: Vec<Comment> = arriving
            .into_iter()
            .filter(|c| !known.contains(&c.id))
            .collect();
        let mut comments = self.comments().to_vec();
        comments.extend(fresh);
        comments
    }

    /// The position, among the top-level comments, of the one under which comment `id` now sits (itself, or its
    /// top-level ancestor if a parent arrived on a later page).
    fn root_position(&self, id: &str) -> Option<usize> {
        let t = &self.thread;
        let mut i = t.index_of(id)?;
        for _ in 0..t.len() {
            let parent = t
                .comment(i)?
                .parent
                .as_deref()
                .and_then(|p| t.index_of(p))
                .filter(|&p| t.replies(p).contains(&i));
            match parent {
                Some(p) => i = p,
                None => break,
            }
        }
        t.roots().iter().position(|&r| r == i)
    }

    /// Whether another page should be fetched now to find the linked comment: one is being looked for, a next page
    /// exists, none is in flight, the last did not fail, and fewer than [`MAX_SEEK_PAGES`] were read.
    pub fn wants_page(&self) -> bool {
        self.seeking.is_some()
            && self.pages.next.is_some()
            && !self.pages.fetching
            && self.pages.error.is_none()
            && self.pages.loaded < MAX_SEEK_PAGES
    }
}
