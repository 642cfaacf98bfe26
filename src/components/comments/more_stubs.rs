use std::rc::Rc;

use yew::prelude::*;

use crate::hooks::{use_lang, use_stub_loader};
use crate::model::MoreStub;

/// The platform's "load more" stubs under one comment (Reddit's `more`, Ghost's reply counts): "N more replies". A
/// stub the mapping can fetch (Reddit: the parent comment's own `.json` permalink; Ghost: its replies endpoint) is a
/// button that loads the replies into the thread; the others — and a fetch that failed — are a link to the thread on
/// the platform when the mapping gives one, else a count (nothing reaches the platform before the reader clicks).
///
/// A view function over the thread's stubs (`ThreadState::more`), drawn by the comment (or, for `parent` `None`,
/// the section) they belong under; each stub is a `Stub` component, which keeps its own loading state.
pub fn more_stubs(stubs: &[MoreStub], parent: Option<&Rc<str>>) -> Html {
    let mut stubs = stubs
        .iter()
        .filter(|m| m.parent.as_ref() == parent)
        .peekable();
    if stubs.peek().is_none() {
        return Html::default();
    }
    html! {
        <ul class="folio-thread__stubs">
            { for stubs.map(|stub| html! { <Stub stub={stub.clone()} /> }) }
        </ul>
    }
}

#[derive(Properties, PartialEq)]
struct StubProps {
    stub: MoreStub,
}

/// One stub: a button while it can be fetched, else a link.
#[component]
fn Stub(props: &StubProps) -> Html {
    let lang = use_lang();
    let s = lang.strings();
    let busy = use_state(|| false);
    let failed = use_state(|| false);
    let stub = &props.stub;
    let text = lang.plural_text(&s.more_replies, stub.count);
    let load = use_stub_loader(
        stub.fetch.clone().unwrap_or_else(|| "".into()),
        stub.parent.clone().unwrap_or_else(|| "".into()),
    );
    let fetchable = stub.fetch.is_some() && stub.parent.is_some() && !*failed;
    let content = match fetchable {
        true => {
            let onclick = {
                let (busy, failed) = (busy.clone(), failed.clone());
                Callback::from(move |_: MouseEvent| {
                    busy.set(true);
                    let (busy, failed) = (busy.clone(), failed.clone());
                    // Once loaded, the stub leaves the thread state and this button goes with it.
                    load.emit(Callback::from(move |_| {
                        busy.set(false);
                        failed.set(true);
                    }));
                })
            };
            html! {
                <button type="button" class="folio-button folio-thread__more-stub" disabled={*busy}
                        aria-busy={(*busy).to_string()} {onclick}>{ text }</button>
            }
        }
        false => match &stub.url {
            Some(url) => html! {
                <a href={url.to_string()} class="folio-thread__more-stub" rel="noopener noreferrer"
                   target="_blank">{ text }</a>
            },
            None => html! { <span class="folio-thread__more-stub">{ text }</span> },
        },
    };
    html! { <li class="folio-thread__stub">{ content }</li> }
}
