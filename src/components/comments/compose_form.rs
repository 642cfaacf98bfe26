use std::rc::Rc;

use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::{fits, use_markdown_field, MarkdownField, TextField};
use crate::components::common::{class_list, failure_text};
use crate::hooks::{use_compose, use_effect_on, use_module_switch, use_strings, Upgrade};
use crate::i18n::fill_name;
use crate::model::PostTarget;
use crate::state::{ComposeAction, PostStatus};

/// Props of [`ComposeForm`].
#[derive(Properties, PartialEq)]
pub struct ComposeFormProps {
    /// The article's id (the draft is stored per article and parent).
    pub article_id: Rc<str>,
    /// Where to post.
    pub post: PostTarget,
    /// The comment answered; `None` for a new top-level comment.
    #[prop_or_default]
    pub parent: Option<Rc<str>>,
    /// Its author, for the label.
    #[prop_or_default]
    pub parent_author: Option<Rc<str>>,
    /// Offered as a "Cancel" button (reply forms).
    #[prop_or_default]
    pub on_cancel: Option<Callback<()>>,
}

/// The form that writes a comment or a reply. The text is saved locally as it is typed and cleared only when the
/// server has stored it; the send button is disabled while a post is in flight, and a retry reuses the same
/// idempotency key, so a comment is never lost and never posted twice (`hooks::use_compose` does all of that; this
/// draws it).
#[component]
pub fn ComposeForm(props: &ComposeFormProps) -> Html {
    let s = use_strings();
    let compose = use_compose(
        props.article_id.clone(),
        props.parent.clone(),
        props.post.url.clone(),
    );
    let (state, id) = (compose.state.clone(), compose.id.clone());
    let tried = use_state(|| false);
    let posted = use_state(|| None::<&'static str>);
    let honeypot = use_node_ref();
    // A reply form takes the focus when it opens, so keyboard users land where they write.
    let body_ui = use_markdown_field(props.parent.is_some());
    // Send the draft, the honeypot's content given: from the form, or, in a reader that took over from the embed's
    // lite module because this form was sent there, at once.
    let send = {
        let (tried, posted, submit) = (tried.clone(), posted.clone(), compose.submit.clone());
        Callback::from(move |trap: Option<String>| {
            tried.set(true);
            posted.set(None);
            let told = {
                let (tried, posted) = (tried.clone(), posted.clone());
                Callback::from(move |r: Result<bool, ()>| {
                    if let Ok(held) = r {
                        tried.set(false);
                        posted.set(Some(if held {
                            s.awaiting_moderation
                        } else {
                            s.posted
                        }));
                    }
                })
            };
            submit.emit((trap, told));
        })
    };
    {
        let (send, switch, parent) = (send.clone(), use_module_switch(), props.parent.clone());
        use_effect_on((), move |_| {
            let mine = |u: &Upgrade| *u == Upgrade::Post { parent };
            if switch.and_then(|s| s.take_if(mine)).is_some() {
                send.emit(None);
            }
        });
    }
    let onsubmit = {
        let honeypot = honeypot.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            // The hidden field people never see: a bot that fills every field gives itself away.
            let trap = honeypot
                .cast::<HtmlInputElement>()
                .map(|i| i.value())
                .filter(|v| !v.is_empty());
            send.emit(trap);
        })
    };

    let name_error = state.field_error("name").or_else(|| {
        (*tried && state.draft.name.trim().is_empty()).then(|| s.name_required.to_string())
    });
    let body_error = state.field_error("body").or_else(|| {
        (*tried && state.draft.body.trim().is_empty()).then(|| s.body_required.to_string())
    });
    let email_error = state.field_error("email");
    let fits = fits(&state.draft.body, props.post.max_length);
    let sending = state.status == PostStatus::Sending;
    let form_error = match &state.status {
        PostStatus::Failed(e) => Some(failure_text(e, s)),
        _ => None,
    };

    let input = |action: fn(String) -> ComposeAction| {
        let state = state.clone();
        Callback::from(move |v: String| state.dispatch(action(v)))
    };
    let on_body = {
        let state = state.clone();
        Callback::from(move |v: String| state.dispatch(ComposeAction::Body(v)))
    };
    let body_label = match &props.parent_author {
        Some(name) => fill_name(s.your_reply, name),
        None => s.your_comment.to_string(),
    };
    let fid = |suffix: &str| format!("{}-{suffix}", *id);

    html! {
        <form class={class_list("folio-compose", &[props.parent.is_some().then_some("folio-compose--reply")])} novalidate=true {onsubmit} part="compose">
            <div class="folio-compose__who">
                { TextField {
                    id: fid("name").into(), name: "name".into(), label: s.your_name.into(), kind: "text".into(),
                    autocomplete: "name".into(), max_length: 80, required: true,
                    value: state.draft.name.clone().into(), on_input: input(ComposeAction::Name), error: name_error,
                }.view() }
                { TextField {
                    id: fid("email").into(), name: "email".into(), label: s.your_email.into(), kind: "email".into(),
                    autocomplete: "email".into(), max_length: 254, required: false,
                    value: state.draft.email.clone().into(), on_input: input(ComposeAction::Email), error: email_error,
                }.view() }
            </div>
            { MarkdownField {
                id: (*id).clone().into(), label: body_label.into(), value: state.draft.body.clone().into(), on_input: on_body,
                error: body_error, max_length: props.post.max_length,
            }.view(&body_ui, s) }
            // A honeypot: hidden from people (and from assistive technology), filled only by bots.
            <div class="folio-hp" aria-hidden="true">
                <label>{ "Website" }<input ref={honeypot} name="website" type="text" tabindex="-1" autocomplete="off" /></label>
            </div>
            if let Some(e) = form_error {
                <div class="folio-compose__error" role="alert">{ e }</div>
            }
            <p class="folio-compose__status" role="status" aria-live="polite">{ posted.unwrap_or("") }</p>
            <div class="folio-compose__actions">
                <button type="submit" class="folio-button folio-button--primary" disabled={sending || !fits}>
                    { if sending { s.posting } else if props.parent.is_some() { s.post_reply } else { s.post_comment } }
                </button>
                if let Some(cancel) = props.on_cancel.clone() {
                    <button type="button" class="folio-button" onclick={move |_| cancel.emit(())}>{ s.cancel }</button>
                }
            </div>
        </form>
    }
}
