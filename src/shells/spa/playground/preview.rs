//! The preview of a pasted JSON document: mapped in the page (no request), drawn as the article and a plain
//! nested list of its comments, with the mapping's errors in their place.

use std::rc::Rc;

use yew::prelude::*;

use crate::components::article::ArticleView;
use crate::components::common::safe_html;
use crate::model::Thread;
use crate::source::mapping::{
    comment_warnings_text, map_article_text, map_comments_text, MappedArticle, MappingChoice,
    Warning,
};
use crate::source::thread::{build_thread, SortOrder};

/// Deepest reply level the preview draws (the real thread handles any depth).
const PREVIEW_DEPTH: usize = 12;

fn comment_tree(thread: &Thread, index: usize, depth: usize) -> Html {
    let Some(c) = thread.comment(index) else {
        return Html::default();
    };
    html! {
        <li class="playground__comment" data-id={c.id.to_string()}>
            <p class="playground__comment-meta">
                <strong>{ if c.deleted { "[deleted]".to_string() } else { c.author.name.to_string() } }</strong>
                { c.date.as_ref().map(|d| format!(" · {}", d.iso)).unwrap_or_default() }
                { c.score.map(|s| format!(" · {s} points")).unwrap_or_default() }
            </p>
            <div class="playground__comment-body">{ safe_html(&c.body) }</div>
            if !thread.replies(index).is_empty() && depth < PREVIEW_DEPTH {
                <ul>{ for thread.replies(index).iter().map(|&r| comment_tree(thread, r, depth + 1)) }</ul>
            }
        </li>
    }
}

/// The mapping's warnings (optional fields that reach nothing, unknown formats, `where`s and lookups that keep
/// nothing), listed beside the render: the article still draws, these say why a part of it is missing.
fn warnings_list(warnings: &[Warning]) -> Html {
    if warnings.is_empty() {
        return Html::default();
    }
    html! {
        <div class="playground__warnings" role="status">
            <strong>{ format!("Warnings ({})", warnings.len()) }</strong>
            <ul>{ for warnings.iter().map(|w| html! { <li>{ w.to_string() }</li> }) }</ul>
        </div>
    }
}

/// A pasted JSON document, mapped in the page.
pub(super) fn preview(text: &str, choice: &MappingChoice) -> Html {
    let mapped: MappedArticle = match map_article_text(text, None, choice) {
        Ok(m) => m,
        Err(e) => {
            return html! { <div class="playground__errors" role="alert"><strong>{ "Mapping error: " }</strong>{ e.to_string() }</div> }
        }
    };
    let how = if mapped.resolved.detected {
        format!(
            "Detected: {} (set preset=\"{}\" to skip detection)",
            mapped.resolved.name, mapped.resolved.name
        )
    } else {
        format!("Read with: {}", mapped.resolved.name)
    };
    let inline = mapped
        .resolved
        .mapping
        .as_ref()
        .and_then(|m| m.comments.as_ref())
        .is_some_and(|c| c.url.as_deref() == Some("{self}"));
    let mut warnings = mapped.warnings.clone();
    if inline {
        let m = mapped.resolved.mapping.as_deref();
        warnings.extend(comment_warnings_text(text, m, Some(&mapped.object)));
    }
    let comments = if inline || mapped.resolved.mapping.is_none() {
        match map_comments_text(
            text,
            None,
            mapped.resolved.mapping.as_deref(),
            Some(&mapped.object),
        ) {
            Ok(list) => {
                let thread = build_thread(list.comments, SortOrder::Oldest);
                html! {
                    <section class="playground__thread" aria-label="Comments">
                        <h2>{ format!("Comments ({})", thread.visible_count()) }</h2>
                        <ul>{ for thread.roots().iter().map(|&i| comment_tree(&thread, i, 0)) }</ul>
                    </section>
                }
            }
            Err(e) if inline => {
                html! { <div class="playground__errors" role="alert"><strong>{ "Comments: " }</strong>{ e.to_string() }</div> }
            }
            Err(_) => Html::default(),
        }
    } else {
        let url = mapped
            .article
            .comments_url
            .as_deref()
            .unwrap_or("(no comments URL)")
            .to_string();
        html! { <p class="playground__note">{ format!("Comments are loaded from {url} when the article is given by URL.") }</p> }
    };
    html! {
        <>
            <p class="playground__status" role="status">{ how }</p>
            { warnings_list(&warnings) }
            <ArticleView article={Rc::clone(&mapped.article)} />
            { comments }
        </>
    }
}
