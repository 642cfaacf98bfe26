use std::rc::Rc;

use yew::prelude::*;

use super::ThreadContext;
use crate::hooks::{use_lang, MappedContext};
use crate::model::{CommentList, MoreStub};
use crate::net::{get_text, DEFAULT_TIMEOUT_MS};
use crate::source::mapping::map_comments_text;
use crate::state::{LoadError, ThreadAction};

/// Props of [`MoreStubs`].
#[derive(Properties, PartialEq)]
pub struct MoreStubsProps {
    /// The comment whose left-out replies these are; `None`: left-out top-level comments.
    pub parent: Option<Rc<str>>,
}

/// The platform's "load more" stubs under one comment (Reddit's `more`): "N more replies". A stub the mapping can
/// fetch (Reddit: the parent comment's own `.json` permalink) is a button that loads the replies into the thread;
/// the others — and a fetch that failed — are a link to the thread on the platform (nothing reaches the platform
/// before the reader clicks).
#[component]
pub fn MoreStubs(props: &MoreStubsProps) -> Html {
    let ctx = use_context::<ThreadContext>().unwrap_or_default();
    let stubs: Vec<MoreStub> = ctx
        .more
        .iter()
        .filter(|m| m.parent == props.parent)
        .cloned()
        .collect();
    if stubs.is_empty() {
        return html! {};
    }
    html! {
        <ul class="folio-thread__stubs">
            { for stubs.into_iter().map(|stub| html! { <Stub {stub} /> }) }
        </ul>
    }
}

#[derive(Properties, PartialEq)]
struct StubProps {
    stub: MoreStub,
}

/// Fetch a stub's answer and map it with the mapping the thread was read with.
async fn load(url: Rc<str>, mapped: MappedContext) -> Result<CommentList, LoadError> {
    let f = get_text(&url, DEFAULT_TIMEOUT_MS).await?;
    let info = mapped.0.as_ref();
    let mapping = info.and_then(|i| i.resolved.mapping.as_deref());
    Ok(map_comments_text(
        &f.text,
        Some(&f.url),
        mapping,
        info.map(|i| i.object.as_ref()),
    )?)
}

/// One stub: a button while it can be fetched, else a link.
#[component]
fn Stub(props: &StubProps) -> Html {
    let ctx = use_context::<ThreadContext>().unwrap_or_default();
    let mapped = use_context::<MappedContext>().unwrap_or_default();
    let lang = use_lang();
    let s = lang.strings();
    let busy = use_state(|| false);
    let failed = use_state(|| false);
    let stub = &props.stub;
    let text = lang.plural_text(&s.more_replies, stub.count);
    let fetchable = stub
        .fetch
        .clone()
        .zip(stub.parent.clone())
        .filter(|_| !*failed);
    let content = match fetchable {
        Some((url, parent)) => {
            let onclick = {
                let (busy, failed, dispatch) = (busy.clone(), failed.clone(), ctx.dispatch.clone());
                Callback::from(move |_: MouseEvent| {
                    busy.set(true);
                    let (url, parent, mapped) = (url.clone(), parent.clone(), mapped.clone());
                    let (busy, failed, dispatch) = (busy.clone(), failed.clone(), dispatch.clone());
                    wasm_bindgen_futures::spawn_local(async move {
                        match load(url, mapped).await {
                            Ok(list) => dispatch.emit(ThreadAction::StubLoaded { parent, list }),
                            Err(_) => {
                                busy.set(false);
                                failed.set(true);
                            }
                        }
                    });
                })
            };
            html! {
                <button type="button" class="folio-button folio-thread__more-stub" disabled={*busy}
                        aria-busy={(*busy).to_string()} {onclick}>{ text }</button>
            }
        }
        None => match &stub.url {
            Some(url) => html! {
                <a href={url.to_string()} class="folio-thread__more-stub" rel="noopener noreferrer"
                   target="_blank">{ text }</a>
            },
            None => html! { <span class="folio-thread__more-stub">{ text }</span> },
        },
    };
    html! { <li class="folio-thread__stub">{ content }</li> }
}
