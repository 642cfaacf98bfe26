//! The hub of live updates: handlers publish each comment as it becomes visible (posted, or approved by a moderator),
//! and every open event stream (`handlers::events`) of that article receives it. Held comments and edits are not
//! published. On PostgreSQL the listener (`db::pg::listen`, started by `app::spawn_background`) publishes here too
//! the comments that other instances published, so a stream on any instance sees every instance's comments.

use tokio::sync::{broadcast, watch};

use crate::model::Comment;

/// How many published comments a slow listener may fall behind before it skips some (it can reload the list).
pub const BACKLOG: usize = 256;

/// The publishing side, shared by every request; cheap to clone.
#[derive(Clone)]
pub struct Events {
    tx: broadcast::Sender<(String, Comment)>,
    shutdown: watch::Receiver<bool>,
}

/// One listener's view of the hub: comments of every article, and the shutdown switch.
pub struct Subscription {
    /// Published comments with their article ids; a listener keeps the ones of its article.
    pub comments: broadcast::Receiver<(String, Comment)>,
    /// Turns true when the server shuts down, so the stream can end.
    pub shutdown: watch::Receiver<bool>,
}

impl Events {
    /// A hub whose streams all end when `shutdown` turns true (so a graceful shutdown does not wait for them).
    pub fn new(shutdown: watch::Receiver<bool>) -> Self {
        let (tx, _) = broadcast::channel(BACKLOG);
        Events { tx, shutdown }
    }

    /// Tell every listener of `article` about a published comment.
    pub fn publish(&self, article: &str, comment: &Comment) {
        // No listener is not an error.
        let _ = self.tx.send((article.to_owned(), comment.clone()));
    }

    /// Start listening from now on.
    pub fn subscribe(&self) -> Subscription {
        Subscription {
            comments: self.tx.subscribe(),
            shutdown: self.shutdown.clone(),
        }
    }
}
