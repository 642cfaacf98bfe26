use std::rc::Rc;

use super::{Author, SafeHtml, Timestamp};

/// One comment of a thread.
#[derive(Clone, Debug, PartialEq)]
pub struct Comment {
    /// Unique within the article.
    pub id: Rc<str>,
    /// The comment this one answers; `None` for a top-level comment.
    pub parent: Option<Rc<str>>,
    /// Who wrote it.
    pub author: Author,
    /// When it was written.
    pub date: Option<Timestamp>,
    /// The text, sanitised. Empty for deleted comments.
    pub body: SafeHtml,
    /// Votes, where the platform has them.
    pub score: Option<i64>,
    /// Removed: drawn as a placeholder that keeps its replies.
    pub deleted: bool,
    /// Written by the article's author.
    pub by_article_author: bool,
    /// The content warning the author put the comment behind (Mastodon's `spoiler_text`): the comment is drawn
    /// collapsed behind it. `Some("")`: marked sensitive without a text of its own.
    pub warning: Option<Rc<str>>,
    /// The comment's custom emoji: each `:shortcode:` in the body is drawn as its picture where the reader's
    /// image setting lets that picture load (as for avatars), else stays text.
    pub emoji: Rc<[Emoji]>,
}

/// One custom emoji of a comment (Mastodon's `emojis`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Emoji {
    /// The shortcode without colons (`blobcat`).
    pub code: Rc<str>,
    /// The picture, an http(s) image URL already checked.
    pub url: Rc<str>,
}

/// Where and how new comments are posted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PostTarget {
    /// Absolute URL that accepts a `POST` of a Folio comment.
    pub url: Rc<str>,
    /// The server's length limit for a comment body, in characters.
    pub max_length: usize,
}

/// A comment list as an API returned it, before threading.
#[derive(Clone, Debug, PartialEq)]
pub struct CommentList {
    /// The comments, in the API's order.
    pub comments: Vec<Comment>,
    /// The total the API reports, when the list is one page of more.
    pub total: Option<usize>,
    /// Where to post; `None` means read-only.
    pub post: Option<PostTarget>,
    /// The absolute URL of the next page of this list, when the API pages it (Folio JSON's `next`, a `Link:
    /// rel="next"` header, or a mapping's pagination style); `None`: this was the last page.
    pub next: Option<Rc<str>>,
    /// "Load more" stubs of the platform (Reddit's `more`, Ghost's reply counts): replies the API left out of this
    /// document.
    pub more: Vec<MoreStub>,
}

/// Replies an API left out and stood a stub in for (Reddit's `kind: "more"`): drawn as "N more replies".
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MoreStub {
    /// The comment whose replies these are; `None`: more top-level comments.
    pub parent: Option<Rc<str>>,
    /// How many replies the stub stands for.
    pub count: usize,
    /// Where the reader can read them on the platform (the thread's page), when the mapping says.
    pub url: Option<Rc<str>>,
    /// Where they can be fetched (a document of the list's shape holding the parent and its replies, or only the
    /// replies), when the mapping says; the stub is then a button that loads them into the thread.
    pub fetch: Option<Rc<str>>,
}

/// A thread: comments in an arena with reply links by index, so that neither building nor dropping a very deep
/// chain recurses (a 100,000-deep chain of `Rc` nodes would overflow the stack when dropped).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Thread {
    pub(crate) comments: Rc<[Comment]>,
    pub(crate) replies: Rc<[Rc<[usize]>]>,
    pub(crate) roots: Rc<[usize]>,
    pub(crate) descendants: Rc<[usize]>,
}

impl Thread {
    /// Top-level comments, as indices, in display order.
    pub fn roots(&self) -> &[usize] {
        &self.roots
    }

    /// Replies to comment `index`, oldest first.
    pub fn replies(&self, index: usize) -> &[usize] {
        self.replies.get(index).map(|r| &r[..]).unwrap_or(&[])
    }

    /// The comment at `index`.
    pub fn comment(&self, index: usize) -> Option<&Comment> {
        self.comments.get(index)
    }

    /// How many comments sit below comment `index`, at any depth.
    pub fn descendant_count(&self, index: usize) -> usize {
        self.descendants.get(index).copied().unwrap_or(0)
    }

    /// Number of comments, deleted placeholders included.
    pub fn len(&self) -> usize {
        self.comments.len()
    }

    /// No comments at all.
    pub fn is_empty(&self) -> bool {
        self.comments.is_empty()
    }

    /// Number of comments that are not deleted: the count the heading shows.
    pub fn visible_count(&self) -> usize {
        self.comments.iter().filter(|c| !c.deleted).count()
    }

    /// Index of the comment with this id.
    pub fn index_of(&self, id: &str) -> Option<usize> {
        self.comments.iter().position(|c| &*c.id == id)
    }
}

#[cfg(test)]
impl Comment {
    /// A plain comment for tests: author "A", no date, an empty body.
    pub(crate) fn sample(id: &str, parent: Option<&str>) -> Comment {
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
            warning: None,
            emoji: Rc::new([]),
        }
    }
}
