use std::rc::Rc;

use web_sys::HtmlElement;
use yew::prelude::*;

use crate::components::common::failure_with;
use crate::hooks::{use_delete, use_effect_on, use_strings};
use crate::model::Comment;

/// Props of [`OwnActions`].
#[derive(Properties, PartialEq)]
pub struct OwnActionsProps {
    /// The list's post URL; the comment is at `<post URL>/<id>`.
    pub post_url: Rc<str>,
    /// The reader's comment.
    pub comment: Comment,
    /// The edit token.
    pub token: Rc<str>,
    /// Opens the edit form.
    pub on_edit: Callback<()>,
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
        use_effect_on(*confirming, move |open| {
            if let Some(b) = button.cast::<HtmlElement>().filter(|_| *open) {
                let _ = b.focus();
            }
        });
    }
    let delete = use_delete(
        props.comment.clone(),
        props.post_url.clone(),
        props.token.clone(),
    );
    let on_delete = {
        let (busy, failure) = (busy.clone(), failure.clone());
        Callback::from(move |_: MouseEvent| {
            if *busy {
                return;
            }
            busy.set(true);
            let (busy, failure) = (busy.clone(), failure.clone());
            // Once deleted, the section draws the placeholder in this comment's place.
            delete.emit((
                (),
                Callback::from(move |r: Result<(), _>| {
                    if let Err(e) = r {
                        busy.set(false);
                        failure.set(Some(failure_with(s.change_failed, &e, s)));
                    }
                }),
            ));
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
