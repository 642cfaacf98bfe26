//! Native tests of the thread state: merging lists and local posts, sorting, collapsing, paging, live arrivals,
//! deep links.

use super::*;
use crate::model::CommentList;
use crate::source::date::from_epoch_ms;
use crate::state::{EditGrant, EditGrants, LoadError, NetError, MAX_SEEK_PAGES};

fn c(id: &str, parent: Option<&str>) -> Comment {
    Comment::sample(id, parent)
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
        next: None,
        more: Vec::new(),
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
        next: None,
        more: Vec::new(),
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
    let limited = NetError::RateLimited { retry_after: None };
    let s = s.apply(ThreadAction::PostFailed {
        local: "pending-k".into(),
        error: limited.clone(),
    });
    assert_eq!(s.thread.len(), 2, "the failure updates, never duplicates");
    assert_eq!(
        s.pending.get("pending-k").and_then(|p| p.failure.clone()),
        Some(limited)
    );
    // A retry marks it as sending again, still once.
    let s = s.apply(ThreadAction::Pending(pending("pending-k", Some("a"))));
    assert_eq!(s.thread.len(), 2);
    assert_eq!(
        s.pending.get("pending-k").map(|p| p.failure.is_none()),
        Some(true)
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

/// A page of the API's list with these comments, pointing at `next`.
fn page(comments: Vec<Comment>, next: Option<&str>) -> CommentList {
    CommentList {
        comments,
        total: Some(99),
        post: None,
        next: next.map(Rc::from),
        more: Vec::new(),
    }
}

/// The state after the page `list` arrived from `from`.
fn append(s: ThreadState, from: &str, list: CommentList) -> ThreadState {
    s.apply(ThreadAction::PageRequested)
        .apply(ThreadAction::PageLoaded {
            from: from.into(),
            list,
        })
}

// A further page is merged: repeated ids are kept once, a reply whose parent comes on a later page attaches to it,
// and a collapsed subtree stays collapsed while its new replies arrive.
#[test]
fn pages_merge_dedupe_and_attach_late_parents() {
    let first = page(
        vec![
            dated("a", None, 1),
            dated("a1", Some("a"), 2),
            dated("r", Some("b"), 4),
        ],
        Some("https://x.org/c?page=2"),
    );
    let s = ThreadState::default()
        .apply(ThreadAction::Loaded(first))
        .apply(ThreadAction::Toggle("a".into()));
    assert_eq!(
        root_ids(&s),
        ["a", "r"],
        "an orphan reply is drawn top-level until its parent comes"
    );
    let s = append(
        s,
        "https://x.org/c?page=2",
        page(
            vec![
                dated("a1", Some("a"), 2),
                dated("b", None, 3),
                dated("a2", Some("a"), 5),
            ],
            None,
        ),
    );
    assert_eq!(s.comments().len(), 5, "a1 is not duplicated");
    assert_eq!(root_ids(&s), ["a", "b"]);
    let b = s.thread.index_of("b").expect("b");
    let r = s.thread.index_of("r").expect("r");
    assert_eq!(s.thread.replies(b), [r], "r now answers b");
    let a = s.thread.index_of("a").expect("a");
    assert!(
        s.is_collapsed("a") && s.drawn_replies(a) == 0,
        "a stays collapsed"
    );
    assert_eq!(s.thread.descendant_count(a), 2);
    assert_eq!((s.pages.next.clone(), s.pages.loaded), (None, 2));
    assert_eq!(s.total, Some(99));
}

/// A "more" stub under `parent` standing for `count` replies.
fn stub(parent: Option<&str>, count: usize) -> crate::model::MoreStub {
    crate::model::MoreStub {
        parent: parent.map(Rc::from),
        count,
        url: None,
        fetch: None,
    }
}

// A stub's fetched replies attach under their parent (which is in the answer again, as a root of its own document,
// and keeps its place); the stub goes, a deeper stub of the answer replaces it, and an answer for a stub that is
// no longer there is ignored.
#[test]
fn stub_replies_merge_under_their_parent() {
    let mut first = page(vec![c("a", None), c("b", None)], None);
    first.more = vec![stub(Some("a"), 2), stub(None, 12)];
    let s = ThreadState::default().apply(ThreadAction::Loaded(first));
    let mut answer = page(
        vec![c("a", None), c("x", Some("a")), c("y", Some("x"))],
        None,
    );
    answer.more = vec![stub(Some("y"), 4), stub(Some("a"), 1), stub(None, 1)];
    let s = s.apply(ThreadAction::StubLoaded {
        parent: "a".into(),
        list: answer.clone(),
    });
    assert_eq!(s.comments().len(), 4, "a, b, x, y: a is not doubled");
    let a = s.thread.index_of("a").expect("a");
    let x = s.thread.index_of("x").expect("x");
    assert_eq!(s.thread.replies(a), [x]);
    assert_eq!(
        s.thread.roots().len(),
        2,
        "a keeps its place among the roots"
    );
    assert_eq!(*s.more, [stub(None, 12), stub(Some("y"), 4)]);
    let again = s.clone().apply(ThreadAction::StubLoaded {
        parent: "a".into(),
        list: answer,
    });
    assert_eq!(again.comments().len(), 4);
    assert_eq!(again.more, s.more);
}

// An answer that lists only the replies (Ghost's `…/replies/`: they are its top level) puts them under the stub's
// parent; the replies the first page already held are not doubled.
#[test]
fn stub_answer_of_replies_only_goes_under_the_parent() {
    let mut first = page(vec![c("a", None), c("x", Some("a")), c("b", None)], None);
    first.more = vec![stub(Some("a"), 2)];
    let s = ThreadState::default().apply(ThreadAction::Loaded(first));
    let answer = page(vec![c("x", None), c("y", None), c("z", None)], None);
    let s = s.apply(ThreadAction::StubLoaded {
        parent: "a".into(),
        list: answer,
    });
    assert_eq!(s.comments().len(), 5, "a, x, b, y, z");
    let a = s.thread.index_of("a").expect("a");
    assert_eq!(s.thread.replies(a).len(), 3, "x, y, z under a");
    assert_eq!(s.thread.roots().len(), 2, "a and b stay the roots");
    assert!(s.more.is_empty());
}

// The platform's "more" stubs of every loaded page are kept, and a reload replaces them.
#[test]
fn more_stubs_accumulate_over_pages() {
    let mut first = page(vec![c("a", None)], Some("/p2"));
    first.more = vec![stub(Some("a"), 3)];
    let mut second = page(vec![c("b", None)], None);
    second.more = vec![stub(None, 12)];
    let s = append(
        ThreadState::default().apply(ThreadAction::Loaded(first)),
        "/p2",
        second,
    );
    assert_eq!(*s.more, [stub(Some("a"), 3), stub(None, 12)]);
    let s = s.apply(ThreadAction::Loaded(page(vec![c("a", None)], None)));
    assert!(s.more.is_empty());
}

// A page asked for before the list was loaded again (another next URL) is dropped; a failure is kept until the next
// request, and nothing is fetched without a next page.
#[test]
fn stale_and_failed_pages() {
    let s =
        ThreadState::default().apply(ThreadAction::Loaded(page(vec![c("a", None)], Some("/p2"))));
    let stale = append(s.clone(), "/old-p2", page(vec![c("z", None)], None));
    assert_eq!(stale.comments().len(), 1);
    let failed = s
        .apply(ThreadAction::PageRequested)
        .apply(ThreadAction::PageFailed(LoadError::Config("x".into())));
    assert!(!failed.pages.fetching && failed.pages.error.is_some());
    let again = failed.apply(ThreadAction::PageRequested);
    assert!(again.pages.fetching && again.pages.error.is_none());
    let last = ThreadState::default().apply(ThreadAction::Loaded(page(vec![c("a", None)], None)));
    assert!(!last.apply(ThreadAction::PageRequested).pages.fetching);
}

// The top-level comments the reader could see stay drawn when a page of newer ones is sorted above them, and the
// new ones are drawn too.
#[test]
fn appended_page_keeps_the_readers_place() {
    let old: Vec<Comment> = (0..5).map(|i| dated(&format!("o{i}"), None, i)).collect();
    let s = ThreadState::default()
        .apply(ThreadAction::Sort(SortOrder::Newest))
        .apply(ThreadAction::Loaded(page(old, Some("/p2"))));
    assert_eq!(s.hidden_roots(), 0);
    let new: Vec<Comment> = (0..5)
        .map(|i| dated(&format!("n{i}"), None, 100 + i))
        .collect();
    let s = append(s, "/p2", page(new, Some("/p3")));
    assert_eq!(
        s.hidden_roots(),
        0,
        "old and new top-level comments are all drawn"
    );
    assert_eq!(root_ids(&s).first().map(String::as_str), Some("n4"));
    assert_eq!(s.pages.next.as_deref(), Some("/p3"));
}

// A link to a comment not loaded yet asks for pages until it arrives, then opens it; the search stops at the last
// page, and never reads more than MAX_SEEK_PAGES pages.
#[test]
fn deep_link_searches_further_pages() {
    let s = ThreadState::default()
        .apply(ThreadAction::Loaded(page(vec![c("a", None)], Some("/p2"))))
        .apply(ThreadAction::Focus("x1".into()));
    assert!(s.wants_page() && s.highlight.is_none());
    assert!(
        !s.clone().apply(ThreadAction::PageRequested).wants_page(),
        "one page at a time"
    );
    let s = append(s, "/p2", page(vec![c("b", None)], Some("/p3")));
    assert!(s.wants_page());
    let s = append(
        s,
        "/p3",
        page(vec![c("x", None), c("x1", Some("x"))], Some("/p4")),
    );
    assert!(!s.wants_page() && s.seeking.is_none());
    assert_eq!(s.highlight.as_deref(), Some("x1"));
    assert!(
        root_ids(&s).contains(&"x".to_string()),
        "its thread is drawn"
    );

    let s = ThreadState::default()
        .apply(ThreadAction::Loaded(page(vec![c("a", None)], Some("/p2"))))
        .apply(ThreadAction::Focus("nowhere".into()));
    let s = append(s, "/p2", page(vec![c("b", None)], None));
    assert!(!s.wants_page() && s.seeking.is_none() && s.highlight.is_none());

    let mut s = ThreadState::default()
        .apply(ThreadAction::Loaded(page(vec![c("p1", None)], Some("/p2"))))
        .apply(ThreadAction::Focus("nowhere".into()));
    for n in 2..=MAX_SEEK_PAGES {
        assert!(s.wants_page(), "page {n} is read");
        let next = format!("/p{}", n + 1);
        s = append(
            s,
            &format!("/p{n}"),
            page(vec![c(&format!("p{n}"), None)], Some(&next)),
        );
    }
    assert!(!s.wants_page(), "the search is bounded");
}

// The reader's held comment stays marked until it arrives published (live or on a reload), and only in the
// section it was posted from: each reader's state is its own.
#[test]
fn held_comments_until_published_per_reader() {
    let first = ThreadState::default()
        .apply(ThreadAction::Loaded(list(&["a"])))
        .apply(ThreadAction::Posted(c("mine", None)))
        .apply(ThreadAction::Held("mine".into()));
    let second = ThreadState::default().apply(ThreadAction::Loaded(list(&["a"])));
    assert!(first.is_held("mine"));
    assert!(
        !second.is_held("mine"),
        "another reader's state knows nothing of it"
    );
    let arrived = first
        .clone()
        .apply(ThreadAction::Arrived(vec![c("other", None)]));
    assert!(
        arrived.is_held("mine"),
        "someone else's comment publishes nothing of ours"
    );
    let approved = first
        .clone()
        .apply(ThreadAction::Arrived(vec![c("mine", None)]));
    assert!(!approved.is_held("mine"));
    let reloaded = first.apply(ThreadAction::Loaded(list(&["a", "mine"])));
    assert!(!reloaded.is_held("mine"));
}

// Edit grants: read once, a new one kept (expired ones pruned), the text of an edit remembered, a deleted
// comment's grant dropped; all inside the section's own state.
#[test]
fn edit_grants_follow_the_readers_actions() {
    const NOW: i64 = 1_700_000_000_000;
    let grant = |until_ms| EditGrant {
        token: "t".into(),
        until_ms,
        text: "Hi".into(),
        origin: "https://api.example".into(),
    };
    let mut stored = EditGrants::default();
    stored.insert("old", grant(NOW - 1), NOW - 10);
    let s = ThreadState::new(SortOrder::Newest, stored);
    assert_eq!(s.sort, SortOrder::Newest);
    assert!(s.grants.get("old").is_some());
    let s = s.apply(ThreadAction::Granted {
        id: "c1".into(),
        grant: grant(NOW + 60_000),
        now_ms: NOW,
    });
    assert!(s.grants.get("old").is_none(), "expired grants are pruned");
    let s = s.apply(ThreadAction::Edited {
        id: "c1".into(),
        text: "Hello".into(),
    });
    assert_eq!(
        s.grants.open("c1", NOW).map(|g| g.text.as_str()),
        Some("Hello")
    );
    let s = s.apply(ThreadAction::GrantDropped("c1".into()));
    assert_eq!(s.grants.open("c1", NOW), None);
}

// What a comment draws below itself: a page of replies in a bare thread, its planned share in a section, and past
// the nesting limit its subtree as one bounded list.
#[test]
fn replies_to_draw_follow_the_plan_or_the_limit() {
    let mut l = list(&["a"]);
    for i in 0..12 {
        l.comments.push(c(&format!("r{i}"), Some("a")));
    }
    l.comments.push(c("deep", Some("r0")));
    let bare = ThreadState {
        thread: crate::source::thread::build_thread(l.comments.clone(), SortOrder::Oldest),
        ..ThreadState::default()
    };
    let a = bare.thread.index_of("a").expect("a");
    let (drawn, more) = bare.replies_to_draw(a, "a", false);
    assert_eq!((drawn.len(), more), (REPLY_PAGE, true));
    let (flat, more) = bare.replies_to_draw(a, "a", true);
    assert_eq!(
        (flat.len(), more),
        (REPLY_PAGE, true),
        "flattened, still bounded"
    );
    assert_eq!(
        bare.thread.comment(flat[1]).map(|c| &*c.id),
        Some("deep"),
        "in reading order"
    );
    let planned = ThreadState::default().apply(ThreadAction::Loaded(l));
    let a = planned.thread.index_of("a").expect("a");
    let (drawn, more) = planned.replies_to_draw(a, "a", false);
    assert_eq!(drawn.len(), planned.drawn_replies(a));
    assert!(more, "the plan cut the page");
}

// A comment changed on the server replaces the one shown in place: same position, replies still under it, nothing
// added to the arrivals; a deleted one becomes its placeholder; a change of an arrival waiting updates it there; an
// unknown comment is ignored, and the reader's posts in flight and edit texts stay.
#[test]
fn changed_comments_replace_in_place() {
    const NOW: i64 = 1_700_000_000_000;
    let s = ThreadState::default()
        .apply(ThreadAction::Loaded(list(&["a", "b"])))
        .apply(ThreadAction::Posted(c("r", Some("a"))))
        .apply(ThreadAction::Pending(pending("pending-1", None)))
        .apply(ThreadAction::Granted {
            id: "a".into(),
            grant: EditGrant {
                token: "t".into(),
                until_ms: NOW + 60_000,
                text: "as I wrote it".into(),
                origin: "https://api.example".into(),
            },
            now_ms: NOW,
        })
        .apply(ThreadAction::Arrived(vec![c("late", None)]));
    let before = root_ids(&s);
    let edited = Comment {
        body: crate::source::sanitize::escape_text("Edited."),
        ..c("a", None)
    };
    let s = s.apply(ThreadAction::Changed(vec![
        edited.clone(),
        c("unknown", None),
    ]));
    let a = s.thread.index_of("a").expect("a");
    assert_eq!(s.thread.comment(a), Some(&edited));
    assert_eq!(root_ids(&s), before, "nothing moved");
    assert_eq!(s.thread.replies(a).len(), 1, "the reply stays under it");
    assert!(s.thread.index_of("unknown").is_none());
    assert_eq!(s.incoming.len(), 1, "a change is not an arrival");
    assert!(s.pending.contains_key("pending-1"));
    assert!(s.thread.index_of("pending-1").is_some());
    assert_eq!(
        s.grants.open("a", NOW).map(|g| g.text.as_str()),
        Some("as I wrote it")
    );

    let gone = Comment {
        deleted: true,
        body: crate::source::sanitize::escape_text(""),
        ..c("b", None)
    };
    let late = Comment {
        body: crate::source::sanitize::escape_text("Late, edited."),
        ..c("late", None)
    };
    let s = s.apply(ThreadAction::Changed(vec![gone.clone(), late.clone()]));
    let b = s.thread.index_of("b").expect("b keeps its place");
    assert_eq!(s.thread.comment(b), Some(&gone));
    assert_eq!(s.incoming, vec![late.clone()]);
    let s = s.apply(ThreadAction::ShowIncoming);
    let shown = s.thread.index_of("late").expect("late");
    assert_eq!(s.thread.comment(shown), Some(&late));
}
