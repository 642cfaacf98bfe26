use yew::prelude::*;

use super::{ComposeForm, ThreadContext, INDENT_LIMIT, NESTING_LIMIT};
use crate::components::common::{LocalTime, SafeHtmlView};
use crate::hooks::use_strings;
use crate::i18n::fill_name;
use crate::model::{Comment, Thread};
use crate::state::ThreadAction;

/// Props of [`CommentItem`].
#[derive(Properties, PartialEq)]
pub struct CommentItemProps {
    /// The comment's index in the thread.
    pub index: usize,
    /// How deep it sits (0: top level).
    pub depth: usize,
    /// Drawn inside a flattened subtree: its replies are drawn by the subtree, not by it.
    #[prop_or_default]
    pub flat: bool,
}

/// One comment in its `<li>`: an `<article>` with author, date, body and actions, then its replies in a nested
/// `<ol>`.
#[component]
pub fn CommentItem(props: &CommentItemProps) -> Html {
    let Some(ctx) = use_context::<ThreadContext>() else {
        return Html::default();
    };
    let s = use_strings();
    let Some(c) = ctx.thread.comment(props.index) else {
        return Html::default();
    };
    let replying = ctx.replying_to.as_deref() == Some(&*c.id);
    let replies = ctx.thread.replies(props.index);
    let parent_name = c
        .parent
        .as_deref()
        .and_then(|p| ctx.thread.index_of(p))
        .and_then(|p| ctx.thread.comment(p))
        .map(|p| {
            if p.deleted {
                s.deleted.to_string()
            } else {
                p.author.name.to_string()
            }
        });
    let on_reply = {
        let (dispatch, id) = (ctx.dispatch.clone(), c.id.clone());
        Callback::from(move |_| {
            dispatch.emit(if replying {
                ThreadAction::CloseReply
            } else {
                ThreadAction::OpenReply(id.clone())
            })
        })
    };
    let on_cancel = {
        let dispatch = ctx.dispatch.clone();
        Callback::from(move |()| dispatch.emit(ThreadAction::CloseReply))
    };
    let classes = classes!(
        "folio-comment",
        c.deleted.then_some("folio-comment--deleted"),
        c.by_article_author.then_some("folio-comment--by-author"),
    );

    html! {
        <li class="folio-thread__item" id={format!("comment-{}", c.id)}>
            <article class={classes} part="comment">
                if c.deleted {
                    <p class="folio-comment__deleted">{ s.deleted }</p>
                } else {
                    <CommentHeader comment={c.clone()} in_reply_to={parent_name.filter(|_| props.depth >= INDENT_LIMIT)} />
                    <div class="folio-comment__body" dir="auto"><SafeHtmlView html={c.body.clone()} /></div>
                    <footer class="folio-comment__footer">
                        if let Some(score) = c.score {
                            <span class="folio-comment__score">{ s.score.replace("{n}", &score.to_string()) }</span>
                        }
                        if ctx.post.is_some() {
                            <button type="button" class="folio-link-button" aria-expanded={replying.to_string()}
                                    aria-label={fill_name(s.reply_to, &c.author.name)} onclick={on_reply}>
                                { s.reply }
                            </button>
                        }
                    </footer>
                }
            </article>
            if replying {
                if let Some(post) = ctx.post.clone() {
                    <ComposeForm article_id={ctx.article_id.clone()} {post} parent={Some(c.id.clone())}
                                 parent_author={Some(c.author.name.clone())} on_posted={ctx.on_posted.clone()}
                                 on_cancel={Some(on_cancel)} />
                }
            }
            if !props.flat && !replies.is_empty() {
                <ol class={classes!("folio-thread__replies", (props.depth + 1 >= INDENT_LIMIT).then_some("folio-thread__replies--flat"))}>
                    if props.depth + 1 < NESTING_LIMIT {
                        { for replies.iter().map(|&i| html! { <CommentItem key={i} index={i} depth={props.depth + 1} /> }) }
                    } else {
                        { for descendants_in_order(&ctx.thread, props.index).into_iter().map(|i| html! {
                            <CommentItem key={i} index={i} depth={props.depth + 1} flat=true />
                        }) }
                    }
                </ol>
            }
        </li>
    }
}

/// Every comment below `index`, in reading order, found without recursion.
fn descendants_in_order(thread: &Thread, index: usize) -> Vec<usize> {
    let mut out = Vec::with_capacity(thread.descendant_count(index));
    let mut stack: Vec<usize> = thread.replies(index).iter().rev().copied().collect();
    while let Some(i) = stack.pop() {
        out.push(i);
        stack.extend(thread.replies(i).iter().rev());
    }
    out
}

#[derive(Properties, PartialEq)]
struct CommentHeaderProps {
    comment: Comment,
    in_reply_to: Option<String>,
}

/// Avatar, name (linked when the author has a page), the article author's badge, whom it answers, and the date
/// as a permalink.
#[component]
fn CommentHeader(props: &CommentHeaderProps) -> Html {
    let s = use_strings();
    let c = &props.comment;
    let initial: String = c
        .author
        .name
        .chars()
        .next()
        .map(|ch| ch.to_uppercase().collect())
        .unwrap_or_default();
    html! {
        <header class="folio-comment__header">
            if let Some(avatar) = &c.author.avatar {
                <img class="folio-avatar" src={avatar.to_string()} alt="" width="36" height="36" loading="lazy" />
            } else {
                <span class="folio-avatar folio-avatar--initial" aria-hidden="true">{ initial }</span>
            }
            <span class="folio-comment__who">
                if let Some(url) = &c.author.url {
                    <a class="folio-comment__author" href={url.to_string()} rel="ugc nofollow noopener noreferrer">{ c.author.name.to_string() }</a>
                } else {
                    <span class="folio-comment__author">{ c.author.name.to_string() }</span>
                }
                if c.by_article_author {
                    { " " }<span class="folio-badge">{ s.author_badge }</span>
                }
                if let Some(name) = &props.in_reply_to {
                    { " " }<span class="folio-comment__in-reply">{ fill_name(s.in_reply_to, name) }</span>
                }
            </span>
            if let Some(date) = &c.date {
                <a class="folio-comment__permalink" href={format!("#comment-{}", c.id)}>
                    <LocalTime at={date.clone()} with_time=true />
                </a>
            }
        </header>
    }
}
