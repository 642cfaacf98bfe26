use std::rc::Rc;

use yew::prelude::*;

use crate::hooks::use_strings;
use crate::model::Related;

/// Props of [`RelatedBlock`].
#[derive(Properties, PartialEq)]
pub struct RelatedBlockProps {
    /// The links to show together.
    pub links: Rc<[Related]>,
}

/// A "Related:" box inside the body: an `<aside>` so it is skipped by readers who follow the main text.
#[component]
pub fn RelatedBlock(props: &RelatedBlockProps) -> Html {
    let s = use_strings();
    html! {
        <aside class="folio-related" part="related">
            <p class="folio-related__label">{ s.related }</p>
            <ul class="folio-related__list">
                { for props.links.iter().map(|r| html! {
                    <li><a class="folio-related__link" href={r.url.to_string()}>{ r.title.to_string() }</a></li>
                }) }
            </ul>
        </aside>
    }
}
