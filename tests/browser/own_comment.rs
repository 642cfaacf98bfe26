//! The reader's own comment: Edit and Delete, and the delete question asked in the page (never `window.confirm`).

use std::rc::Rc;

use folio::components::comments::{OwnActions, OwnActionsProps};
use folio::source::folio_json::parse_comments;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::wasm_bindgen_test;
use yew::Callback;

use crate::support::{all, one, render, wait_until};

fn props(on_edit: Callback<()>) -> OwnActionsProps {
    let list = parse_comments(
        r#"{"comments": [{"id": "p1", "author": {"name": "Olga"}, "body": "Mine"}]}"#,
        None,
    )
    .expect("a list");
    OwnActionsProps {
        post_url: Rc::from("http://127.0.0.1:1/api/articles/a/comments"),
        comment: list.comments[0].clone(),
        token: Rc::from("t"),
        on_edit,
    }
}

fn click(root: &web_sys::Element, css: &str) {
    one(root, css)
        .dyn_into::<web_sys::HtmlElement>()
        .expect("an HTML element")
        .click();
}

// Delete asks first, in the page, with the focus on the answer; "Keep it" takes the question back unasked.
#[wasm_bindgen_test]
async fn delete_asks_in_the_page() {
    let root = render::<OwnActions>(props(Callback::noop())).await;
    assert_eq!(all(&root, ".folio-own__edit").len(), 1);
    click(&root, ".folio-own__delete");
    wait_until(&root, |r| !all(r, ".folio-own__confirm").is_empty()).await;
    let yes = one(&root, ".folio-own__delete-yes");
    wait_until(&root, |_| {
        web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.active_element())
            .is_some_and(|a| a == yes)
    })
    .await;
    assert!(
        all(&root, ".folio-own__edit").is_empty(),
        "one question at a time"
    );
    click(&root, ".folio-own__keep");
    wait_until(&root, |r| all(r, ".folio-own__confirm").is_empty()).await;
    assert_eq!(all(&root, ".folio-own__delete").len(), 1);
}

// Edit hands over to the edit form.
#[wasm_bindgen_test]
async fn edit_opens_the_form() {
    let asked = Rc::new(std::cell::Cell::new(false));
    let on_edit = {
        let asked = asked.clone();
        Callback::from(move |()| asked.set(true))
    };
    let root = render::<OwnActions>(props(on_edit)).await;
    click(&root, ".folio-own__edit");
    assert!(asked.get());
}

/// The read-only notice under a thread read with preset `name`, as the section finds it: through the adapter the
/// preset makes.
async fn notice_for(name: &str) -> String {
    use folio::components::comments::read_only_notice;
    use folio::i18n::Lang;
    use folio::source::mapping::preset;
    use folio::source::Adapter;

    let adapter = Adapter::mapped(preset(name).expect("a preset"), "{}").expect("an adapter");
    let notice = read_only_notice(adapter.read_only_preset(), Lang::En.strings());
    let root = crate::support::render_html(notice).await;
    crate::support::text(&root, ".folio-comments__closed")
}

// A platform that takes no anonymous comments is named, so nobody looks for a form that cannot exist.
#[wasm_bindgen_test]
async fn read_only_platforms_are_named() {
    assert_eq!(
        notice_for("hackernews").await,
        "Hacker News does not take comments from other sites, so comments are read-only here."
    );
    assert!(notice_for("reddit").await.starts_with("Reddit does not"));
}
