use super::*;
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
        date: Some(from_epoch_ms(t)),
        ..Comment::sample(id, parent)
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
