//! Native tests of the thread state: merging lists and local posts, sorting, collapsing, paging, live arrivals,
//! deep links.

use super::*;
use crate::model::{Author, SafeHtml};
use crate::source::date::from_epoch_ms;

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

fn dated(id: &str, parent: Option<&str>, t: i64) -> Comment {
    Comment {
        date: Some(from_epoch_ms(t)),
        ..c(id, parent)
    }
}

fn list(ids: &[&str]) -> CommentList {
    CommentList {
        comments: ids.iter().map(|i| c(i, None)).collect(),
        total: None,
        post: None,
    }
}

fn root_ids(s: &ThreadState) -> Vec<String> {
    s.visible_roots()
        .iter()
        .filter_map(|&i| s.thread.comment(i))
        .map(|c| c.id.to_string())
        .collect()
}

fn pending(id: &str, parent: Option<&str>) -> PendingPost {
    PendingPost {
        comment: c(id, parent),
        failure: None,
        retry: Callback::noop(),
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

// Changing the order re-sorts top-level comments; replies stay oldest-first whatever the order.
#[test]
fn sorting_keeps_replies_oldest_first() {
    let l = CommentList {
        comments: vec![
            dated("a", None, 1),
            dated("b", None, 2),
            dated("a2", Some("a"), 5),
            dated("a1", Some("a"), 3),
        ],
        total: None,
        post: None,
    };
    let s = ThreadState::default().apply(ThreadAction::Loaded(l));
    assert_eq!(root_ids(&s), ["a", "b"]);
    let s = s.apply(ThreadAction::Sort(SortOrder::Newest));
    assert_eq!(root_ids(&s), ["b", "a"]);
    let a = s.thread.index_of("a").expect("a");
    let replies: Vec<&str> = s
        .thread
        .replies(a)
        .iter()
        .filter_map(|&i| s.thread.comment(i))
        .map(|c| &*c.id)
        .collect();
    assert_eq!(replies, ["a1", "a2"]);
}

// A collapsed subtree stays collapsed when the list is reloaded and new comments arrive; toggling again opens it.
#[test]
fn collapse_survives_new_comments() {
    let mut l = list(&["a"]);
    l.comments.push(c("r", Some("a")));
    let s = ThreadState::default()
        .apply(ThreadAction::Loaded(l.clone()))
        .apply(ThreadAction::Toggle("a".into()));
    assert!(s.is_collapsed("a"));
    l.comments.push(c("r2", Some("a")));
    let s = s
        .apply(ThreadAction::Loaded(l))
        .apply(ThreadAction::Arrived(vec![c("x", Some("a"))]))
        .apply(ThreadAction::ShowIncoming);
    assert!(s.is_collapsed("a"), "still collapsed after new comments");
    let a = s.thread.index_of("a").expect("a");
    assert_eq!(s.thread.descendant_count(a), 3);
    assert!(!s.apply(ThreadAction::Toggle("a".into())).is_collapsed("a"));
}

// The first page holds about PAGE_BUDGET comments; "show more" adds the next page; the last page stops at the end.
#[test]
fn paging_roots_by_budget() {
    let ids: Vec<String> = (0..100).map(|i| format!("c{i}")).collect();
    let refs: Vec<&str> = ids.iter().map(String::as_str).collect();
    let s = ThreadState::default().apply(ThreadAction::Loaded(list(&refs)));
    assert_eq!(s.visible_roots().len(), PAGE_BUDGET);
    assert_eq!(s.hidden_roots(), 100 - PAGE_BUDGET);
    assert!(s.draw.iter().all(|&k| k == 0), "no replies to draw");
    let mut s = s.apply(ThreadAction::ShowMore);
    assert_eq!(s.visible_roots().len(), 2 * PAGE_BUDGET);
    for _ in 0..100 {
        s = s.apply(ThreadAction::ShowMore);
    }
    assert_eq!(s.visible_roots().len(), 100);
    assert_eq!(s.hidden_roots(), 0);
}

// A huge subtree draws a page of replies, not all of them; "show more replies" draws the next page.
#[test]
fn big_subtree_draws_a_page() {
    let mut l = list(&["big", "small"]);
    for i in 0..500 {
        l.comments.push(c(&format!("r{i}"), Some("big")));
    }
    let s = ThreadState::default().apply(ThreadAction::Loaded(l));
    assert_eq!(root_ids(&s), ["big", "small"]);
    let big = s.thread.index_of("big").expect("big");
    assert_eq!(s.drawn_replies(big), REPLY_PAGE);
    let s = s.apply(ThreadAction::ShowMoreReplies("big".into()));
    assert_eq!(s.drawn_replies(big), 2 * REPLY_PAGE);
}

// However the replies nest (a long chain, a wide fan of fans), one top-level comment draws at most TREE_BUDGET
// replies at first, so no first page can hold thousands of comments.
#[test]
fn deep_and_wide_trees_are_bounded() {
    let mut l = list(&["root"]);
    for i in 0..2000 {
        let parent = if i < 10 {
            "root".to_string()
        } else {
            format!("n{}", (i - 10) / 5)
        };
        l.comments.push(c(&format!("n{i}"), Some(&parent)));
    }
    for i in 0..3000 {
        let parent = if i == 0 {
            "root".to_string()
        } else {
            format!("chain{}", i - 1)
        };
        l.comments.push(c(&format!("chain{i}"), Some(&parent)));
    }
    let s = ThreadState::default().apply(ThreadAction::Loaded(l));
    let drawn: usize = s.draw.iter().map(|&k| k as usize).sum();
    assert!(drawn <= TREE_BUDGET, "{drawn}");
    // The replies drawn are the first ones of each level: the root's first replies come first.
    let root = s.thread.index_of("root").expect("root");
    assert_eq!(s.drawn_replies(root), REPLY_PAGE);
}

// A comment written here is drawn at once as pending, then replaced by the stored one; a failure keeps it.
#[test]
fn pending_post_lifecycle() {
    let s = ThreadState::default().apply(ThreadAction::Loaded(list(&["a"])));
    let s = s.apply(ThreadAction::Pending(pending("pending-k", Some("a"))));
    assert!(s.thread.index_of("pending-k").is_some());
    assert_eq!(s.count(), 1, "a pending comment is not counted yet");
    let mut failed = pending("pending-k", Some("a"));
    failed.failure = Some("Too many requests".into());
    let s = s.apply(ThreadAction::Pending(failed));
    assert_eq!(s.thread.len(), 2, "the failure updates, never duplicates");
    assert_eq!(
        s.pending.get("pending-k").and_then(|p| p.failure.clone()),
        Some("Too many requests".into())
    );
    // A reload in between keeps the pending comment.
    let s = s.apply(ThreadAction::Loaded(list(&["a"])));
    assert!(s.thread.index_of("pending-k").is_some());
    let s = s
        .apply(ThreadAction::Posted(c("p9", Some("a"))))
        .apply(ThreadAction::Settled("pending-k".into()));
    assert!(s.thread.index_of("pending-k").is_none());
    assert!(s.thread.index_of("p9").is_some());
    assert_eq!(s.count(), 2);
}

// Live arrivals wait (announced, not drawn) until the reader asks; duplicates and known ones are ignored.
#[test]
fn live_arrivals_wait_for_the_reader() {
    let s = ThreadState::default().apply(ThreadAction::Loaded(list(&["a"])));
    let s = s.apply(ThreadAction::Arrived(vec![c("b", None), c("a", None)]));
    let s = s.apply(ThreadAction::Arrived(vec![c("b", None)]));
    assert_eq!(s.incoming.len(), 1);
    assert_eq!(s.thread.len(), 1, "nothing moves under the reader");
    let s = s.apply(ThreadAction::ShowIncoming);
    assert!(s.incoming.is_empty());
    assert_eq!(s.thread.len(), 2);
    assert!(root_ids(&s).contains(&"b".to_string()));
}

// A new comment that arrives live on a long thread is drawn when shown, even past the current page.
#[test]
fn shown_arrivals_are_drawn_past_the_page() {
    let ids: Vec<String> = (0..100).map(|i| format!("c{i}")).collect();
    let refs: Vec<&str> = ids.iter().map(String::as_str).collect();
    let s = ThreadState::default()
        .apply(ThreadAction::Loaded(list(&refs)))
        .apply(ThreadAction::Arrived(vec![c("late", None)]))
        .apply(ThreadAction::ShowIncoming);
    assert!(root_ids(&s).contains(&"late".to_string()));
}

// A deep link expands the collapsed ancestors, opens enough reply pages, draws its thread and highlights it.
#[test]
fn focus_opens_the_way_to_a_comment() {
    let ids: Vec<String> = (0..100).map(|i| format!("c{i}")).collect();
    let refs: Vec<&str> = ids.iter().map(String::as_str).collect();
    let mut l = list(&refs);
    for i in 0..25 {
        l.comments.push(c(&format!("r{i}"), Some("c99")));
    }
    l.comments.push(c("deep", Some("r24")));
    let s = ThreadState::default()
        .apply(ThreadAction::Loaded(l))
        .apply(ThreadAction::Toggle("c99".into()))
        .apply(ThreadAction::Toggle("r24".into()))
        .apply(ThreadAction::Focus("deep".into()));
    assert!(!s.is_collapsed("c99") && !s.is_collapsed("r24"));
    let c99 = s.thread.index_of("c99").expect("c99");
    assert!(s.drawn_replies(c99) >= 25);
    let r24 = s.thread.index_of("r24").expect("r24");
    assert!(
        s.drawn_replies(r24) >= 1,
        "the way down to the linked comment is drawn"
    );
    assert!(root_ids(&s).contains(&"c99".to_string()));
    assert_eq!(s.highlight.as_deref(), Some("deep"));
    // An unknown id changes nothing.
    let same = s.clone().apply(ThreadAction::Focus("nope".into()));
    assert_eq!(same, s);
}
