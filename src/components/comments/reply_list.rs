use yew::prelude::*;

use super::{CommentItem, ThreadContext, INDENT_LIMIT, NARROW_INDENT_LIMIT, NESTING_LIMIT};
use crate::components::common::class_list;
use crate::i18n::Strings;
use crate::state::ThreadAction;

/// The replies of the comment at `index` (at `depth`, 0 for top level) as a nested `<ol>` with the element id `id`
/// (its toggle's `aria-controls`): a page of them (the thread state says which), indented up to [`INDENT_LIMIT`],
/// one flat list past [`NESTING_LIMIT`], and "show more replies" where the page was cut. A view function called by
/// the comment, which already reads the thread's context (`components/article/tags.rs` says why not a component).
pub fn reply_list(
    ctx: &ThreadContext,
    index: usize,
    depth: usize,
    id: String,
    s: &Strings,
) -> Html {
    let st = &*ctx.state;
    let Some(c) = st.thread.comment(index) else {
        return Html::default();
    };
    let depth = depth + 1;
    let flat = depth >= NESTING_LIMIT;
    let (children, more) = st.replies_to_draw(index, &c.id, flat);
    let on_more = {
        let (dispatch, id) = (ctx.dispatch.clone(), c.id.clone());
        Callback::from(move |_| dispatch.emit(ThreadAction::ShowMoreReplies(id.clone())))
    };
    let classes = class_list(
        "folio-thread__replies",
        &[
            (depth >= INDENT_LIMIT).then_some("folio-thread__replies--flat"),
            (depth >= NARROW_INDENT_LIMIT).then_some("folio-thread__replies--narrow-flat"),
        ],
    );
    html! {
        <ol {id} class={classes}>
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
