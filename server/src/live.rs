//! The hub of live updates: handlers publish each comment as it becomes visible (posted, or approved by a moderator)
//! and each listed comment that changes (edited, deleted, or an edit approved by a moderator), and every open event
//! stream (`handlers::events`) of that article receives it. Held comments, and edits held for review, are not
//! published. On PostgreSQL the listener (`db::pg::listen`, started by `app::spawn_background`) publishes here too
//! what other instances published, so a stream on any instance sees every instance's comments and changes.
//!
//! A live article's updates (an entry added or edited, the body corrected by an editor) go through the same hub on
//! a channel of their own, to the article event streams (`handlers::live`), and across instances the same way.

use tokio::sync::{broadcast, watch};

use crate::model::{Comment, Correction, Entry};

/// What happened to a live article: the article stream's `message`, `changed` and `body` events.
#[derive(Clone, Debug, PartialEq)]
pub enum ArticleEvent {
    /// An entry was published.
    Entry(Entry),
    /// A published entry was edited.
    EntryChanged(Entry),
    /// The body was corrected.
    Body(Correction),
}

/// One article update: the article and what happened to it.
pub type ArticleUpdate = (String, ArticleEvent);

/// How many published comments a slow listener may fall behind before it skips some (it can reload the list).
pub const BACKLOG: usize = 256;

/// What happened to a comment.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Listed for the first time (posted, or approved): the stream's `message` event.
    New,
    /// Already listed, and now different (edited, deleted, or its edit approved): the stream's `changed` event.
    Changed,
}

/// One update: the article, what happened, and the comment as the list now shows it.
pub type Update = (String, Kind, Comment);

/// The publishing side, shared by every request; cheap to clone.
#[derive(Clone)]
pub struct Events {
    tx: broadcast::Sender<Update>,
    articles: broadcast::Sender<ArticleUpdate>,
    shutdown: watch::Receiver<bool>,
}

/// One listener of live articles' updates, and the shutdown switch.
pub struct ArticleSubscription {
    /// Updates of every article, with its id; a listener keeps the ones of its article.
    pub updates: broadcast::Receiver<ArticleUpdate>,
    /// Turns true when the server shuts down, so the stream can end.
    pub shutdown: watch::Receiver<bool>,
}

/// One listener's view of the hub: comments of every article, and the shutdown switch.
pub struct Subscription {
    /// Published and changed comments with their article ids; a listener keeps the ones of its article.
    pub comments: broadcast::Receiver<Update>,
    /// Turns true when the server shuts down, so the stream can end.
    pub shutdown: watch::Receiver<bool>,
}

impl Events {
    /// A hub whose streams all end when `shutdown` turns true (so a graceful shutdown does not wait for them).
    pub fn new(shutdown: watch::Receiver<bool>) -> Self {
        let (tx, _) = broadcast::channel(BACKLOG);
        let (articles, _) = broadcast::channel(BACKLOG);
        Events {
            tx,
            articles,
            shutdown,
        }
    }

    /// Tell every listener of `article` about a published comment.
    pub fn publish(&self, article: &str, comment: &Comment) {
        self.send(article, Kind::New, comment);
    }

    /// Tell every listener of `article` that a listed comment changed (`comment` is its new version, a deleted one
    /// as its placeholder).
    pub fn changed(&self, article: &str, comment: &Comment) {
        self.send(article, Kind::Changed, comment);
    }

    /// Tell every listener of `article` what happened to `comment`.
    pub fn send(&self, article: &str, kind: Kind, comment: &Comment) {
        // No listener is not an error.
        let _ = self.tx.send((article.to_owned(), kind, comment.clone()));
    }

    /// Tell every listener of live `article` what happened to it.
    pub fn article(&self, article: &str, event: ArticleEvent) {
        let _ = self.articles.send((article.to_owned(), event));
    }

    /// Start listening to live articles' updates from now on.
    pub fn subscribe_articles(&self) -> ArticleSubscription {
        ArticleSubscription {
            updates: self.articles.subscribe(),
            shutdown: self.shutdown.clone(),
        }
    }

    /// Start listening from now on.
    pub fn subscribe(&self) -> Subscription {
        Subscription {
            comments: self.tx.subscribe(),
            shutdown: self.shutdown.clone(),
        }
    }
}
