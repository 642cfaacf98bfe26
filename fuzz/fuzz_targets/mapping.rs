//! The mapping engine on arbitrary input: a model or a named error, never a panic.
//!
//! The first byte picks how the rest is used: as a response read through one of the shipped presets (and through
//! auto-detection), or — split at the first NUL — as a mapping document plus a response read through it. Mapped
//! comment lists must also thread.
#![no_main]

use std::rc::Rc;

use folio::source::mapping::{map_article_text, map_comments_text, parse_mapping, MappingChoice, PRESETS};
use folio::source::thread::{build_thread, SortOrder};
use libfuzzer_sys::fuzz_target;

const BASE: Option<&str> = Some("https://cms.example/api/posts/1");

fn read(text: &str, choice: &MappingChoice) {
    match map_article_text(text, BASE, choice) {
        Ok(mapped) => assert!(!mapped.resolved.name.is_empty()),
        Err(e) => assert!(!e.to_string().is_empty()),
    }
    let mapping = match choice {
        MappingChoice::Document(m) => Some(m.as_ref().clone()),
        MappingChoice::Preset(p) => folio::source::mapping::preset(p).ok(),
        MappingChoice::Auto => None,
    };
    match map_comments_text(text, BASE, mapping.as_ref(), None) {
        Ok(list) => {
            let n = list.comments.len();
            let t = build_thread(list.comments, SortOrder::Oldest);
            assert!(t.roots().len() <= n);
        }
        Err(e) => assert!(!e.to_string().is_empty()),
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&selector, rest)) = data.split_first() else {
        return;
    };
    let text = String::from_utf8_lossy(rest);
    if selector & 1 == 0 {
        let (name, _) = PRESETS[usize::from(selector >> 1) % PRESETS.len()];
        read(&text, &MappingChoice::Preset(name.to_string()));
        read(&text, &MappingChoice::Auto);
    } else if let Some((doc, response)) = text.split_once('\0') {
        match parse_mapping(doc) {
            Ok(m) => read(response, &MappingChoice::Document(Rc::new(m))),
            Err(e) => assert!(!e.to_string().is_empty()),
        }
    }
});
