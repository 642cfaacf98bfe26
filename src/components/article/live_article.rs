use std::rc::Rc;

use yew::prelude::*;

use super::ArticleView;
use crate::hooks::{use_live_article, Source};
use crate::model::Article;

/// Props of [`LiveArticle`].
#[derive(Properties, PartialEq)]
pub struct LiveArticleProps {
    /// The article as first read.
    pub article: Rc<Article>,
    /// How its API is read (polls read the article again with it).
    pub source: Source,
    /// Where the article was fetched from: what polls ask again.
    pub src: AttrValue,
    /// Drawn between the header and the hero (the share bar).
    #[prop_or_default]
    pub children: Html,
}

/// A live article: the [`ArticleView`] of its live state, kept up to date by `use_live_article` (new entries wait
/// for the reader, changed ones and body corrections replace theirs in place).
#[component]
pub fn LiveArticle(props: &LiveArticleProps) -> Html {
    let (live, on_show) = use_live_article(
        props.article.clone(),
        props.source.clone(),
        props.src.clone(),
    );
    html! {
        <ArticleView article={props.article.clone()} live={Some(live)} on_show_updates={on_show}>
            { props.children.clone() }
        </ArticleView>
    }
}
