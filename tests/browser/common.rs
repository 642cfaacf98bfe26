//! Error and loading states.

use folio::components::common::{error_box, loading};
use folio::i18n::Lang;
use folio::net::NetError;
use folio::state::LoadError;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::wasm_bindgen_test;
use yew::prelude::*;

use crate::support::{one, render_html, text, wait_until};

// An error is role="alert", says what failed and why, and its retry button calls back.
#[wasm_bindgen_test]
async fn error_box_alerts_and_retries() {
    let clicked = std::rc::Rc::new(std::cell::Cell::new(0));
    let c = clicked.clone();
    let error = LoadError::Net(NetError::NotFound {
        url: "http://x/a.json".into(),
    });
    let retry = Callback::from(move |()| c.set(c.get() + 1));
    let s = Lang::En.strings();
    let root = render_html(error_box(s.article_failed, &error, Some(retry), s)).await;
    let alert = text(&root, "[role=alert]");
    assert!(
        alert.contains("could not be shown")
            && alert.contains("404")
            && alert.contains("http://x/a.json"),
        "{alert}"
    );
    let button: web_sys::HtmlElement = one(&root, "[role=alert] button")
        .dyn_into()
        .expect("button");
    button.click();
    wait_until(&root, |_| clicked.get() == 1).await;
}

// Loading is announced politely as a status.
#[wasm_bindgen_test]
async fn loading_is_a_status() {
    let root = render_html(loading("Loading the article…")).await;
    assert_eq!(
        one(&root, "[role=status]")
            .get_attribute("aria-live")
            .as_deref(),
        Some("polite")
    );
}
