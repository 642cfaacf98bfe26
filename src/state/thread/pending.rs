//! The posts in flight of one reader, by local comment id.

use super::PendingPost;

/// The posts sent from this page that the server has not confirmed, in the order they were sent, each under its
/// comment's local id (`pending-<idempotency key>`). A list, not a map: a reader has a handful in flight at most,
/// and a map of its own type would add its own hash table code to the wasm.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PendingPosts(Vec<PendingPost>);

impl PendingPosts {
    /// The post whose comment has the local id `id`.
    pub fn get(&self, id: &str) -> Option<&PendingPost> {
        self.0.iter().find(|p| &*p.comment.id == id)
    }

    /// [`get`](Self::get), to change it.
    pub fn get_mut(&mut self, id: &str) -> Option<&mut PendingPost> {
        self.0.iter_mut().find(|p| &*p.comment.id == id)
    }

    /// Whether a post with the local id `id` is in flight.
    pub fn contains_key(&self, id: &str) -> bool {
        self.get(id).is_some()
    }

    /// Keep `post` (in place of the one with its id: a retry sends the same comment again).
    pub fn insert(&mut self, post: PendingPost) {
        match self.get_mut(&post.comment.id) {
            Some(kept) => *kept = post,
            None => self.0.push(post),
        }
    }

    /// Forget the post with the local id `id` (confirmed); it, if it was kept.
    pub fn remove(&mut self, id: &str) -> Option<PendingPost> {
        let at = self.0.iter().position(|p| &*p.comment.id == id)?;
        Some(self.0.remove(at))
    }

    /// How many posts are in flight.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether none is.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}
