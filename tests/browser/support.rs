//! Rendering helpers: mount into a known root, then poll for a condition (never a fixed sleep).

use std::rc::Rc;

use folio::components::comments::{CommentItem, ThreadContext};
use folio::state::ThreadState;
use gloo_timers::future::TimeoutFuture;
use web_sys::Element;
use yew::prelude::*;

/// A fresh `<div>` appended to the body.
pub fn fresh_root() -> Element {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .expect("a document");
    let root = document.create_element("div").expect("div");
    document
        .body()
        .expect("body")
        .append_child(&root)
        .expect("append");
    root
}

/// Take every other test's root out of the page, leaving `root` alone in the body: for a test that scrolls the
/// window, which earlier tests' readers could scroll too (a read-aloud player still running moves its paragraph
/// into view). Their apps keep running, on detached nodes, where scrolling does nothing.
pub fn alone(root: &Element) {
    let Some(body) = root.parent_element() else {
        return;
    };
    let mut child = body.first_element_child();
    while let Some(c) = child {
        child = c.next_element_sibling();
        if &c != root && c.tag_name() == "DIV" && c.id().is_empty() {
            c.remove();
        }
    }
}

/// Render `T` with `props` into a fresh root and wait until it has drawn something.
pub async fn render<T>(props: T::Properties) -> Element
where
    T: BaseComponent,
{
    let root = fresh_root();
    yew::Renderer::<T>::with_root_and_props(root.clone(), props).render();
    wait_until(&root, |r| r.child_element_count() > 0).await;
    root
}

/// Props of [`Drawn`].
#[derive(Properties, PartialEq)]
pub struct DrawnProps {
    /// What to draw.
    pub html: Html,
}

/// Draws what a view function returned (Folio's stateless views are functions, not components).
#[component]
pub fn Drawn(props: &DrawnProps) -> Html {
    props.html.clone()
}

/// Render the output of a view function into a fresh root and wait until it has drawn something.
pub async fn render_html(html: Html) -> Element {
    render::<Drawn>(DrawnProps { html }).await
}

/// Poll `check` every 10 ms for up to 3 s; panics if it never holds, naming the test line that waited.
#[track_caller]
pub fn wait_until<'a>(
    root: &'a Element,
    check: impl Fn(&Element) -> bool + 'a,
) -> impl std::future::Future<Output = ()> + 'a {
    let at = std::panic::Location::caller();
    async move {
        for _ in 0..300 {
            if check(root) {
                return;
            }
            TimeoutFuture::new(10).await;
        }
        panic!(
            "condition waited for at {at} never held; DOM: {}",
            root.inner_html()
        );
    }
}

/// Every element matching `css` under `root`.
pub fn all(root: &Element, css: &str) -> Vec<Element> {
    let list = root.query_selector_all(css).expect("valid selector");
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| wasm_bindgen::JsCast::dyn_into(n).ok())
        .collect()
}

/// The first element matching `css`; panics with the DOM when missing.
pub fn one(root: &Element, css: &str) -> Element {
    root.query_selector(css)
        .ok()
        .flatten()
        .unwrap_or_else(|| panic!("no {css} in {}", root.inner_html()))
}

/// Text content of the first match.
pub fn text(root: &Element, css: &str) -> String {
    one(root, css).text_content().unwrap_or_default()
}

/// The context of a bare thread drawn from `state` (its empty `draw` plan: each comment draws its reply limit).
pub fn ctx(state: ThreadState) -> ThreadContext {
    ThreadContext {
        state: Rc::new(state),
        ..ThreadContext::default()
    }
}

/// Props of [`Thread`].
#[derive(Properties, PartialEq)]
pub struct ThreadProps {
    /// The thread and everything its comments read from the context.
    pub ctx: ThreadContext,
}

/// The thread as the comment section draws it, without fetching: the context, and the roots as an `<ol>`.
#[component]
pub fn Thread(props: &ThreadProps) -> Html {
    html! {
        <ContextProvider<ThreadContext> context={props.ctx.clone()}>
            <ol class="folio-thread">
                { for props.ctx.state.thread.roots().iter().map(|&i| html! { <CommentItem key={i} index={i} depth={0} /> }) }
            </ol>
        </ContextProvider<ThreadContext>>
    }
}
