//! The comment thread: <ol> of <li><article>, replies in nested <ol>, the deleted placeholder, labelled fields.

use std::rc::Rc;

use folio::components::comments::{ComposeForm, ComposeFormProps, ThreadContext};
use folio::model::PostTarget;
use folio::source::folio_json::parse_comments;
use folio::source::thread::{build_thread, SortOrder};
use folio::state::ThreadState;
use wasm_bindgen_test::wasm_bindgen_test;

use crate::support::{all, one, render, Thread, ThreadProps};

const TRAINS: &str = include_str!("../../demo/comments/night-trains-return.json");

fn trains_ctx(post: bool) -> ThreadContext {
    let list =
        parse_comments(TRAINS, Some("http://127.0.0.1:1/demo/comments/x.json")).expect("parses");
    ThreadContext {
        article_id: Rc::from("night-trains-return"),
        ..crate::support::ctx(ThreadState {
            thread: build_thread(list.comments, SortOrder::Oldest),
            post: post.then(|| PostTarget {
                url: "http://127.0.0.1:1/api".into(),
                max_length: 5000,
            }),
            ..ThreadState::default()
        })
    }
}

// Each comment is an <article> inside an <li> of an <ol>; replies sit in a nested <ol> inside the parent's <li>.
#[wasm_bindgen_test]
async fn thread_markup() {
    let root = render::<Thread>(ThreadProps {
        ctx: trains_ctx(false),
    })
    .await;
    let comments = all(&root, "ol.folio-thread li > article.folio-comment");
    assert!(comments.len() >= 40, "{}", comments.len());
    let nested = one(&root, "ol.folio-thread > li > ol > li > article");
    assert_eq!(
        nested
            .parent_element()
            .and_then(|li| li.parent_element())
            .map(|ol| ol.tag_name()),
        Some("OL".into())
    );
    for body in all(&root, ".folio-comment__body") {
        assert_eq!(body.get_attribute("dir").as_deref(), Some("auto"));
    }
}

// A deleted comment is a placeholder that keeps its replies.
#[wasm_bindgen_test]
async fn deleted_placeholder_keeps_replies() {
    let root = render::<Thread>(ThreadProps {
        ctx: trains_ctx(false),
    })
    .await;
    let deleted = one(&root, "article.folio-comment--deleted");
    assert!(deleted
        .text_content()
        .unwrap_or_default()
        .contains("removed"));
    let li = deleted.parent_element().expect("li");
    assert!(!all(&li, ":scope > ol > li").is_empty());
}

// Read-only threads offer no reply buttons; writable ones offer one per comment that is not deleted.
#[wasm_bindgen_test]
async fn reply_buttons_only_when_writable() {
    let root = render::<Thread>(ThreadProps {
        ctx: trains_ctx(false),
    })
    .await;
    assert!(all(&root, ".folio-comment__footer button").is_empty());
    let root = render::<Thread>(ThreadProps {
        ctx: trains_ctx(true),
    })
    .await;
    let buttons = all(&root, ".folio-comment__footer button");
    assert!(buttons.len() >= 40);
    assert!(buttons
        .iter()
        .all(|b| b.get_attribute("aria-expanded").as_deref() == Some("false")));
}

// Every form field has a <label for>, and the send button is a submit button.
#[wasm_bindgen_test]
async fn compose_form_fields_are_labelled() {
    let props = ComposeFormProps {
        article_id: Rc::from("a"),
        post: PostTarget {
            url: "http://127.0.0.1:1/api".into(),
            max_length: 100,
        },
        parent: None,
        parent_author: None,
        on_cancel: None,
    };
    let root = render::<ComposeForm>(props).await;
    // The honeypot (name=website) is hidden from people and assistive technology alike, so it needs no label.
    let fields = all(&root, "input:not([name=website]), textarea");
    assert_eq!(fields.len(), 3);
    for f in fields {
        let id = f.id();
        assert!(!id.is_empty());
        assert_eq!(
            all(&root, &format!("label[for='{id}']")).len(),
            1,
            "label for {id}"
        );
    }
    assert!(one(&root, "button[type=submit]")
        .text_content()
        .unwrap_or_default()
        .contains("Post"));
}
