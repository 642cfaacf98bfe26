use std::rc::Rc;

use super::PendingPost;
use crate::model::{Comment, CommentList};
use crate::source::thread::SortOrder;
use crate::state::{EditGrant, EditGrants, LoadError, NetError};

/// What can happen to the comment section.
#[derive(Clone, Debug, PartialEq)]
pub enum ThreadAction {
    /// The API's list arrived (or arrived again).
    Loaded(CommentList),
    /// The server accepted a comment posted (or edited, or deleted) here.
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
    /// A post started (upsert by the comment's local id).
    Pending(PendingPost),
    /// A post failed: the comment stays, with the reason and a retry button.
    PostFailed {
        /// The comment's local id.
        local: Rc<str>,
        /// Why.
        error: NetError,
    },
    /// A post is over (stored or abandoned): forget its local copy.
    Settled(Rc<str>),
    /// Comments arrived live (a stream or a poll); they wait in `incoming`.
    Arrived(Vec<Comment>),
    /// Comments changed on the server (a stream's `changed` event, or a poll's list): each one already known replaces
    /// its earlier version in place (in the thread, or among the arrivals waiting); unknown ones are ignored.
    Changed(Vec<Comment>),
    /// The reader asked to see the comments that arrived.
    ShowIncoming,
    /// Open the thread at this comment: expand its ancestors, draw it, highlight it. A comment not loaded yet is
    /// looked for on the next pages (see [`ThreadState::wants_page`](super::ThreadState::wants_page)).
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
    /// The server holds the reader's comment for review.
    Held(Rc<str>),
    /// The edit tokens kept for this article were read (from storage).
    GrantsRead(EditGrants),
    /// The server gave an edit token for the reader's new comment; `now_ms` prunes the expired ones.
    Granted {
        /// The comment.
        id: Rc<str>,
        /// The token, its window and the text as written.
        grant: EditGrant,
        /// The clock, in milliseconds since the epoch.
        now_ms: i64,
    },
    /// The reader edited comment `id` to `text` (the next edit starts from it).
    Edited {
        /// The comment.
        id: Rc<str>,
        /// The text as written.
        text: String,
    },
    /// The reader may no longer change comment `id` (deleted, or the server refused the token).
    GrantDropped(Rc<str>),
}
