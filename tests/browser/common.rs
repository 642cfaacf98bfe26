//! Error and loading states.

use folio::components::common::{ErrorBox, ErrorBoxProps, Loading, LoadingProps};
use folio::net::NetError;
use folio::state::LoadError;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::wasm_bindgen_test;
use yew::prelude::*;

use crate::support::{one, render, text, wait_until};

// An error is role="alert", says what failed and why, and its retry button calls back.
#[wasm_bindgen_test]
async fn error_box_alerts_and_retries() {
    let clicked = std::rc::Rc::new(std::cell::Cell::new(0));
    let c = clicked.clone();
    let props = ErrorBoxProps {
        title: "This article could not be shown.".into(),
        error: LoadError::Net(NetError::NotFound {
            url: "http://x/a.json".into(),
        }),
        on_retry: Some(Callback::from(move |()| c.set(c.get() + 1))),
    };
    let root = render::<ErrorBox>(props).await;
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
    let root = render::<Loading>(LoadingProps {
        label: "Loading the article…".into(),
    })
    .await;
    assert_eq!(
        one(&root, "[role=status]")
            .get_attribute("aria-live")
            .as_deref(),
        Some("polite")
    );
}
