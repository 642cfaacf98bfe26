use yew::prelude::*;

use super::{DemoIndex, Playground};
use crate::components::common::error_box;
use crate::config::ReaderConfig;
use crate::i18n::Lang;
use crate::state::LoadError;
use crate::Reader;

/// What the SPA shows.
#[derive(Clone, Debug, PartialEq)]
pub enum SpaRoute {
    /// The demo index (no `src` parameter).
    Index,
    /// One article.
    Article(ReaderConfig),
    /// Parameters that cannot be used, with the reason.
    BadConfig(String),
    /// The mapping playground (`?playground`).
    Playground,
}

/// Props of [`SpaApp`].
#[derive(Properties, PartialEq)]
pub struct SpaAppProps {
    /// What to show.
    pub route: SpaRoute,
}

/// The SPA page: a masthead linking back to the index, then the index or the reader.
#[component]
pub fn SpaApp(props: &SpaAppProps) -> Html {
    let lang = match &props.route {
        SpaRoute::Article(c) => c.lang.as_deref().and_then(Lang::from_tag),
        _ => None,
    }
    .unwrap_or_default();
    let s = lang.strings();
    html! {
        <>
            <header class="spa-masthead">
                <a class="spa-masthead__brand" href="./">{ "Folio" }</a>
                if props.route != SpaRoute::Index {
                    <a class="spa-masthead__back" href="./">{ s.all_articles }</a>
                }
            </header>
            <main class="spa-main" id="main">
                { match &props.route {
                    SpaRoute::Index => html! { <DemoIndex /> },
                    SpaRoute::Playground => html! { <Playground /> },
                    SpaRoute::Article(config) => html! {
                        <Reader config={config.clone()} on_loaded={super::ready_signal()} />
                    },
                    SpaRoute::BadConfig(message) => html! {
                        <div class="folio" data-theme="auto">
                            { error_box(s.article_failed, &LoadError::Config(message.trim_start_matches("folio: ").to_string()), None, s) }
                        </div>
                    },
                } }
            </main>
        </>
    }
}
