//! Arbitrary HTML under both policies: the output is harmless, and sanitising it again changes nothing (so no
//! markup mutates when the browser parses it).
#![no_main]

use folio::source::sanitize::{sanitize, sanitize_blocks, Policy};
use libfuzzer_sys::fuzz_target;

#[path = "harmless.rs"]
mod harmless;

fuzz_target!(|data: &[u8]| {
    let html = String::from_utf8_lossy(data);
    for policy in [Policy::Article, Policy::Comment] {
        for base in [None, Some("https://news.example/a/b")] {
            let out = sanitize(&html, policy, base);
            harmless::check(out.as_str());
            assert_eq!(
                sanitize(out.as_str(), policy, base).as_str(),
                out.as_str(),
                "not a fixed point"
            );
            for block in sanitize_blocks(&html, policy, base) {
                harmless::check(block.as_str());
            }
        }
    }
});
