//! Hostile data in the browser (issue 6): a 100,000-deep reply chain parsed, threaded and drawn without a stack
//! overflow, the DOM staying shallow past `NESTING_LIMIT`.

use std::collections::HashMap;
use std::rc::Rc;

use folio::components::comments::{ThreadContext, NESTING_LIMIT};
use folio::source::folio_json::parse_comments;
use folio::source::thread::{build_thread, SortOrder};
use folio::state::ThreadState;
use serde_json::{json, Value};
use wasm_bindgen_test::wasm_bindgen_test;

use crate::support::{all, render, Thread, ThreadProps};

/// A reply chain `n` deep, as the JSON text an API would send.
fn chain(n: usize) -> String {
    let comments: Vec<Value> = (1..=n)
        .map(|i| {
            json!({"id": i, "parent": if i == 1 { Value::Null } else { json!(i - 1) },
                   "author": "A", "body": "r", "format": "text"})
        })
        .collect();
    json!({ "comments": comments }).to_string()
}

fn ctx_for(n: usize, limits: HashMap<Rc<str>, usize>) -> ThreadContext {
    let list = parse_comments(&chain(n), None).expect("the chain parses");
    ThreadContext {
        article_id: Rc::from("deep"),
        ..crate::support::ctx(ThreadState {
            thread: build_thread(list.comments, SortOrder::Oldest),
            reply_limits: Rc::new(limits),
            ..ThreadState::default()
        })
    }
}

/// The deepest `<ol>` nesting under `root`, measured in JavaScript-free Rust by walking parents.
fn max_list_depth(root: &web_sys::Element) -> usize {
    all(root, "li")
        .iter()
        .map(|li| {
            let mut depth = 0;
            let mut node = li.parent_element();
            while let Some(el) = node {
                if el.tag_name().eq_ignore_ascii_case("ol") {
                    depth += 1;
                }
                node = el.parent_element();
            }
            depth
        })
        .max()
        .unwrap_or(0)
}

// A 100,000-deep chain parses, threads and draws in the browser (wasm's stack is small): nesting stops at
// NESTING_LIMIT, the rest is one flat, paged list.
#[wasm_bindgen_test]
async fn hundred_thousand_deep_chain_draws() {
    let root = render::<Thread>(ThreadProps {
        ctx: ctx_for(100_000, HashMap::new()),
    })
    .await;
    let items = all(&root, "li.folio-thread__item").len();
    assert!(items > NESTING_LIMIT, "{items} items drawn");
    let depth = max_list_depth(&root);
    assert!(
        depth <= NESTING_LIMIT + 2,
        "the DOM nests {depth} lists deep"
    );
}

// Past the nesting limit, 20,000 replies drawn at once stay one flat list (no recursion, no deep DOM).
#[wasm_bindgen_test]
async fn twenty_thousand_flat_replies_draw() {
    let n = 20_000;
    // The comment at the nesting limit shows all of its (flattened) descendants.
    // Comment k sits at depth k - 1, so the one at depth NESTING_LIMIT - 1 has id NESTING_LIMIT.
    let limits = HashMap::from([(Rc::from(NESTING_LIMIT.to_string()), n)]);
    let root = render::<Thread>(ThreadProps {
        ctx: ctx_for(n, limits),
    })
    .await;
    // Drawing 20,000 comments takes a while in a debug build: poll for up to a minute.
    for _ in 0..600 {
        if all(&root, "li.folio-thread__item").len() >= n {
            break;
        }
        gloo_timers::future::TimeoutFuture::new(100).await;
    }
    let items = all(&root, "li.folio-thread__item").len();
    assert_eq!(items, n, "every comment drawn");
    let depth = max_list_depth(&root);
    assert!(
        depth <= NESTING_LIMIT + 2,
        "the DOM nests {depth} lists deep"
    );
}
