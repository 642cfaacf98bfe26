//! Folio's styles in a Yew host app, which links no stylesheet: every `folio::Reader` adopts one shared
//! constructed stylesheet into the document, or into the shadow root a `StyleRoot` context names, and none where
//! the root is styled already (`StyleRoot::Linked`, the embed).

use folio::styles::StyleRoot;
use folio::{Reader, ReaderConfig};
use wasm_bindgen_test::wasm_bindgen_test;
use web_sys::{Element, ShadowRoot, ShadowRootInit, ShadowRootMode};
use yew::prelude::*;

use crate::support::{fresh_root, one, render, wait_until};

/// An article URL that never answers with one: the reader's box is drawn at once, whatever happens next.
const SRC: &str = "/folio-styles-test/missing.json";

fn max_width(root: &Element) -> String {
    let folio = one(root, ".folio");
    web_sys::window()
        .and_then(|w| w.get_computed_style(&folio).ok().flatten())
        .and_then(|cs| cs.get_property_value("max-width").ok())
        .unwrap_or_default()
}

/// Props of [`InRoot`].
#[derive(Properties, PartialEq)]
struct InRootProps {
    root: StyleRoot,
}

/// A reader under a `StyleRoot` context, as a host app that renders into its own shadow root writes it.
#[component]
fn InRoot(props: &InRootProps) -> Html {
    html! {
        <ContextProvider<StyleRoot> context={props.root.clone()}>
            <Reader config={ReaderConfig::new(SRC)} />
        </ContextProvider<StyleRoot>>
    }
}

/// A fresh open shadow root with a `<div>` to render into, and that `<div>`.
fn shadow_mount() -> (ShadowRoot, Element) {
    let shadow = fresh_root()
        .attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))
        .expect("attachShadow");
    let div = document().create_element("div").expect("div");
    shadow.append_child(&div).expect("append");
    (shadow, div)
}

fn document() -> web_sys::Document {
    web_sys::window()
        .and_then(|w| w.document())
        .expect("a document")
}

/// Render `InRoot` for `root` into `div` and wait for the reader's box.
async fn render_in(div: &Element, root: StyleRoot) {
    yew::Renderer::<InRoot>::with_root_and_props(div.clone(), InRootProps { root }).render();
    wait_until(div, |d| d.query_selector(".folio").ok().flatten().is_some()).await;
}

// Two readers in the page: styled (Folio's 40rem measure) without any <link> or <style>, by one adopted sheet.
#[wasm_bindgen_test]
async fn readers_in_the_document_adopt_one_shared_sheet() {
    let styles = || {
        document()
            .query_selector_all("style, link")
            .map(|l| l.length())
            .ok()
    };
    let before = styles();
    let first = render::<Reader>(yew::props!(folio::ReaderProps {
        config: ReaderConfig::new(SRC)
    }))
    .await;
    let second = render::<Reader>(yew::props!(folio::ReaderProps {
        config: ReaderConfig::new(SRC)
    }))
    .await;
    assert_eq!(max_width(&first), "640px");
    assert_eq!(max_width(&second), "640px");
    assert_eq!(
        document().adopted_style_sheets().length(),
        1,
        "one sheet for every reader"
    );
    assert_eq!(styles(), before, "no <style> or <link> added");
}

// A host app rendering into its own shadow root names it: the reader adopts the same shared sheet there.
#[wasm_bindgen_test]
async fn a_reader_in_a_shadow_root_adopts_the_shared_sheet_there() {
    let (shadow_a, div_a) = shadow_mount();
    let (shadow_b, div_b) = shadow_mount();
    render_in(&div_a, StyleRoot::Shadow(shadow_a.clone())).await;
    render_in(&div_b, StyleRoot::Shadow(shadow_b.clone())).await;
    assert_eq!(max_width(&div_a), "640px");
    let (a, b) = (
        shadow_a.adopted_style_sheets(),
        shadow_b.adopted_style_sheets(),
    );
    assert_eq!((a.length(), b.length()), (1, 1));
    assert!(
        js_sys::Object::is(&a.get(0), &b.get(0)),
        "one constructed sheet serves both roots"
    );
}

// The embed's shadow root links the stylesheet itself: a reader told so adopts nothing.
#[wasm_bindgen_test]
async fn a_root_styled_already_adopts_nothing() {
    let (shadow, div) = shadow_mount();
    render_in(&div, StyleRoot::Linked).await;
    assert_eq!(shadow.adopted_style_sheets().length(), 0);
    assert_eq!(
        max_width(&div),
        "none",
        "unstyled: nothing of the document reaches a shadow root"
    );
}
