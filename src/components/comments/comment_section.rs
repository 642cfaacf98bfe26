use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::{
    live_notice, load_more, sort_control, AvatarRule, CommentItem, ComposeForm, ThreadContext,
};
use crate::components::common::{error_box, loading};
use crate::hooks::{
    use_effect_on, use_lang, use_module_switch, use_sentinel, use_thread, LoadedPage, SectionIo,
    Source, Upgrade,
};
use crate::model::Comment;
use crate::state::{Load, LoadError, ThreadAction};

/// Props of [`CommentSection`].
#[derive(Properties, PartialEq)]
pub struct CommentSectionProps {
    /// Where the comment list is.
    pub url: AttrValue,
    /// The article's id.
    pub article_id: Rc<str>,
    /// How the article's API is read (from the article's hook).
    #[prop_or_default]
    pub source: Source,
    /// Told about every comment the server accepted.
    #[prop_or_default]
    pub on_posted: Callback<Comment>,
    /// Told when the list cannot be loaded.
    #[prop_or_default]
    pub on_error: Callback<LoadError>,
    /// The first page, read on a server (server rendering): drawn at once, not fetched again.
    #[prop_or_default]
    pub first_page: Option<LoadedPage>,
    /// Which avatars may load (the reader's rule; `None`: every one).
    #[prop_or_default]
    pub avatars: Option<AvatarRule>,
}

/// Once a linked comment is drawn, bring it into view and give it the focus.
fn scroll_to(section: &NodeRef, id: &str) {
    let css = format!(
        "[id='comment-{}'] > article",
        id.replace('\\', "\\\\").replace('\'', "\\'")
    );
    let found = section
        .cast::<web_sys::Element>()
        .and_then(|s| s.query_selector(&css).ok().flatten());
    if let Some(el) = found {
        el.scroll_into_view();
        if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
            let _ = el.focus();
        }
    }
}

/// The comment thread: a `<section>` whose heading shows the count, the compose form, the sort control, the
/// announcement of live arrivals, and the comments as an ordered list drawn a page at a time.
#[component]
pub fn CommentSection(props: &CommentSectionProps) -> Html {
    let lang = use_lang();
    let s = lang.strings();
    let t = use_thread(
        props.source.clone(),
        props.url.clone(),
        props.article_id.clone(),
        props.on_posted.clone(),
        props.on_error.clone(),
        props.first_page.clone(),
    );
    let state = &*t.state;
    let section = use_node_ref();
    let switch = use_module_switch();
    let ready = matches!(&*t.load, Load::Ready(_));
    {
        // A reply sent on the embed's lite module is posted by this reader, which took over: its form opens again
        // (and, restoring the stored draft, sends it).
        let (switch, dispatch) = (switch.clone(), t.dispatch.clone());
        use_effect_on(ready, move |&ready| {
            if let Some(Upgrade::Post { parent: Some(id) }) = switch.and_then(|s| s.peek()) {
                if ready {
                    dispatch.emit(ThreadAction::OpenReply(id));
                }
            }
        });
    }
    // Built without posting (the lite module), which also edits and deletes: a thread holding the reader's own
    // comments that they may still change asks for the full module at once.
    let own = !cfg!(feature = "posting")
        && state.post.as_ref().is_some_and(|p| {
            let now = crate::platform::now_ms();
            (state.comments().iter())
                .any(|c| !c.deleted && state.grants.open_for(&c.id, &p.url, now).is_some())
        });
    use_effect_on(own, move |&own| {
        if let Some(switch) = switch.filter(|_| own) {
            switch.request.emit(Upgrade::Own);
        }
    });
    let sentinel = use_node_ref();
    {
        let section = section.clone();
        use_effect_on(state.highlight.clone(), move |id| {
            if let Some(id) = id {
                scroll_to(&section, id);
            }
        });
    }
    let hidden_roots = state.hidden_roots();
    let act = |action: fn() -> ThreadAction| {
        let dispatch = t.dispatch.clone();
        Callback::from(move |()| dispatch.emit(action()))
    };
    let show_more = act(|| ThreadAction::ShowMore);
    use_sentinel(
        sentinel.clone(),
        (state.shown_roots, hidden_roots > 0),
        show_more.clone(),
    );
    let ctx = ThreadContext {
        state: Rc::new(state.clone()),
        article_id: props.article_id.clone(),
        dispatch: t.dispatch.clone(),
        avatars: props.avatars.clone(),
    };
    let count = state.count();
    let on_sort = t.dispatch.reform(ThreadAction::Sort);
    let with_top = state.comments().iter().any(|c| c.score.is_some());
    let platform = props.source.read_only_preset();

    let content = match &*t.load {
        Load::Loading => loading(s.loading_comments),
        Load::Failed(e) => error_box(s.comments_failed, e, Some(t.retry.clone()), s),
        Load::Ready(_) => html! {
            <>
                if state.thread.is_empty() {
                    <p class="folio-comments__empty">{ s.no_comments }</p>
                }
                if let Some(post) = &state.post {
                    <ComposeForm article_id={props.article_id.clone()} post={post.clone()} />
                } else {
                    { super::read_only_notice(platform.as_deref(), s) }
                }
                <div class="folio-comments__toolbar">
                    if state.thread.roots().len() > 1 {
                        { sort_control(state.sort, with_top, on_sort, s) }
                    }
                    { live_notice(state.incoming.len(), act(|| ThreadAction::ShowIncoming), false, lang) }
                </div>
                if !state.thread.is_empty() {
                    <ol class="folio-thread" part="thread">
                        // Keyed by comment id: indices move when the thread is rebuilt, ids do not.
                        { for state.visible_roots().into_iter().map(|i| html! {
                            <CommentItem key={state.thread.comment(i).map(|c| c.id.to_string()).unwrap_or_default()} index={i} depth={0} />
                        }) }
                    </ol>
                    { super::more_stubs(&state.more, None) }
                }
                if hidden_roots > 0 {
                    <div class="folio-thread__more" ref={sentinel}>
                        <button type="button" class="folio-button folio-thread__show-more"
                                onclick={move |_| show_more.emit(())}>
                            { s.show_more_comments }
                        </button>
                    </div>
                } else if state.pages.next.is_some() {
                    { load_more(state.pages.fetching, state.pages.error.as_ref(), t.load_more.clone(), s) }
                }
            </>
        },
    };
    html! {
        <ContextProvider<SectionIo> context={t.io.clone()}>
        <ContextProvider<ThreadContext> context={ctx}>
            <section class="folio-comments" aria-labelledby="folio-comments-heading" part="comments" ref={section}>
                <h2 class="folio-comments__heading" id="folio-comments-heading">
                    <span class="folio-comments__title">{ s.comments }</span>
                    if matches!(*t.load, Load::Ready(_)) {
                        <span class="folio-comments__count" aria-hidden="true">{ count }</span>
                        <span class="folio-visually-hidden">{ format!(": {}", lang.comment_count(count)) }</span>
                    }
                </h2>
                { content }
            </section>
        </ContextProvider<ThreadContext>>
        </ContextProvider<SectionIo>>
    }
}
