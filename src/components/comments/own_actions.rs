use std::rc::Rc;

use web_sys::HtmlElement;
use yew::prelude::*;

use super::compose_form::failure_with;
use super::own_comment::{delete, update};
use crate::hooks::use_strings;
use crate::model::Comment;
use crate::source::sanitize::SafeHtml;
use crate::state::ThreadAction;

/// Props of [`OwnActions`].
#[derive(Properties, PartialEq)]
pub struct OwnActionsProps {
    /// The article's id (the grants are kept per article).
    pub article_id: Rc<str>,
    /// The list's post URL; the comment is at `<post URL>/<id>`.
    pub post_url: Rc<str>,
    /// The reader's comment.
    pub comment: Comment,
    /// The edit token.
    pub token: Rc<str>,
    /// Opens the edit form.
    pub on_edit: Callback<()>,
    /// The thread, told about the deleted comment.
    pub on_thread: Callback<ThreadAction>,
}

/// "Edit" and "Delete" on the reader's own comment while the server's window is open. Delete asks first, in the
/// page (a `window.confirm` would block every widget and cannot be styled or translated with the rest); once
/// deleted, the comment becomes the "deleted" placeholder that keeps its replies in place.
#[component]
pub fn OwnActions(props: &OwnActionsProps) -> Html {
    let s = use_strings();
    let confirming = use_state(|| false);
    let busy = use_state(|| false);
    let failure = use_state(|| None::<String>);
    let confirm_button = use_node_ref();
    {
        // The question takes the focus, so a keyboard user answers it at once.
        let button = confirm_button.clone();
        use_effect_with(*confirming, move |open| {
            if let Some(b) = button.cast::<HtmlElement>().filter(|_| *open) {
                let _ = b.focus();
            }
        });
    }
    let on_delete = {
        let (busy, failure) = (busy.clone(), failure.clone());
        let (article, url, comment, token, on_thread) = (
            props.article_id.clone(),
            props.post_url.clone(),
            props.comment.clone(),
            props.token.clone(),
            props.on_thread.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            if *busy {
                return;
            }
            busy.set(true);
            let (busy, failure) = (busy.clone(), failure.clone());
            let (article, url, comment, token, on_thread) = (
                article.clone(),
                url.clone(),
                comment.clone(),
                token.clone(),
                on_thread.clone(),
            );
            wasm_bindgen_futures::spawn_local(async move {
                match delete(&url, &comment.id, &token).await {
                    Ok(()) => {
                        update(&article, |g| g.remove(&comment.id));
                        on_thread.emit(ThreadAction::Posted(Comment {
                            deleted: true,
                            body: SafeHtml::default(),
                            ..comment
                        }));
                    }
                    Err(e) => {
                        busy.set(false);
                        failure.set(Some(failure_with(s.change_failed, &e, s)));
                    }
                }
            });
        })
    };
    let ask = {
        let confirming = confirming.clone();
        Callback::from(move |_: MouseEvent| confirming.set(true))
    };
    let keep = {
        let confirming = confirming.clone();
        Callback::from(move |_: MouseEvent| confirming.set(false))
    };
    let on_edit = props.on_edit.reform(|_: MouseEvent| ());
    html! {
        <>
            if *confirming {
                <span class="folio-own__confirm" role="group" aria-label={s.delete}>
                    <span class="folio-own__question">{ s.delete_confirm }</span>
                    { " " }
                    <button type="button" class="folio-button folio-button--danger folio-own__delete-yes"
                            ref={confirm_button} disabled={*busy} onclick={on_delete}>{ s.delete }</button>
                    { " " }
                    <button type="button" class="folio-button folio-own__keep" onclick={keep}>{ s.keep }</button>
                </span>
            } else {
                <button type="button" class="folio-link-button folio-own__edit" onclick={on_edit}>{ s.edit }</button>
                <button type="button" class="folio-link-button folio-own__delete" onclick={ask}>{ s.delete }</button>
            }
            if let Some(f) = &*failure {
                <span class="folio-own__error" role="alert">{ f.clone() }</span>
            }
        </>
    }
}
