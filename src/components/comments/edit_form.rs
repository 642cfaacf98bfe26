use std::rc::Rc;

use yew::prelude::*;

use super::{use_markdown_field, MarkdownField};
use crate::components::common::failure_with;
use crate::hooks::{use_edit, use_strings};
use crate::model::Comment;
use crate::state::EditGrant;

/// Props of [`EditForm`].
#[derive(Properties, PartialEq)]
pub struct EditFormProps {
    /// The list's post URL; the comment is at `<post URL>/<id>`.
    pub post_url: Rc<str>,
    /// The comment being edited.
    pub comment: Comment,
    /// The reader's grant for it: the token and the text as last written.
    pub grant: EditGrant,
    /// The server's length limit.
    pub max_length: usize,
    /// Closes the form (saved or cancelled).
    pub on_close: Callback<()>,
}

/// Edits the reader's own comment in place, with the same Markdown field, preview and counter as the compose form.
/// Saving sends `PATCH` with the edit token; on failure the text stays, with the server's reason.
#[component]
pub fn EditForm(props: &EditFormProps) -> Html {
    let s = use_strings();
    let text = use_state(|| props.grant.text.clone());
    let saving = use_state(|| false);
    let failure = use_state(|| None::<String>);
    let body_ui = use_markdown_field(true);
    let id = format!("folio-edit-{}", props.comment.id);
    let fits = super::fits(&text, props.max_length);
    let empty = text.trim().is_empty();

    let edit = use_edit(
        props.comment.clone(),
        props.post_url.clone(),
        Rc::from(props.grant.token.as_str()),
    );
    let onsubmit = {
        let (text, saving, failure, on_close) = (
            text.clone(),
            saving.clone(),
            failure.clone(),
            props.on_close.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if *saving || text.trim().is_empty() {
                return;
            }
            saving.set(true);
            let (saving, failure, on_close) = (saving.clone(), failure.clone(), on_close.clone());
            // The section shows the comment as the server now has it; this form closes or says why not.
            edit.emit((
                (*text).clone(),
                Callback::from(move |r: Result<(), _>| match r {
                    Ok(()) => on_close.emit(()),
                    Err(e) => {
                        saving.set(false);
                        failure.set(Some(failure_with(s.change_failed, &e, s)));
                    }
                }),
            ));
        })
    };
    let on_input = {
        let text = text.clone();
        Callback::from(move |v: String| text.set(v))
    };
    let on_cancel = props.on_close.reform(|_: MouseEvent| ());

    html! {
        <form class="folio-compose folio-compose--edit" novalidate=true {onsubmit}>
            { MarkdownField {
                id: id.into(), label: s.edit_label.into(), value: (*text).clone().into(), on_input,
                error: empty.then(|| s.body_required.to_string()), max_length: props.max_length,
            }.view(&body_ui, s) }
            if let Some(f) = &*failure {
                <div class="folio-compose__error" role="alert">{ f.clone() }</div>
            }
            <div class="folio-compose__actions">
                <button type="submit" class="folio-button folio-button--primary folio-edit__save"
                        disabled={*saving || !fits || empty}>
                    { if *saving { s.saving } else { s.save } }
                </button>
                <button type="button" class="folio-button" onclick={on_cancel}>{ s.cancel }</button>
            </div>
        </form>
    }
}
