use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::{
    stored_sort, use_live, use_sentinel, CommentItem, ComposeForm, LiveNotice, SortControl,
    ThreadContext,
};
use crate::components::common::{ErrorBox, Loading};
use crate::hooks::{use_lang, use_mapped_comments};
use crate::model::Comment;
use crate::state::{Load, LoadError, ThreadAction, ThreadState};

/// Props of [`CommentSection`].
#[derive(Properties, PartialEq)]
pub struct CommentSectionProps {
    /// Where the comment list is.
    pub url: AttrValue,
    /// The article's id.
    pub article_id: Rc<str>,
    /// Told about every comment the server accepted.
    #[prop_or_default]
    pub on_posted: Callback<Comment>,
    /// Told when the list cannot be loaded.
    #[prop_or_default]
    pub on_error: Callback<LoadError>,
}

/// The id a `#comment-<id>` link in the page's address points at.
fn linked_comment() -> Option<Rc<str>> {
    let hash = web_sys::window()?.location().hash().ok()?;
    let id = hash.strip_prefix("#comment-")?;
    let id = js_sys::decode_uri_component(id)
        .ok()
        .map(String::from)
        .unwrap_or_else(|| id.to_string());
    (!id.is_empty()).then(|| id.into())
}

/// The comment thread: a `<section>` whose heading shows the count, the compose form, the sort control, the
/// announcement of live arrivals, and the comments as an ordered list drawn a page at a time.
#[component]
pub fn CommentSection(props: &CommentSectionProps) -> Html {
    let lang = use_lang();
    let s = lang.strings();
    let (load, retry) = use_mapped_comments(props.url.clone());
    let state = use_reducer(|| ThreadState {
        sort: stored_sort().unwrap_or_default(),
        ..ThreadState::default()
    });
    let section = use_node_ref();
    let sentinel = use_node_ref();
    let dispatch = {
        let d = state.dispatcher();
        Callback::from(move |a| d.dispatch(a))
    };
    {
        let (dispatch, on_error) = (dispatch.clone(), props.on_error.clone());
        // Keyed by identity: a new load is a new `Rc`, and comparing two lists of 10,000 comments is wasted work.
        let key = Rc::as_ptr(&load) as usize;
        let load = load.clone();
        use_effect_with(key, move |_| match &*load {
            Load::Ready(loaded) => {
                dispatch.emit(ThreadAction::Loaded(loaded.list.clone()));
                if let Some(id) = linked_comment() {
                    dispatch.emit(ThreadAction::Focus(id));
                }
            }
            Load::Failed(e) => on_error.emit(e.clone()),
            Load::Loading => {}
        });
    }
    // Only the addresses: cloning (and comparing) a 10,000-comment list on every render would cost more than drawing.
    use_live(
        load.ready().map(|l| (l.url.clone(), l.events.clone())),
        dispatch.clone(),
    );
    {
        // Once a linked comment is drawn, bring it into view and give it the focus.
        let section = section.clone();
        use_effect_with(state.highlight.clone(), move |id| {
            let found = id.as_ref().and_then(|id| {
                let css = format!(
                    "[id='comment-{}'] > article",
                    id.replace('\\', "\\\\").replace('\'', "\\'")
                );
                section
                    .cast::<web_sys::Element>()?
                    .query_selector(&css)
                    .ok()?
            });
            if let Some(el) = found {
                el.scroll_into_view();
                if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
                    let _ = el.focus();
                }
            }
        });
    }
    // Further pages of the API's list: on the reader's request, or by themselves while a linked comment is missing.
    let load_more = super::use_more_pages(&state, dispatch.clone());
    let hidden_roots = state.hidden_roots();
    let show_more = {
        let dispatch = dispatch.clone();
        Callback::from(move |()| dispatch.emit(ThreadAction::ShowMore))
    };
    use_sentinel(
        sentinel.clone(),
        (state.shown_roots, hidden_roots > 0),
        show_more.clone(),
    );
    let on_posted = props.on_posted.clone();
    let ctx = ThreadContext {
        thread: state.thread.clone(),
        article_id: props.article_id.clone(),
        post: state.post.clone(),
        replying_to: state.replying_to.clone(),
        dispatch: dispatch.clone(),
        on_posted: on_posted.clone(),
        collapsed: state.collapsed.clone(),
        draw: state.draw.clone(),
        reply_limits: state.reply_limits.clone(),
        pending: state.pending.clone(),
        highlight: state.highlight.clone(),
        more: state.more.clone(),
    };
    let count = state.count();
    let on_sort = {
        let dispatch = dispatch.clone();
        Callback::from(move |o| dispatch.emit(ThreadAction::Sort(o)))
    };
    let on_show_new = {
        let dispatch = dispatch.clone();
        Callback::from(move |()| dispatch.emit(ThreadAction::ShowIncoming))
    };
    let with_top = state.comments.iter().any(|c| c.score.is_some());

    let content = match &*load {
        Load::Loading => html! { <Loading label={s.loading_comments} /> },
        Load::Failed(e) => {
            html! { <ErrorBox title={s.comments_failed} error={e.clone()} on_retry={retry} /> }
        }
        Load::Ready(_) => html! {
            <>
                if state.thread.is_empty() {
                    <p class="folio-comments__empty">{ s.no_comments }</p>
                }
                if let Some(post) = &state.post {
                    <ComposeForm article_id={props.article_id.clone()} post={post.clone()} on_posted={on_posted}
                                 on_thread={dispatch.clone()} />
                } else {
                    <super::ReadOnlyNotice />
                }
                <div class="folio-comments__toolbar">
                    if state.thread.roots().len() > 1 {
                        <SortControl value={state.sort} {with_top} on_change={on_sort} />
                    }
                    <LiveNotice count={state.incoming.len()} on_show={on_show_new} />
                </div>
                if !state.thread.is_empty() {
                    <ol class="folio-thread" part="thread">
                        // Keyed by comment id: indices move when the thread is rebuilt, ids do not.
                        { for state.visible_roots().into_iter().map(|i| html! {
                            <CommentItem key={state.thread.comment(i).map(|c| c.id.to_string()).unwrap_or_default()} index={i} depth={0} />
                        }) }
                    </ol>
                    <super::MoreStubs parent={None::<Rc<str>>} />
                }
                if hidden_roots > 0 {
                    <div class="folio-thread__more" ref={sentinel}>
                        <button type="button" class="folio-button folio-thread__show-more"
                                onclick={move |_| show_more.emit(())}>
                            { s.show_more_comments }
                        </button>
                    </div>
                } else if state.pages.next.is_some() {
                    <super::LoadMore fetching={state.pages.fetching} error={state.pages.error.clone()}
                                     on_load={load_more} />
                }
            </>
        },
    };
    html! {
        <ContextProvider<ThreadContext> context={ctx}>
            <section class="folio-comments" aria-labelledby="folio-comments-heading" part="comments" ref={section}>
                <h2 class="folio-comments__heading" id="folio-comments-heading">
                    <span class="folio-comments__title">{ s.comments }</span>
                    if matches!(*load, Load::Ready(_)) {
                        <span class="folio-comments__count" aria-hidden="true">{ count }</span>
                        <span class="folio-visually-hidden">{ format!(": {}", lang.comment_count(count)) }</span>
                    }
                </h2>
                { content }
            </section>
        </ContextProvider<ThreadContext>>
    }
}
