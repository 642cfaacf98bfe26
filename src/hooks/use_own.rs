//! The reader's own comments: the two requests an edit token allows on Folio's server, `PATCH` and `DELETE
//! <post URL>/<id>` with `Authorization: Bearer <token>`, and what they change in the thread state. The token
//! comes from `EditGrants::open_for` with that post URL: only a grant issued for the post URL's origin reaches
//! these hooks (and `<post URL>/<id>` keeps that origin: the id is percent-encoded).

use std::rc::Rc;

use yew::prelude::*;

use super::{use_section_io, SectionIo};
use crate::model::{Comment, SafeHtml};
use crate::net::{send_json, NetError, DEFAULT_TIMEOUT_MS};
use crate::source::markdown::markdown_to_html;
use crate::source::sanitize::Policy;
use crate::source::url::encode_component;
use crate::state::ThreadAction;

/// One change the reader asks for, with where to tell the outcome (the component's busy and failure states).
pub type OwnRequest<T> = (T, Callback<Result<(), NetError>>);

/// The address of one comment: the list's post URL and the id.
fn comment_url(post_url: &str, id: &str) -> String {
    format!(
        "{}/{}",
        post_url.trim_end_matches('/'),
        encode_component(id)
    )
}

fn bearer(token: &str) -> Vec<(String, String)> {
    vec![("Authorization".into(), format!("Bearer {token}"))]
}

/// Delete `comment` (posted to `post_url`, proved with `token`). The server keeps a placeholder, so the replies
/// stay in place; the thread draws it at once and forgets the token.
#[hook]
pub fn use_delete(comment: Comment, post_url: Rc<str>, token: Rc<str>) -> Callback<OwnRequest<()>> {
    let io = use_section_io();
    Callback::from(move |((), told): OwnRequest<()>| {
        let (io, comment, url, token) =
            (io.clone(), comment.clone(), post_url.clone(), token.clone());
        wasm_bindgen_futures::spawn_local(async move {
            let sent = send_json(
                "DELETE",
                &comment_url(&url, &comment.id),
                &bearer(&token),
                None,
                None,
                DEFAULT_TIMEOUT_MS,
            )
            .await;
            if sent.is_ok() {
                if let Some(SectionIo { dispatch, .. }) = io {
                    dispatch.emit(ThreadAction::GrantDropped(comment.id.clone()));
                    let placeholder = Comment {
                        deleted: true,
                        body: SafeHtml::default(),
                        ..comment
                    };
                    dispatch.emit(ThreadAction::Posted(placeholder));
                }
            }
            told.emit(sent.map(|_| ()));
        });
    })
}

/// Replace the text of `comment` with the `String` asked for. The thread shows the comment as the server now has
/// it (or, if the answer is not a comment, the text as written), and the next edit starts from this text.
#[hook]
pub fn use_edit(
    comment: Comment,
    post_url: Rc<str>,
    token: Rc<str>,
) -> Callback<OwnRequest<String>> {
    let io = use_section_io();
    Callback::from(move |(text, told): OwnRequest<String>| {
        let (io, comment, url, token) =
            (io.clone(), comment.clone(), post_url.clone(), token.clone());
        wasm_bindgen_futures::spawn_local(async move {
            let body = serde_json::json!({ "body": text, "format": "markdown" });
            let sent = send_json(
                "PATCH",
                &comment_url(&url, &comment.id),
                &bearer(&token),
                Some(&body),
                None,
                DEFAULT_TIMEOUT_MS,
            )
            .await;
            if let (Ok(f), Some(io)) = (&sent, &io) {
                // Read like a post's answer: a moderated server holds an edited comment again (202, or
                // `Folio-Status: pending`), and the reader is told it awaits review.
                let answer = io.source.0.read_post_answer(
                    f.status,
                    &f.headers,
                    &f.text,
                    Some(&f.url),
                    comment.parent.clone(),
                );
                let updated = answer.comment.unwrap_or_else(|| Comment {
                    body: markdown_to_html(&text, Policy::Comment, None),
                    ..comment
                });
                io.dispatch.emit(ThreadAction::Edited {
                    id: updated.id.clone(),
                    text,
                });
                if answer.held {
                    io.dispatch.emit(ThreadAction::Held(updated.id.clone()));
                }
                io.dispatch.emit(ThreadAction::Posted(updated));
            }
            told.emit(sent.map(|_| ()));
        });
    })
}
