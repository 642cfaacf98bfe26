//! Arbitrary bytes as an article and as a comment list document: a model or a named error, never a panic; a
//! comment list that parses also threads.
#![no_main]

use folio::source::folio_json::{parse_article, parse_comments};
use folio::source::thread::{build_thread, SortOrder};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    for base in [None, Some("https://news.example/api/a/1.json")] {
        if let Err(e) = parse_article(&text, base) {
            assert!(!e.to_string().is_empty());
        }
        match parse_comments(&text, base) {
            Ok(list) => {
                let n = list.comments.len();
                let t = build_thread(list.comments, SortOrder::Top);
                assert!(t.roots().len() <= n);
            }
            Err(e) => assert!(!e.to_string().is_empty()),
        }
    }
});
