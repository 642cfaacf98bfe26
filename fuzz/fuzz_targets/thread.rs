//! Thread building from arbitrary parent links (cycles, self-parents, orphans, duplicates, long chains): every
//! distinct id is reachable exactly once from the roots, and nothing recurses.
#![no_main]

use std::rc::Rc;

use folio::model::{Author, Comment, SafeHtml, Timestamp};
use folio::source::thread::{build_thread, SortOrder};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // Three bytes per comment: id, parent (0 = none), a time and score byte.
    let comments: Vec<Comment> = data
        .chunks_exact(3)
        .map(|c| Comment {
            id: Rc::from(c[0].to_string()),
            parent: (c[1] != 0).then(|| Rc::from(c[1].to_string())),
            author: Author {
                name: "a".into(),
                url: None,
                avatar: None,
            },
            date: (c[2] & 1 == 1).then(|| Timestamp {
                epoch_ms: i64::from(c[2]) * 1000,
                iso: "x".into(),
                date_only: false,
            }),
            body: SafeHtml::default(),
            score: Some(i64::from(c[2] as i8)),
            deleted: c[2] & 2 == 2,
            by_article_author: false,
        })
        .collect();
    let mut distinct: Vec<Rc<str>> = comments.iter().map(|c| c.id.clone()).collect();
    distinct.sort();
    distinct.dedup();
    let order = match data.first().map(|b| b % 3) {
        Some(0) => SortOrder::Oldest,
        Some(1) => SortOrder::Newest,
        _ => SortOrder::Top,
    };
    let thread = build_thread(comments, order);
    let mut seen = vec![0u32; distinct.len()];
    let mut stack: Vec<usize> = thread.roots().to_vec();
    while let Some(i) = stack.pop() {
        assert!(i < seen.len(), "index {i} out of {} comments", seen.len());
        seen[i] += 1;
        stack.extend_from_slice(thread.replies(i));
    }
    assert!(
        seen.iter().all(|&n| n == 1),
        "every comment exactly once: {seen:?}"
    );
});
