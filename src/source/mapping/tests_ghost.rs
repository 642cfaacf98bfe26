//! Ghost's comments (issue 13): the public members comments API read by the `ghost` preset, on a saved answer
//! shaped like Ghost 5.x's (tests/fixtures/ghost/comments.json) and its replies endpoint (replies.json).

use super::tests_presets::{article, comments, fixture};
use crate::model::{Comment, CommentList};

const POST: &str =
    "https://demo.ghost.io/ghost/api/content/posts/slug/welcome/?key=k&include=authors,tags";
const P: &str = "6602b1f3c9e77a0001a4";

fn get<'a>(list: &'a CommentList, id: &str) -> &'a Comment {
    let id = format!("{P}{id}");
    list.comments
        .iter()
        .find(|c| *c.id == *id)
        .unwrap_or_else(|| panic!("no comment {id}"))
}

fn parent(list: &CommentList, id: &str) -> Option<String> {
    get(list, id)
        .parent
        .as_deref()
        .map(|p| p.trim_start_matches(P).to_string())
}

// The comments URL is built from the post's id on the site's origin; each comment's first replies are nested
// under it; hidden and deleted comments are placeholders that keep their replies; the author, avatar, date, likes
// and the body are read; the total is Ghost's (top-level comments); a comment with more replies than the answer
// includes gets an "N more replies" stub that fetches them from the replies endpoint.
#[test]
fn ghost_comments() {
    let m = article("ghost", fixture!("ghost/post.json"), POST);
    let url = m.article.comments_url.as_deref().expect("comments url");
    assert_eq!(
        url,
        "https://demo.ghost.io/members/api/comments/post/5ddc9141c35e7700383b2937/?limit=20"
    );
    let list = comments(&m, fixture!("ghost/comments.json"), url);
    assert_eq!(list.comments.len(), 9);
    assert_eq!(list.total, Some(4));
    for (reply, of) in [
        ("1002", "1001"),
        ("1003", "1001"),
        ("1004", "1001"),
        ("2002", "2001"),
        ("3002", "3001"),
    ] {
        assert_eq!(parent(&list, reply).as_deref(), Some(of), "{reply}");
    }
    for top in ["1001", "2001", "3001", "4001"] {
        assert_eq!(parent(&list, top), None, "{top}");
    }
    let first = get(&list, "1001");
    assert_eq!(&*first.author.name, "Hannah Lee");
    assert_eq!(
        first.author.avatar.as_deref(),
        Some("https://www.gravatar.com/avatar/8f14e45fceea167a5a36dedd4bea2543?s=250&r=x&d=mp")
    );
    assert_eq!(first.score, Some(4));
    // 2024-03-04T09:12:44.000Z
    assert_eq!(
        first.date.as_ref().map(|d| d.epoch_ms),
        Some(1_709_543_564_000)
    );
    assert!(get(&list, "1003")
        .body
        .as_str()
        .contains("href=\"https://www.nightjet.com/en\""));
    let (hidden, deleted) = (get(&list, "2001"), get(&list, "3001"));
    assert!(hidden.deleted && deleted.deleted);
    assert!(hidden.body.as_str().is_empty() && deleted.body.as_str().is_empty());
    assert!(!get(&list, "2002").deleted && !get(&list, "4001").deleted);

    // Five replies, three included: one stub of two, under the first comment, fetched from the replies endpoint.
    assert_eq!(list.more.len(), 1, "{:?}", list.more);
    let stub = &list.more[0];
    assert_eq!(stub.parent.as_deref(), Some(&*format!("{P}1001")));
    assert_eq!(stub.count, 2);
    assert_eq!(
        stub.fetch.as_deref(),
        Some("https://demo.ghost.io/members/api/comments/6602b1f3c9e77a0001a41001/replies/?limit=100")
    );
}

// The replies endpoint answers in the list's shape with the replies as its top level: read with the same mapping,
// they are the comment's five replies (the stub's parent is given to them when merged, see state/thread), and
// raise no stub of their own.
#[test]
fn ghost_replies_answer() {
    let m = article("ghost", fixture!("ghost/post.json"), POST);
    let url =
        "https://demo.ghost.io/members/api/comments/6602b1f3c9e77a0001a41001/replies/?limit=100";
    let list = comments(&m, fixture!("ghost/replies.json"), url);
    let ids: Vec<&str> = list
        .comments
        .iter()
        .map(|c| c.id.trim_start_matches(P))
        .collect();
    assert_eq!(ids, ["1002", "1003", "1004", "1005", "1006"]);
    assert!(list.more.is_empty());
    assert!(list.comments.iter().all(|c| !c.deleted));
}

// A reply count the answer already holds in full raises no stub, nor does a missing count.
#[test]
fn ghost_no_stub_without_left_out_replies() {
    let m = article("ghost", fixture!("ghost/post.json"), POST);
    let text = fixture!("ghost/comments.json").replace("\"replies\": 5,", "\"replies\": 3,");
    let list = comments(
        &m,
        &text,
        "https://demo.ghost.io/members/api/comments/post/x/",
    );
    assert!(list.more.is_empty(), "{:?}", list.more);
    let text = fixture!("ghost/comments.json").replace("\"replies\": 5,", "\"likes_only\": 5,");
    let list = comments(
        &m,
        &text,
        "https://demo.ghost.io/members/api/comments/post/x/",
    );
    assert!(list.more.is_empty(), "{:?}", list.more);
}
