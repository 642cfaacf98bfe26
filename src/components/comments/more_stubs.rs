use std::rc::Rc;

use yew::prelude::*;

use super::ThreadContext;
use crate::hooks::use_lang;

/// Props of [`MoreStubs`].
#[derive(Properties, PartialEq)]
pub struct MoreStubsProps {
    /// The comment whose left-out replies these are; `None`: left-out top-level comments.
    pub parent: Option<Rc<str>>,
}

/// The platform's "load more" stubs under one comment (Reddit's `more`): "N more replies", a link to the thread on
/// the platform. They are not fetched here: that needs Reddit's `/api/morechildren`, whose anonymous cross-origin
/// use could not be verified, so the reader follows the link (a click: nothing reaches the platform before).
#[component]
pub fn MoreStubs(props: &MoreStubsProps) -> Html {
    let ctx = use_context::<ThreadContext>().unwrap_or_default();
    let lang = use_lang();
    let stubs: Vec<_> = ctx
        .more
        .iter()
        .filter(|m| m.parent == props.parent)
        .collect();
    if stubs.is_empty() {
        return html! {};
    }
    html! {
        <ul class="folio-thread__stubs">
            { for stubs.into_iter().map(|m| {
                let text = lang.plural_text(&lang.strings().more_replies, m.count);
                html! {
                    <li class="folio-thread__stub">
                        if let Some(url) = &m.url {
                            <a href={url.to_string()} class="folio-thread__more-stub" rel="noopener noreferrer"
                               target="_blank">{ text }</a>
                        } else {
                            <span class="folio-thread__more-stub">{ text }</span>
                        }
                    </li>
                }
            }) }
        </ul>
    }
}
