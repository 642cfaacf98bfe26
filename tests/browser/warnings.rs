//! A comment behind its content warning starts folded (`<details>` closed, the warning in its summary), and its
//! custom emoji are pictures only where the reader's image setting lets avatars load (issue 13, point 5).

use folio::components::comments::{AvatarRule, ThreadContext};
use folio::config::Images;
use folio::source::mapping::{map_article_text, map_comments_text, MappingChoice};
use folio::source::thread::{build_thread, SortOrder};
use folio::state::ThreadState;
use wasm_bindgen_test::wasm_bindgen_test;

use crate::support::{all, one, render, Thread, ThreadProps};

const API: &str = "https://mastodon.social/api/v1/statuses/103270115826048975";

/// The Mastodon fixture's replies (the second has a warning and an emoji), mapped by the preset, drawn under the
/// avatars' `rule` for `api`.
async fn drawn(images: Images, api: &str) -> web_sys::Element {
    let choice = MappingChoice::Preset("mastodon".into());
    let a = map_article_text(
        include_str!("../fixtures/mastodon/status.json"),
        Some(API),
        &choice,
    )
    .expect("article");
    let list = map_comments_text(
        include_str!("../fixtures/mastodon/context.json"),
        Some(API),
        a.resolved.mapping.as_deref(),
        Some(&a.object),
    )
    .expect("comments");
    let ctx = ThreadContext {
        avatars: Some(AvatarRule::new(images, api, None)),
        ..crate::support::ctx(ThreadState {
            thread: build_thread(list.comments, SortOrder::Oldest),
            ..ThreadState::default()
        })
    };
    render::<Thread>(ThreadProps { ctx }).await
}

#[wasm_bindgen_test]
async fn a_content_warning_folds_the_comment() {
    let root = drawn(Images::All, API).await;
    let folded = all(&root, ".folio-comment__body > details");
    assert_eq!(folded.len(), 1, "{}", root.inner_html());
    assert!(!folded[0].has_attribute("open"), "starts folded");
    assert_eq!(
        one(&root, ".folio-comment__body > details > summary")
            .text_content()
            .as_deref(),
        Some("Content warning: bank fees, mild swearing")
    );
}

#[wasm_bindgen_test]
async fn custom_emoji_follow_the_image_setting() {
    // Allowed: the still picture, the shortcode as its text alternative; not inside code.
    let root = drawn(Images::All, API).await;
    let img = one(&root, ".folio-comment__body img");
    assert_eq!(img.get_attribute("alt").as_deref(), Some(":blobcatangry:"));
    assert!(img
        .get_attribute("src")
        .is_some_and(|s| s.ends_with("/static/blobcatangry.png")));
    assert_eq!(
        all(&root, ".folio-comment__body img").len(),
        1,
        "not in <code>"
    );
    // The API's own origin is mastodon.social, the picture's files.mastodon.social: same-origin keeps the text.
    let root = drawn(Images::SameOrigin, API).await;
    assert!(all(&root, ".folio-comment__body img").is_empty());
    let body = one(&root, ".folio-comment__body > details")
        .text_content()
        .unwrap_or_default();
    assert!(body.contains("Indeed. :blobcatangry:"), "{body}");
}
