//! A reader given what a server already read (`Preloaded`, server rendering) draws it at once and fetches
//! nothing: its `src` here answers 404, so any fetch would replace the article with an error box.

use std::rc::Rc;

use folio::hooks::Preloaded;
use folio::source::mapping::MappingChoice;
use folio::{Reader, ReaderConfig, ReaderProps};
use gloo_timers::future::TimeoutFuture;
use wasm_bindgen_test::wasm_bindgen_test;

use crate::support::{all, render, text};

const ARTICLE: &str = include_str!("../../demo/articles/night-trains-return.json");
const COMMENTS: &str = include_str!("../../demo/comments/night-trains-return.json");
/// Answers 404: only a fetch would notice.
const SRC: &str = "/folio-preloaded-test/missing.json";

#[wasm_bindgen_test]
async fn preloaded_reader_draws_at_once_and_fetches_nothing() {
    let pre = Preloaded::read(
        ARTICLE,
        "https://folio.example/demo/articles/night-trains-return.json",
        &MappingChoice::Auto,
        Some((
            COMMENTS,
            "https://folio.example/demo/comments/night-trains-return.json",
            &[],
        )),
    )
    .expect("the demo reads");
    let root = render::<Reader>(ReaderProps {
        config: ReaderConfig::new(SRC),
        on_loaded: Default::default(),
        on_error: Default::default(),
        on_comment_posted: Default::default(),
        preloaded: Some(Rc::new(pre)),
    })
    .await;
    // The first frame already has the article and the thread: no loading state in between.
    assert!(
        all(&root, ".folio-loading").is_empty(),
        "{}",
        root.inner_html()
    );
    assert!(text(&root, "h1").starts_with("Night trains are back"));
    // Some comments, whatever the order a previous test left in localStorage.
    assert!(
        !all(&root, "ol.folio-thread > li").is_empty(),
        "{}",
        root.inner_html()
    );
    // Had the reader fetched its `src` (404), an error box would replace the article by now.
    TimeoutFuture::new(400).await;
    assert!(
        all(&root, ".folio-error").is_empty(),
        "{}",
        root.inner_html()
    );
    assert!(text(&root, "h1").starts_with("Night trains are back"));
    // In the browser, dates are the reader's (Intl), not the server's ISO form.
    assert!(!text(&root, "ol.folio-thread > li time").ends_with("UTC"));
}
