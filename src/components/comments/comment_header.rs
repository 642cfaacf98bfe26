//! A comment's header (a view function: `components/article/tags.rs` says why not a component).

use yew::prelude::*;

use super::{avatar, relative_time, AvatarRule};
use crate::components::common::class_list;
use crate::i18n::{fill_name, Strings};
use crate::model::Comment;

/// Avatar, name (linked when the author has a page), the article author's badge, whom it answers (`in_reply_to`,
/// said for replies deeper than the indentation shows; with `narrow_only`, on narrow screens only, as the
/// indentation shows it on wide ones), and the date as a permalink. The avatar follows the reader's image `rule`.
pub fn comment_header(
    c: &Comment,
    in_reply_to: Option<&str>,
    narrow_only: bool,
    rule: Option<&AvatarRule>,
    s: &Strings,
    locale: &str,
) -> Html {
    html! {
        <header class="folio-comment__header">
            { avatar(&c.author.name, c.author.avatar.as_deref(), rule) }
            <span class="folio-comment__who">
                if let Some(url) = &c.author.url {
                    <a class="folio-comment__author" href={url.to_string()} rel="ugc nofollow noopener noreferrer">{ c.author.name.to_string() }</a>
                } else {
                    <span class="folio-comment__author">{ c.author.name.to_string() }</span>
                }
                if c.by_article_author {
                    { " " }<span class="folio-badge">{ s.author_badge }</span>
                }
                if let Some(name) = in_reply_to {
                    { " " }<span class={class_list("folio-comment__in-reply", &[narrow_only.then_some("folio-comment__in-reply--narrow")])}>{ fill_name(s.in_reply_to, name) }</span>
                }
            </span>
            if let Some(date) = &c.date {
                <a class="folio-comment__permalink" href={format!("#comment-{}", c.id)}>
                    { relative_time(date, locale) }
                </a>
            }
        </header>
    }
}
