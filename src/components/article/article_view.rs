use std::rc::Rc;

use yew::prelude::*;

use super::{Body, Breadcrumb, Byline, HeroFigure, TagList};
use crate::components::audio::Listen;
use crate::hooks::use_strings;
use crate::model::Article;

/// Props of [`ArticleView`].
#[derive(Properties, PartialEq)]
pub struct ArticleViewProps {
    /// The article to draw.
    pub article: Rc<Article>,
    /// Drawn between the header and the hero (the share bar).
    #[prop_or_default]
    pub children: Html,
}

/// The whole article as an `<article>` whose title is the page's `<h1>`.
#[component]
pub fn ArticleView(props: &ArticleViewProps) -> Html {
    let s = use_strings();
    let a = &props.article;
    html! {
        <article class="folio-article" lang={a.lang.as_deref().map(str::to_string)} dir={a.dir.as_attr()} part="article">
            <header class="folio-article__header">
                if !a.section.is_empty() {
                    <Breadcrumb crumbs={a.section.clone()} />
                }
                if a.label.is_some() || a.live {
                    <p class="folio-kicker">
                        if a.live {
                            <span class="folio-live">{ s.live }</span>
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
                <Byline authors={a.authors.clone()} published={a.published.clone()} updated={a.updated.clone()} />
            </header>
            { props.children.clone() }
            if let Some(hero) = &a.hero {
                <HeroFigure hero={hero.clone()} />
            }
            <Listen article={a.clone()} />
            <Body blocks={a.body.clone()} related={a.related.clone()} />
            if !a.tags.is_empty() {
                <footer class="folio-article__footer">
                    <TagList tags={a.tags.clone()} />
                </footer>
            }
        </article>
    }
}
