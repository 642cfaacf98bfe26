use std::rc::Rc;

use yew::prelude::*;

use crate::components::common::{LiveNotice, LocalTime, SafeHtmlView};
use crate::hooks::use_strings;
use crate::model::Entry;

/// Props of [`LiveBlog`].
#[derive(Properties, PartialEq)]
pub struct LiveBlogProps {
    /// The entries shown, newest first.
    pub entries: Rc<[Entry]>,
    /// How many arrived and wait.
    #[prop_or_default]
    pub incoming: usize,
    /// Shows the ones that arrived.
    #[prop_or_default]
    pub on_show: Callback<()>,
}

/// A live article's entries, newest first, each an `<article>` with its own anchor (`#entry-<id>`), time, author,
/// optional title and body; above them the polite "N new updates" announcement, whose button shows the entries
/// that arrived (nothing is inserted before the reader asks).
#[component]
pub fn LiveBlog(props: &LiveBlogProps) -> Html {
    let s = use_strings();
    html! {
        <section class="folio-liveblog" aria-labelledby="folio-liveblog-heading" part="liveblog">
            <h2 class="folio-liveblog__heading" id="folio-liveblog-heading">{ s.live_updates }</h2>
            <LiveNotice count={props.incoming} on_show={props.on_show.clone()} updates=true />
            <ol class="folio-liveblog__list">
                { for props.entries.iter().map(|e| html! { <EntryItem key={&*e.id} entry={e.clone()} /> }) }
            </ol>
        </section>
    }
}

/// Props of [`EntryItem`].
#[derive(Properties, PartialEq)]
struct EntryItemProps {
    entry: Entry,
}

/// One entry: time (and the time of its last change), author, title, body.
#[component]
fn EntryItem(props: &EntryItemProps) -> Html {
    let s = use_strings();
    let e = &props.entry;
    let updated = e
        .updated
        .as_ref()
        .filter(|u| e.published.as_ref().is_none_or(|p| u.epoch_ms > p.epoch_ms));
    html! {
        <li class="folio-entry" id={format!("entry-{}", e.id)}>
            <article>
                <p class="folio-entry__meta">
                    if let Some(p) = &e.published {
                        <LocalTime at={p.clone()} with_time=true />
                    }
                    if let Some(a) = &e.author {
                        <span class="folio-entry__author">{ a.name.to_string() }</span>
                    }
                    if let Some(u) = updated {
                        <span class="folio-entry__updated">{ s.updated }{ " " }<LocalTime at={u.clone()} with_time=true /></span>
                    }
                </p>
                if let Some(t) = &e.title {
                    <h3 class="folio-entry__title">{ t.to_string() }</h3>
                }
                <div class="folio-body folio-entry__body">
                    { for e.body.iter().map(|b| html! { <SafeHtmlView html={b.clone()} /> }) }
                </div>
            </article>
        </li>
    }
}
