//! A "Related:" box inside the body (a view function: see `tags.rs` for why not a component).

use yew::prelude::*;

use crate::i18n::Strings;
use crate::model::Related;

/// The links as an `<aside>`, so it is skipped by readers who follow the main text.
pub fn related_block(links: &[Related], s: &Strings) -> Html {
    html! {
        <aside class="folio-related" part="related">
            <p class="folio-related__label">{ s.related }</p>
            <ul class="folio-related__list">
                { for links.iter().map(|r| html! {
                    <li><a class="folio-related__link" href={r.url.to_string()}>{ r.title.to_string() }</a></li>
                }) }
            </ul>
        </aside>
    }
}
