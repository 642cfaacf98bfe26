use std::rc::Rc;

use yew::prelude::*;

use super::{CommentItem, ComposeForm, ThreadContext};
use crate::components::common::{ErrorBox, Loading};
use crate::hooks::{use_document, use_lang};
use crate::model::{Comment, CommentList};
use crate::source::folio_json::parse_comments;
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

/// The comment thread: a `<section>` whose heading shows the count, an empty state, the compose form, and the
/// comments as an ordered list.
#[component]
pub fn CommentSection(props: &CommentSectionProps) -> Html {
    let lang = use_lang();
    let s = lang.strings();
    let (load, retry) = use_document::<CommentList>(Some(props.url.clone()), parse_comments);
    let state = use_reducer(ThreadState::default);
    {
        let (dispatch, on_error) = (state.dispatcher(), props.on_error.clone());
        use_effect_with(load.clone(), move |load| match &**load {
            Load::Ready(list) => dispatch.dispatch(ThreadAction::Loaded(list.clone())),
            Load::Failed(e) => on_error.emit(e.clone()),
            Load::Loading => {}
        });
    }
    let dispatch = {
        let d = state.dispatcher();
        Callback::from(move |a| d.dispatch(a))
    };
    let on_posted = {
        let (dispatch, outer) = (dispatch.clone(), props.on_posted.clone());
        Callback::from(move |c: Comment| {
            dispatch.emit(ThreadAction::Posted(c.clone()));
            outer.emit(c);
        })
    };
    let ctx = ThreadContext {
        thread: state.thread.clone(),
        article_id: props.article_id.clone(),
        post: state.post.clone(),
        replying_to: state.replying_to.clone(),
        dispatch,
        on_posted: on_posted.clone(),
    };
    let count = state.count();

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
                    <ComposeForm article_id={props.article_id.clone()} post={post.clone()} on_posted={on_posted} />
                } else {
                    <p class="folio-comments__closed">{ s.read_only }</p>
                }
                if !state.thread.is_empty() {
                    <ol class="folio-thread" part="thread">
                        { for state.thread.roots().iter().map(|&i| html! {
                            <CommentItem key={i} index={i} depth={0} />
                        }) }
                    </ol>
                }
            </>
        },
    };
    html! {
        <ContextProvider<ThreadContext> context={ctx}>
            <section class="folio-comments" aria-labelledby="folio-comments-heading" part="comments">
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
