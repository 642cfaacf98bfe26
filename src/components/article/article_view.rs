use std::rc::Rc;

use yew::prelude::*;

use super::{body, breadcrumb, byline, hero_figure, live_blog, tag_list};
use crate::components::audio::listen;
use crate::components::common::{local_time, reader_locale};
use crate::components::controls::{reading_progress, use_reading_progress};
use crate::hooks::read_aloud::{media_session, use_owner_id};
use crate::hooks::{use_effect_on, use_lang, use_module_switch, use_phase, Upgrade};
use crate::model::Article;
use crate::state::LiveState;

/// Props of [`ArticleView`].
#[derive(Properties, PartialEq)]
pub struct ArticleViewProps {
    /// The article to draw.
    pub article: Rc<Article>,
    /// Drawn between the header (and the reading-progress bar) and the hero: the reader's controls, the share bar.
    #[prop_or_default]
    pub children: Html,
    /// A live article's state (its entries, corrected body, last update); without it the article is drawn as read.
    #[prop_or_default]
    pub live: Option<LiveState>,
    /// Shows a live article's entries that arrived.
    #[prop_or_default]
    pub on_show_updates: Callback<()>,
}

/// The whole article as an `<article>` whose title is the page's `<h1>`, with its reading-progress bar and its player.
#[component]
pub fn ArticleView(props: &ArticleViewProps) -> Html {
    let lang = use_lang();
    let _ = use_phase(); // the dates in the reader's own format once a hydrated page reads `Intl` again
    let s = lang.strings();
    let locale = reader_locale(lang.code());
    // "Audio only", kept here so that it survives a change between the audio edition and reading aloud.
    // A reader who pressed Play with it on, before the full module took over, finds it on.
    let resumed = use_module_switch().and_then(|s| s.peek());
    let only = use_state_eq(|| resumed == Some(Upgrade::Listen { only: true }));
    let on_only = {
        let only = only.clone();
        Callback::from(move |_| only.set(!*only))
    };
    // The audio edition's player number, and the Media Session given back when the article goes away.
    let owner = use_owner_id();
    let progress = use_reading_progress();
    use_effect_on((), move |_| move || media_session::release(owner));
    let a = &props.article;
    let (blocks, updated, entries, incoming, last_update) = match &props.live {
        Some(l) => (
            l.body.clone(),
            l.updated.clone(),
            l.entries.clone(),
            l.incoming.len(),
            l.last_update.clone(),
        ),
        None => (
            a.body.clone(),
            a.updated.clone(),
            a.entries.clone(),
            0,
            None,
        ),
    };
    html! {
        <article class="folio-article" lang={a.lang.as_deref().map(str::to_string)} dir={a.dir.as_attr()} part="article">
            <header class="folio-article__header">
                if !a.section.is_empty() {
                    { breadcrumb(&a.section, s) }
                }
                if a.label.is_some() || a.live {
                    <p class="folio-kicker">
                        if a.live {
                            <span class="folio-live">{ s.live }</span>
                            if let Some(at) = last_update {
                                <span class="folio-live__last">{ s.last_update }{ " " }{ local_time(&at, true, &locale) }</span>
                            }
                        }
                        if let Some(label) = &a.label {
                            <span class="folio-kicker__label">{ label.to_string() }</span>
                        }
                    </p>
                }
                <h1 class="folio-title" part="title">{ a.title.to_string() }</h1>
                if let Some(standfirst) = &a.standfirst {
                    <p class="folio-standfirst">{ standfirst.to_string() }</p>
                }
                { byline(&a.authors, a.published.as_ref(), updated.as_ref(), s, &locale) }
            </header>
            { reading_progress(progress, s) }
            { props.children.clone() }
            if let Some(hero) = &a.hero {
                { hero_figure(hero) }
            }
            { listen(a, *only, on_only, owner, lang) }
            { body(&blocks, &a.related, s) }
            if a.live || !entries.is_empty() {
                { live_blog(&entries, incoming, props.on_show_updates.clone(), lang) }
            }
            if !a.tags.is_empty() {
                <footer class="folio-article__footer">
                    { tag_list(&a.tags, s) }
                </footer>
            }
        </article>
    }
}
