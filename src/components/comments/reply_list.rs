use yew::prelude::*;

use super::{CommentItem, ThreadContext, INDENT_LIMIT, NARROW_INDENT_LIMIT, NESTING_LIMIT};
use crate::hooks::use_strings;
use crate::state::ThreadAction;

/// Props of [`ReplyList`].
#[derive(Properties, PartialEq)]
pub struct ReplyListProps {
    /// The index of the comment whose replies these are.
    pub index: usize,
    /// That comment's depth (0: top level).
    pub depth: usize,
    /// The list's element id (its toggle's `aria-controls`).
    pub id: AttrValue,
}

/// The replies of one comment as a nested `<ol>`: a page of them (the thread state says which), indented up to
/// [`INDENT_LIMIT`], one flat list past [`NESTING_LIMIT`], and "show more replies" where the page was cut.
#[component]
pub fn ReplyList(props: &ReplyListProps) -> Html {
    let s = use_strings();
    let Some(ctx) = use_context::<ThreadContext>() else {
        return Html::default();
    };
    let st = &*ctx.state;
    let Some(c) = st.thread.comment(props.index) else {
        return Html::default();
    };
    let depth = props.depth + 1;
    let flat = depth >= NESTING_LIMIT;
    let (children, more) = st.replies_to_draw(props.index, &c.id, flat);
    let on_more = {
        let (dispatch, id) = (ctx.dispatch.clone(), c.id.clone());
        Callback::from(move |_| dispatch.emit(ThreadAction::ShowMoreReplies(id.clone())))
    };
    let classes = classes!(
        "folio-thread__replies",
        (depth >= INDENT_LIMIT).then_some("folio-thread__replies--flat"),
        (depth >= NARROW_INDENT_LIMIT).then_some("folio-thread__replies--narrow-flat")
    );
    html! {
        <ol id={props.id.clone()} class={classes}>
            // Keyed by comment id: indices move when the thread is rebuilt, ids do not.
            { for children.iter().map(|&i| html! {
                <CommentItem key={st.thread.comment(i).map(|c| c.id.to_string()).unwrap_or_default()} index={i} {depth} {flat} />
            }) }
            if more {
                <li class="folio-thread__more">
                    <button type="button" class="folio-button folio-thread__more-replies" onclick={on_more}>{ s.show_more_replies }</button>
                </li>
            }
        </ol>
    }
}
