//! Building a thread from a flat list of comments with parent ids, whatever state the list is in: duplicates,
//! orphans, cycles and very deep chains are all handled without recursion and without panicking.

use std::collections::HashMap;
use std::rc::Rc;

use crate::model::{Comment, Thread};

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
    let time = |i: &usize| kept[*i].date.as_ref().map_or(i64::MAX, |d| d.epoch_ms);
    for r in &mut replies {
        r.sort_by_key(time); // stable: same time keeps the API's order
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

/// Order top-level comments; used again when the reader changes the sort.
pub fn sort_roots(roots: &mut [usize], comments: &[Comment], order: SortOrder) {
    let time = |i: &usize| comments[*i].date.as_ref().map_or(i64::MAX, |d| d.epoch_ms);
    match order {
        SortOrder::Oldest => roots.sort_by_key(time),
        SortOrder::Newest => roots.sort_by_key(|i| std::cmp::Reverse(time(i))),
        SortOrder::Top => {
            roots.sort_by_key(|i| (std::cmp::Reverse(comments[*i].score.unwrap_or(0)), time(i)))
        }
    }
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
mod tests {
    use super::*;
    use crate::model::{Author, SafeHtml};
    use crate::source::date::from_epoch_ms;

    // Every order survives a round trip through its stored name; unknown names are ignored.
    #[test]
    fn sort_names_round_trip() {
        for o in [SortOrder::Oldest, SortOrder::Newest, SortOrder::Top] {
            assert_eq!(SortOrder::from_name(o.name()), Some(o));
        }
        assert_eq!(SortOrder::from_name("random"), None);
    }

    fn c(id: &str, parent: Option<&str>, t: i64) -> Comment {
        Comment {
            id: id.into(),
            parent: parent.map(Rc::from),
            author: Author {
                name: "A".into(),
                url: None,
                avatar: None,
            },
            date: Some(from_epoch_ms(t)),
            body: SafeHtml::default(),
            score: None,
            deleted: false,
            by_article_author: false,
        }
    }

    fn ids(t: &Thread, idx: &[usize]) -> Vec<String> {
        idx.iter()
            .filter_map(|&i| t.comment(i))
            .map(|c| c.id.to_string())
            .collect()
    }

    // Replies hang under their parents and stay oldest-first even when the API lists them newest-first.
    #[test]
    fn nests_and_orders_replies() {
        let t = build_thread(
            vec![
                c("b", Some("a"), 30),
                c("a", None, 10),
                c("c", Some("a"), 20),
            ],
            SortOrder::Oldest,
        );
        assert_eq!(ids(&t, t.roots()), ["a"]);
        let a = t.index_of("a").expect("a kept");
        assert_eq!(ids(&t, t.replies(a)), ["c", "b"]);
        assert_eq!(t.descendant_count(a), 2);
    }

    // A reply to a comment the API did not send is shown at the top level, not dropped.
    #[test]
    fn orphans_become_roots() {
        let t = build_thread(
            vec![c("a", None, 1), c("x", Some("missing"), 2)],
            SortOrder::Oldest,
        );
        assert_eq!(ids(&t, t.roots()), ["a", "x"]);
    }

    // A duplicated id keeps its first version only.
    #[test]
    fn duplicates_keep_first() {
        let mut second = c("a", None, 5);
        second.score = Some(9);
        let t = build_thread(vec![c("a", None, 1), second], SortOrder::Oldest);
        assert_eq!(t.len(), 1);
        assert_eq!(t.comment(0).and_then(|c| c.score), None);
    }

    // Parent cycles (a→b→c→a, and a comment answering itself) are cut: every comment is still reachable once.
    #[test]
    fn cycles_are_cut() {
        let t = build_thread(
            vec![
                c("a", Some("c"), 1),
                c("b", Some("a"), 2),
                c("c", Some("b"), 3),
                c("s", Some("s"), 4),
            ],
            SortOrder::Oldest,
        );
        let reachable: usize = t.roots().iter().map(|&r| 1 + t.descendant_count(r)).sum();
        assert_eq!(reachable, 4);
        assert!(ids(&t, t.roots()).contains(&"s".to_string()));
    }

    // A 100,000-deep chain builds, counts and drops without recursion.
    #[test]
    fn very_deep_chain() {
        let n = 100_000;
        let list: Vec<Comment> = (0..n)
            .map(|i| {
                c(
                    &i.to_string(),
                    (i > 0).then(|| (i - 1).to_string()).as_deref(),
                    i,
                )
            })
            .collect();
        let t = build_thread(list, SortOrder::Oldest);
        assert_eq!(t.roots().len(), 1);
        assert_eq!(t.descendant_count(t.roots()[0]), n as usize - 1);
    }

    // Sorting top-level comments: newest first, or by score with ties broken by age.
    #[test]
    fn root_orders() {
        let mut a = c("a", None, 1);
        a.score = Some(1);
        let mut b = c("b", None, 2);
        b.score = Some(5);
        let mut d = c("d", None, 3);
        d.score = Some(5);
        let list = vec![a, b, d];
        assert_eq!(
            ids(
                &build_thread(list.clone(), SortOrder::Newest),
                &build_thread(list.clone(), SortOrder::Newest).roots
            ),
            ["d", "b", "a"]
        );
        let top = build_thread(list, SortOrder::Top);
        assert_eq!(ids(&top, top.roots()), ["b", "d", "a"]);
    }
}
