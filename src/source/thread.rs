//! Building a thread from a flat list of comments with parent ids, whatever state the list is in: duplicates,
//! orphans, cycles and very deep chains are all handled without recursion and without panicking.

use std::collections::HashMap;
use std::rc::Rc;

use crate::model::{sort_indices, Comment, Thread};

/// How top-level comments are ordered. Replies always stay oldest-first, so a conversation reads in order.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SortOrder {
    /// Oldest first: the thread as it happened.
    #[default]
    Oldest,
    /// Newest first.
    Newest,
    /// Highest score first (ties: oldest first).
    Top,
}

impl SortOrder {
    /// The order's stored name.
    pub fn name(self) -> &'static str {
        match self {
            SortOrder::Oldest => "oldest",
            SortOrder::Newest => "newest",
            SortOrder::Top => "top",
        }
    }

    /// An order from its stored name; anything else is ignored.
    pub fn from_name(name: &str) -> Option<SortOrder> {
        match name {
            "oldest" => Some(SortOrder::Oldest),
            "newest" => Some(SortOrder::Newest),
            "top" => Some(SortOrder::Top),
            _ => None,
        }
    }
}

/// Build a thread. Rules, in order:
/// - a repeated id keeps its first occurrence (APIs that page by offset repeat items when comments arrive);
/// - a comment whose parent is unknown (or itself) becomes top-level, so nothing is lost;
/// - a parent cycle is cut where it is found, making that comment top-level.
pub fn build_thread(comments: Vec<Comment>, order: SortOrder) -> Thread {
    let mut seen: HashMap<Rc<str>, usize> = HashMap::with_capacity(comments.len());
    let mut kept: Vec<Comment> = Vec::with_capacity(comments.len());
    for c in comments {
        if !seen.contains_key(&c.id) {
            seen.insert(c.id.clone(), kept.len());
            kept.push(c);
        }
    }
    let n = kept.len();
    let mut parent: Vec<Option<usize>> = kept
        .iter()
        .enumerate()
        .map(|(i, c)| {
            c.parent
                .as_ref()
                .and_then(|p| seen.get(p).copied())
                .filter(|&p| p != i)
        })
        .collect();
    cut_cycles(&mut parent);

    let mut replies: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut roots = Vec::new();
    for (i, p) in parent.iter().enumerate() {
        match p {
            Some(p) => replies[*p].push(i),
            None => roots.push(i),
        }
    }
    for r in &mut replies {
        sort_roots(r, &kept, SortOrder::Oldest); // stable: same time keeps the API's order
    }
    sort_roots(&mut roots, &kept, order);
    let descendants = count_descendants(&roots, &replies);

    Thread {
        comments: kept.into(),
        replies: replies.into_iter().map(Rc::from).collect(),
        roots: roots.into(),
        descendants: descendants.into(),
    }
}

/// Order top-level comments (or one comment's replies); used again when the reader changes the sort. Stable:
/// comments that compare equal keep the API's order.
pub fn sort_roots(roots: &mut [usize], comments: &[Comment], order: SortOrder) {
    // Through the crate's one sort (`model::sort_indices`, shared with the live blog's entries), with one key type
    // for every order. The key is (score first for Top, else 0; time, newest negated).
    let key = |i: usize| {
        let c = &comments[i];
        let time = c.date.as_ref().map_or(i64::MAX, |d| d.epoch_ms);
        match order {
            SortOrder::Oldest => (0, time),
            SortOrder::Newest => (0, time.saturating_neg()),
            SortOrder::Top => (c.score.unwrap_or(0).saturating_neg(), time),
        }
    };
    sort_indices(roots, &|a, b| key(a).cmp(&key(b)));
}

/// Walk up from every comment with a three-colour marking; an edge back into the current walk closes a cycle.
fn cut_cycles(parent: &mut [Option<usize>]) {
    const NEW: u8 = 0;
    const ON_PATH: u8 = 1;
    const DONE: u8 = 2;
    let mut state = vec![NEW; parent.len()];
    let mut path = Vec::new();
    for start in 0..parent.len() {
        let mut cur = start;
        while state[cur] == NEW {
            state[cur] = ON_PATH;
            path.push(cur);
            match parent[cur] {
                Some(p) if state[p] == ON_PATH => {
                    parent[cur] = None;
                    break;
                }
                Some(p) => cur = p,
                None => break,
            }
        }
        for i in path.drain(..) {
            state[i] = DONE;
        }
    }
}

/// Descendant counts, from a breadth-first order walked backwards (children are always counted before parents).
fn count_descendants(roots: &[usize], replies: &[Vec<usize>]) -> Vec<usize> {
    let mut order = Vec::with_capacity(replies.len());
    order.extend_from_slice(roots);
    let mut next = 0;
    while next < order.len() {
        order.extend_from_slice(&replies[order[next]]);
        next += 1;
    }
    let mut counts = vec![0; replies.len()];
    for &i in order.iter().rev() {
        counts[i] = replies[i].iter().map(|&c| 1 + counts[c]).sum();
    }
    counts
}

#[cfg(test)]
mod tests;
