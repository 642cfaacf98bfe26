//! Folio as a Yew component inside another Yew app: `<folio::Reader config={…} />` with its three callbacks.
//!
//! Built (never run) by `scripts/test.sh` so it cannot rot:
//! `cargo build --example host_app --target wasm32-unknown-unknown`. To try it, serve it with Trunk from a page
//! that has `<link data-trunk rel="rust" data-bin="host_app" data-type="main" />`; the reader brings its own
//! styles (a constructed stylesheet, see `folio::styles`), so the page links no CSS.

use std::rc::Rc;

use folio::model::{Article, Comment};
use folio::state::LoadError;
use folio::{Reader, ReaderConfig, Theme};
use yew::prelude::*;

/// The host's own page: a heading, a status line fed by Folio's callbacks, and the reader.
#[component]
fn HostApp() -> Html {
    let status = use_state(|| String::from("Loading…"));
    // Settings are validated once, the same way as `<folio-reader>` attributes; `ReaderConfig::from_pairs`
    // gives a `folio:` message for bad ones.
    let config = ReaderConfig {
        comments: Some("/demo/comments/night-trains-return.json".into()),
        theme: Theme::Auto,
        ..ReaderConfig::new("/demo/articles/night-trains-return.json")
    };
    let on_loaded = {
        let status = status.clone();
        Callback::from(move |a: Rc<Article>| status.set(format!("Showing “{}”", a.title)))
    };
    let on_error = {
        let status = status.clone();
        Callback::from(move |e: LoadError| status.set(format!("Folio failed: {e}")))
    };
    let on_comment_posted = {
        let status = status.clone();
        Callback::from(move |c: Comment| status.set(format!("Thanks, {}!", c.author.name)))
    };
    html! {
        <main>
            <h1>{ "My news site" }</h1>
            <p role="status">{ (*status).clone() }</p>
            <Reader {config} {on_loaded} {on_error} {on_comment_posted} />
        </main>
    }
}

fn main() {
    yew::Renderer::<HostApp>::new().render();
}
