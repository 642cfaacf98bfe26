//! The article's topics. A view function, not a component: it has no state and redraws only with the article, so
//! a component's lifecycle (about 2 KB of wasm per component) would buy nothing.

use yew::prelude::*;

use crate::i18n::Strings;
use crate::model::Tag;

/// The article's topics, as a labelled list (links where the API gave a topic page).
pub fn tag_list(tags: &[Tag], s: &Strings) -> Html {
    html! {
        <div class="folio-tags" part="tags">
            <p class="folio-tags__label" id="folio-tags-label">{ s.tags }</p>
            <ul class="folio-tags__list" aria-label={s.tags}>
                { for tags.iter().map(|t| html! {
                    <li class="folio-tag">
                        if let Some(url) = &t.url {
                            <a href={url.to_string()}>{ t.label.to_string() }</a>
                        } else {
                            { t.label.to_string() }
                        }
                    </li>
                }) }
            </ul>
        </div>
    }
}
