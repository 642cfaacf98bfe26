//! Arbitrary Markdown under both policies: the output is harmless, and sanitising it again changes nothing (what we
//! emit is what a browser will parse).
#![no_main]

use folio::source::markdown::{markdown_blocks, markdown_to_html};
use folio::source::sanitize::{sanitize, Policy};
use libfuzzer_sys::fuzz_target;

#[path = "harmless.rs"]
mod harmless;

fuzz_target!(|data: &[u8]| {
    let md = String::from_utf8_lossy(data);
    for policy in [Policy::Comment, Policy::Article] {
        for base in [None, Some("https://news.example/a/b")] {
            let html = markdown_to_html(&md, policy, base);
            harmless::check(html.as_str());
            assert_eq!(
                sanitize(html.as_str(), policy, base).as_str(),
                html.as_str(),
                "not a fixed point"
            );
            for block in markdown_blocks(&md, policy, base) {
                harmless::check(block.as_str());
            }
        }
    }
});
