use std::rc::Rc;

use yew::prelude::*;

use crate::hooks::use_strings;
use crate::model::Tag;

/// Props of [`TagList`].
#[derive(Properties, PartialEq)]
pub struct TagListProps {
    /// The topics.
    pub tags: Rc<[Tag]>,
}

/// The article's topics, as a labelled list (links where the API gave a topic page).
#[component]
pub fn TagList(props: &TagListProps) -> Html {
    let s = use_strings();
    html! {
        <div class="folio-tags" part="tags">
            <p class="folio-tags__label" id="folio-tags-label">{ s.tags }</p>
            <ul class="folio-tags__list" aria-label={s.tags}>
                { for props.tags.iter().map(|t| html! {
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
