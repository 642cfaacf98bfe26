use yew::prelude::*;

#[cfg(feature = "mapping")]
use super::AvatarRule;
use super::{
    comment_header, held_badge, pending_status, ComposeForm, EditForm, OwnActions, ThreadContext,
    INDENT_LIMIT, NARROW_INDENT_LIMIT,
};
use crate::components::common::{class_list, reader_locale, safe_html};
use crate::hooks::{use_lang, use_phase, use_retry};
use crate::i18n::fill_name;
#[cfg(feature = "mapping")]
use crate::i18n::Strings;
#[cfg(feature = "mapping")]
use crate::model::{Comment, SafeHtml};
#[cfg(feature = "mapping")]
use crate::source::sanitize::{behind_warning, with_emoji};
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
/// `<ol>` (a page of them at a time; hidden when the reader collapsed the comment).
#[component]
pub fn CommentItem(props: &CommentItemProps) -> Html {
    let editing = use_state(|| false);
    let retry = use_retry();
    let _ = use_phase(); // the date relative to the reader's clock once a hydrated page reads it again
    let Some(ctx) = use_context::<ThreadContext>() else {
        return Html::default();
    };
    let st = &*ctx.state;
    let lang = use_lang();
    let s = lang.strings();
    let Some(c) = st.thread.comment(props.index) else {
        return Html::default();
    };
    let replying = st.replying_to.as_deref() == Some(&*c.id);
    let pending = st.pending.get(&c.id).cloned();
    let collapsed = st.collapsed.contains(&c.id);
    let replies = st.thread.replies(props.index);
    let hidden = st.thread.descendant_count(props.index);
    // Only replies deeper than the indentation say whom they answer; finding the parent is a search, so skip it
    // for the others.
    let parent_name = (props.flat || props.depth >= NARROW_INDENT_LIMIT)
        .then(|| c.parent.as_deref().and_then(|p| st.thread.index_of(p)))
        .flatten()
        .and_then(|p| st.thread.comment(p))
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
    let on_toggle = {
        let (dispatch, id) = (ctx.dispatch.clone(), c.id.clone());
        Callback::from(move |_| dispatch.emit(ThreadAction::Toggle(id.clone())))
    };
    let on_cancel = {
        let dispatch = ctx.dispatch.clone();
        Callback::from(move |()| dispatch.emit(ThreadAction::CloseReply))
    };
    // The reader's own comment, while the server still lets them change it (a token kept from posting time, for
    // the origin of this list's post URL: another origin's list reusing the ids gets no Edit, no Delete). Built
    // without posting (the embed's lite module) never: the section asks for the full module at once.
    let now = crate::platform::now_ms();
    let grant = st
        .post
        .as_ref()
        .filter(|_| cfg!(feature = "posting") && !c.deleted && pending.is_none())
        .and_then(|p| Some((p.clone(), st.grants.open_for(&c.id, &p.url, now)?.clone())));
    let close_edit = {
        let editing = editing.clone();
        Callback::from(move |()| editing.set(false))
    };
    let highlighted = st.highlight.as_deref() == Some(&*c.id);
    let classes = class_list(
        "folio-comment",
        &[
            c.deleted.then_some("folio-comment--deleted"),
            c.by_article_author.then_some("folio-comment--by-author"),
            pending.as_ref().map(|p| {
                if p.failure.is_some() {
                    "folio-comment--failed"
                } else {
                    "folio-comment--sending"
                }
            }),
            highlighted.then_some("folio-comment--highlight"),
        ],
    );
    let replies_id = format!("replies-{}", c.id);
    #[cfg(feature = "mapping")]
    let body = dressed_body(c, ctx.avatars.as_ref(), s);
    // Folio JSON has neither custom emoji nor content warnings (only a mapping reads them): the body as it is.
    #[cfg(not(feature = "mapping"))]
    let body = c.body.clone();
    html! {
        <li class="folio-thread__item" id={format!("comment-{}", c.id)}>
            <article class={classes} part="comment" tabindex={highlighted.then_some("-1")}>
                if c.deleted {
                    <p class="folio-comment__deleted">{ s.deleted }</p>
                } else {
                    { comment_header(c, parent_name.as_deref(), !props.flat && props.depth < INDENT_LIMIT, ctx.avatars.as_ref(), s, &reader_locale(lang.code())) }
                    if let Some((post, g)) = grant.clone().filter(|_| *editing) {
                        <EditForm post_url={post.url.clone()} comment={c.clone()}
                                  grant={g} max_length={post.max_length} on_close={close_edit.clone()} />
                    } else {
                        <div class="folio-comment__body" dir="auto">{ safe_html(&body) }</div>
                    }
                }
                if let Some(p) = pending {
                    { pending_status(p.failure.as_ref(), retry.reform({ let id = c.id.clone(); move |()| id.clone() }), s) }
                } else {
                    <footer class="folio-comment__footer">
                        if let Some(score) = c.score.filter(|_| !c.deleted) {
                            <span class="folio-comment__score">{ s.score.replace("{n}", &score.to_string()) }</span>
                        }
                        if st.post.is_some() && !c.deleted {
                            <button type="button" class="folio-link-button" aria-expanded={replying.to_string()}
                                    aria-label={fill_name(s.reply_to, &c.author.name)} onclick={on_reply}>
                                { s.reply }
                            </button>
                        }
                        if st.is_held(&c.id) {
                            { held_badge(s) }
                        }
                        if let Some((post, g)) = grant.filter(|_| !*editing) {
                            <OwnActions post_url={post.url.clone()} comment={c.clone()}
                                        token={std::rc::Rc::<str>::from(g.token.as_str())}
                                        on_edit={let e = editing.clone(); Callback::from(move |()| e.set(true))} />
                        }
                    </footer>
                }
                if !props.flat && !replies.is_empty() {
                    <div class="folio-comment__subtree">
                        <button type="button" class="folio-link-button folio-comment__toggle"
                                aria-expanded={(!collapsed).to_string()} aria-controls={replies_id.clone()}
                                onclick={on_toggle}>
                            { if collapsed { s.show_replies } else { s.hide_replies } }
                        </button>
                        if collapsed {
                            <span class="folio-comment__hidden">{ lang.plural_text(&s.replies_hidden, hidden) }</span>
                        }
                    </div>
                }
            </article>
            if replying {
                if let Some(post) = st.post.clone() {
                    <ComposeForm article_id={ctx.article_id.clone()} {post} parent={Some(c.id.clone())}
                                 parent_author={Some(c.author.name.clone())} on_cancel={Some(on_cancel)} />
                }
            }
            if !props.flat && !replies.is_empty() && !collapsed {
                { super::reply_list(&ctx, props.index, props.depth, replies_id, s) }
            }
            if !collapsed {
                { super::more_stubs(&st.more, Some(&c.id)) }
            }
        </li>
    }
}

/// The body as drawn: custom emoji load under the avatars' `rule`; a content warning folds the body (both built as
/// sanitised HTML in `source::sanitize`). Only platforms read through a mapping (Mastodon) have either.
#[cfg(feature = "mapping")]
fn dressed_body(c: &Comment, rule: Option<&AvatarRule>, s: &Strings) -> SafeHtml {
    let mut body = c.body.clone();
    if !c.emoji.is_empty() {
        let allowed = |u: &str| rule.is_none_or(|r| r.images.allows(u, r.api_origin.as_deref()));
        body = with_emoji(&body, |code| {
            c.emoji
                .iter()
                .find(|e| &*e.code == code && allowed(&e.url))
                .map(|e| &*e.url)
        });
    }
    if let Some(w) = c.warning.as_deref() {
        let label = s.content_warning;
        body = behind_warning(
            &body,
            &if w.is_empty() {
                label.to_string()
            } else {
                [label, ": ", w].concat()
            },
        );
    }
    body
}
