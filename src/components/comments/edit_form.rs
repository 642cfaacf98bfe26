use std::rc::Rc;

use yew::prelude::*;

use super::compose_form::failure_with;
use super::own_comment::{edit, update};
use super::MarkdownField;
use crate::hooks::use_strings;
use crate::model::Comment;
use crate::source::markdown::markdown_to_html;
use crate::source::sanitize::Policy;
use crate::state::{EditGrant, ThreadAction};

/// Props of [`EditForm`].
#[derive(Properties, PartialEq)]
pub struct EditFormProps {
    /// The article's id (the grants are kept per article).
    pub article_id: Rc<str>,
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
    /// The thread, told about the edited comment.
    pub on_thread: Callback<ThreadAction>,
}

/// Edits the reader's own comment in place, with the same Markdown field, preview and counter as the compose form.
/// Saving sends `PATCH` with the edit token; on failure the text stays, with the server's reason.
#[component]
pub fn EditForm(props: &EditFormProps) -> Html {
    let s = use_strings();
    let text = use_state(|| props.grant.text.clone());
    let saving = use_state(|| false);
    let failure = use_state(|| None::<String>);
    let id = format!("folio-edit-{}", props.comment.id);
    let fits = super::fits(&text, props.max_length);
    let empty = text.trim().is_empty();

    let onsubmit = {
        let (text, saving, failure) = (text.clone(), saving.clone(), failure.clone());
        let (article, url, comment, token) = (
            props.article_id.clone(),
            props.post_url.clone(),
            props.comment.clone(),
            props.grant.token.clone(),
        );
        let (on_close, on_thread) = (props.on_close.clone(), props.on_thread.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if *saving || text.trim().is_empty() {
                return;
            }
            saving.set(true);
            let (text, saving, failure) = (text.clone(), saving.clone(), failure.clone());
            let (article, url, comment, token) =
                (article.clone(), url.clone(), comment.clone(), token.clone());
            let (on_close, on_thread) = (on_close.clone(), on_thread.clone());
            wasm_bindgen_futures::spawn_local(async move {
                match edit(&url, &comment.id, &token, &text).await {
                    Ok(stored) => {
                        update(&article, |g| g.set_text(&comment.id, &text));
                        // A server that answers with something else than the comment still stored the text.
                        let updated = stored.unwrap_or_else(|| Comment {
                            body: markdown_to_html(&text, Policy::Comment, None),
                            ..comment
                        });
                        on_thread.emit(ThreadAction::Posted(updated));
                        on_close.emit(());
                    }
                    Err(e) => {
                        saving.set(false);
                        failure.set(Some(failure_with(s.change_failed, &e, s)));
                    }
                }
            });
        })
    };
    let on_input = {
        let text = text.clone();
        Callback::from(move |v: String| text.set(v))
    };
    let on_cancel = props.on_close.reform(|_: MouseEvent| ());

    html! {
        <form class="folio-compose folio-compose--edit" novalidate=true {onsubmit}>
            <MarkdownField id={id} label={s.edit_label} value={(*text).clone()} {on_input}
                           error={empty.then(|| s.body_required.to_string())} max_length={props.max_length} autofocus=true />
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
