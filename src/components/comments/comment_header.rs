use yew::prelude::*;

use super::{Avatar, RelativeTime};
use crate::hooks::use_strings;
use crate::i18n::fill_name;
use crate::model::Comment;

/// Props of [`CommentHeader`].
#[derive(Properties, PartialEq)]
pub struct CommentHeaderProps {
    /// The comment.
    pub comment: Comment,
    /// Whom it answers, said for replies deeper than the indentation shows.
    pub in_reply_to: Option<String>,
    /// Say it only on narrow screens (the indentation shows it on wide ones).
    #[prop_or_default]
    pub narrow_only: bool,
}

/// Avatar, name (linked when the author has a page), the article author's badge, whom it answers, and the date
/// as a permalink.
#[component]
pub fn CommentHeader(props: &CommentHeaderProps) -> Html {
    let s = use_strings();
    let c = &props.comment;
    html! {
        <header class="folio-comment__header">
            <Avatar name={c.author.name.clone()} src={c.author.avatar.clone()} />
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
                    { " " }<span class={classes!("folio-comment__in-reply", props.narrow_only.then_some("folio-comment__in-reply--narrow"))}>{ fill_name(s.in_reply_to, name) }</span>
                }
            </span>
            if let Some(date) = &c.date {
                <a class="folio-comment__permalink" href={format!("#comment-{}", c.id)}>
                    <RelativeTime at={date.clone()} />
                </a>
            }
        </header>
    }
}
