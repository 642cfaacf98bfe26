use std::rc::Rc;

use yew::Reducible;

use crate::model::{Comment, CommentList, PostTarget, Thread};
use crate::source::thread::{build_thread, SortOrder};

/// The comment section's state: the comments the API sent plus those posted here, threaded.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ThreadState {
    /// Every comment known, in arrival order (the thread is rebuilt from this).
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
}

impl ThreadState {
    /// Apply an action, returning the new state (pure: tested natively; the `Reducible` impl wraps it).
    pub fn apply(mut self, action: ThreadAction) -> Self {
        match action {
            ThreadAction::Loaded(list) => {
                // Comments posted here that a stale list does not hold yet are kept: nothing the reader wrote vanishes.
                let posted: Vec<Comment> = self
                    .comments
                    .into_iter()
                    .filter(|c| !list.comments.iter().any(|l| l.id == c.id))
                    .collect();
                self.comments = list.comments;
                self.comments.extend(posted);
                self.post = list.post;
                self.total = list.total;
            }
            ThreadAction::Posted(comment) => {
                if self.replying_to.as_ref() == comment.parent.as_ref() {
                    self.replying_to = None;
                }
                self.comments.retain(|c| c.id != comment.id);
                self.comments.push(comment);
            }
            ThreadAction::Sort(order) => self.sort = order,
            ThreadAction::OpenReply(id) => self.replying_to = Some(id),
            ThreadAction::CloseReply => self.replying_to = None,
        }
        self.thread = build_thread(self.comments.clone(), self.sort);
        self
    }

    /// The count to show: the API's total when it reports more than it sent, else the comments that are not deleted.
    pub fn count(&self) -> usize {
        self.total.unwrap_or(0).max(self.thread.visible_count())
    }
}

impl Reducible for ThreadState {
    type Action = ThreadAction;

    fn reduce(self: Rc<Self>, action: ThreadAction) -> Rc<Self> {
        Rc::new((*self).clone().apply(action))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Author, SafeHtml};

    fn c(id: &str, parent: Option<&str>) -> Comment {
        Comment {
            id: id.into(),
            parent: parent.map(Rc::from),
            author: Author {
                name: "A".into(),
                url: None,
                avatar: None,
            },
            date: None,
            body: SafeHtml::default(),
            score: None,
            deleted: false,
            by_article_author: false,
        }
    }

    fn list(ids: &[&str]) -> CommentList {
        CommentList {
            comments: ids.iter().map(|i| c(i, None)).collect(),
            total: None,
            post: None,
        }
    }

    // A posted reply appears in the thread under its parent at once, and closes the reply form.
    #[test]
    fn posted_reply_nests_and_closes_form() {
        let s = ThreadState::default().apply(ThreadAction::Loaded(list(&["a"])));
        let s = s.apply(ThreadAction::OpenReply("a".into()));
        let s = s.apply(ThreadAction::Posted(c("r", Some("a"))));
        assert_eq!(s.replying_to, None);
        let a = s.thread.index_of("a").expect("a");
        assert_eq!(s.thread.replies(a).len(), 1);
        assert_eq!(s.count(), 2);
    }

    // A reload of the list that does not contain the comment just posted keeps it.
    #[test]
    fn reload_keeps_local_posts() {
        let s = ThreadState::default().apply(ThreadAction::Loaded(list(&["a"])));
        let s = s.apply(ThreadAction::Posted(c("new", None)));
        let s = s.apply(ThreadAction::Loaded(list(&["a", "b"])));
        assert_eq!(s.thread.len(), 3);
        let s = s.apply(ThreadAction::Loaded(list(&["a", "b", "new"])));
        assert_eq!(s.thread.len(), 3, "no duplicate once the server lists it");
    }

    // Deleted comments are not counted, and the API's total wins when it is larger (a page of a long thread).
    #[test]
    fn counting() {
        let mut l = list(&["a", "b"]);
        l.comments[1].deleted = true;
        let s = ThreadState::default().apply(ThreadAction::Loaded(l.clone()));
        assert_eq!(s.count(), 1);
        l.total = Some(40);
        assert_eq!(
            ThreadState::default()
                .apply(ThreadAction::Loaded(l))
                .count(),
            40
        );
    }
}
