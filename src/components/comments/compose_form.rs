use std::cell::Cell;
use std::rc::Rc;

use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::{fits, MappedPost, MarkdownField, PostJob};
use crate::components::common::describe_error;
use crate::hooks::{
    storage_get, storage_remove, storage_set, use_strings, MappedContext, MappedInfo,
};
use crate::i18n::fill_name;
use crate::model::{Author, Comment, PostTarget};
use crate::net::NetError;
use crate::source::date::from_epoch_ms;
use crate::source::mapping::{post_request, posts_template, PostForm};
use crate::source::markdown::markdown_to_html;
use crate::source::sanitize::Policy;
use crate::state::{ComposeAction, ComposeState, Draft, LoadError, PostStatus};

/// Name and e-mail are remembered across articles under this key; the text is per article and parent.
const AUTHOR_KEY: &str = "folio:author";

thread_local! {
    static NEXT_FORM: Cell<usize> = const { Cell::new(0) };
}

/// A page-unique prefix for the form's element ids (labels need `for`; several forms and widgets share a page).
fn next_form_id() -> String {
    NEXT_FORM.with(|n| {
        n.set(n.get() + 1);
        format!("folio-form-{}", n.get())
    })
}

/// A random key for the `Idempotency-Key` header: enough entropy that two readers never collide.
fn fresh_key() -> String {
    let part = || format!("{:012x}", (js_sys::Math::random() * 2f64.powi(48)) as u64);
    format!("{}{}-{:x}", part(), part(), js_sys::Date::now() as u64)
}

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
    /// Told about the comment once the server stored it.
    pub on_posted: Callback<Comment>,
    /// The thread: the comment is drawn there at once, marked as sending (optimistic), and settled when stored.
    #[prop_or_default]
    pub on_thread: Callback<crate::state::ThreadAction>,
    /// Offered as a "Cancel" button (reply forms).
    #[prop_or_default]
    pub on_cancel: Option<Callback<()>>,
}

/// The form that writes a comment or a reply. The text is saved locally as it is typed and cleared only when the
/// server has stored it; the send button is disabled while a post is in flight, and a retry reuses the same
/// idempotency key, so a comment is never lost and never posted twice.
#[component]
pub fn ComposeForm(props: &ComposeFormProps) -> Html {
    let s = use_strings();
    let draft_key = Draft::storage_key(&props.article_id, props.parent.as_deref());
    let state = use_reducer({
        let key = draft_key.clone();
        move || {
            let remembered = storage_get(AUTHOR_KEY)
                .and_then(|t| Draft::from_storage(&t))
                .unwrap_or_default();
            let mut draft = storage_get(&key)
                .and_then(|t| Draft::from_storage(&t))
                .unwrap_or_default();
            if draft.name.is_empty() {
                draft.name = remembered.name;
                draft.email = remembered.email;
            }
            ComposeState {
                draft,
                ..ComposeState::default()
            }
        }
    });
    let id = use_memo((), |_| next_form_id());
    let tried = use_state(|| false);
    let posted = use_state(|| None::<&'static str>);
    let honeypot = use_node_ref();
    let in_flight = use_mut_ref(|| false);
    // Read through a mapping whose `post.body` is a template (WordPress, Drupal): post in the platform's format.
    let mapped = use_context::<MappedContext>()
        .and_then(|c| c.0)
        .filter(|i| i.resolved.mapping.as_deref().is_some_and(posts_template));
    {
        let key = draft_key.clone();
        use_effect_with(state.draft.clone(), move |d| {
            if d.body.trim().is_empty() {
                storage_remove(&key);
            } else {
                storage_set(&key, &d.to_storage());
            }
            let author = Draft {
                name: d.name.clone(),
                email: d.email.clone(),
                body: String::new(),
            };
            storage_set(AUTHOR_KEY, &author.to_storage());
        });
    }

    let onsubmit = {
        let (state, tried, posted, in_flight) = (
            state.clone(),
            tried.clone(),
            posted.clone(),
            in_flight.clone(),
        );
        let (url, parent, on_posted, key, thread, honeypot) = (
            props.post.url.clone(),
            props.parent.clone(),
            props.on_posted.clone(),
            draft_key.clone(),
            props.on_thread.clone(),
            honeypot.clone(),
        );
        let (mapped, article_id) = (mapped.clone(), props.article_id.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            tried.set(true);
            posted.set(None);
            // Checked synchronously: two clicks in one frame both see the old state, but not the old flag.
            if !state.can_send() || *in_flight.borrow() {
                return;
            }
            let idem = state.idempotency_key.clone().unwrap_or_else(fresh_key);
            let trap = honeypot
                .cast::<HtmlInputElement>()
                .map(|i| i.value())
                .filter(|v| !v.is_empty());
            let (body, via) = match mapped
                .as_deref()
                .and_then(|m| mapped_body(m, &state.draft, parent.as_deref(), &url))
            {
                // Platforms have their own spam defences; a filled honeypot just sends nothing.
                Some(_) if trap.is_some() => return,
                Some((body, via)) => (body, Some(via)),
                None => {
                    let mut body = state.post_body(parent.as_deref());
                    // The hidden field people never see: a bot that fills every field gives itself away.
                    if let Some(v) = trap {
                        body["website"] = v.into();
                    }
                    (body, None)
                }
            };
            let done = {
                let (tried, posted, on_posted) = (tried.clone(), posted.clone(), on_posted.clone());
                Callback::from(move |(c, held): (Comment, bool)| {
                    tried.set(false);
                    posted.set(Some(if held {
                        s.awaiting_moderation
                    } else {
                        s.posted
                    }));
                    on_posted.emit(c);
                })
            };
            PostJob {
                url: url.clone(),
                body,
                mapped: via,
                article_id: article_id.clone(),
                key: idem,
                draft: state.draft.clone(),
                parent: parent.clone(),
                draft_key: key.clone(),
                strings: s,
                form: state.dispatcher(),
                in_flight: in_flight.clone(),
                thread: thread.clone(),
                done,
            }
            .attempt();
        })
    };

    let field_error = |field: &str| -> Option<String> {
        if let PostStatus::Failed(e) = &state.status {
            let m = e.server_message()?;
            let f = m.field.as_deref()?;
            return (f == field || f.ends_with(&format!(".{field}")))
                .then(|| m.message.clone())
                .flatten();
        }
        None
    };
    let name_error = field_error("name").or_else(|| {
        (*tried && state.draft.name.trim().is_empty()).then(|| s.name_required.to_string())
    });
    let body_error = field_error("body").or_else(|| {
        (*tried && state.draft.body.trim().is_empty()).then(|| s.body_required.to_string())
    });
    let email_error = field_error("email");
    let fits = fits(&state.draft.body, props.post.max_length);
    let sending = state.status == PostStatus::Sending;
    let form_error = match &state.status {
        PostStatus::Failed(e) => Some(failure_text(e, s)),
        _ => None,
    };

    let input = |action: fn(String) -> ComposeAction| {
        let state = state.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(i) = e.target_dyn_into::<HtmlInputElement>() {
                state.dispatch(action(i.value()));
            }
        })
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
        <form class={classes!("folio-compose", props.parent.is_some().then_some("folio-compose--reply"))} novalidate=true {onsubmit} part="compose">
            <div class="folio-compose__who">
                <div class="folio-field">
                    <label for={fid("name")}>{ s.your_name }</label>
                    <input id={fid("name")} name="name" type="text" autocomplete="name" maxlength="80" required=true
                           value={state.draft.name.clone()} oninput={input(ComposeAction::Name)}
                           aria-invalid={name_error.is_some().then_some("true")}
                           aria-describedby={name_error.is_some().then(|| fid("name-error"))} />
                    if let Some(e) = &name_error {
                        <p class="folio-field__error" id={fid("name-error")}>{ e.clone() }</p>
                    }
                </div>
                <div class="folio-field">
                    <label for={fid("email")}>{ s.your_email }</label>
                    <input id={fid("email")} name="email" type="email" autocomplete="email" maxlength="254"
                           value={state.draft.email.clone()} oninput={input(ComposeAction::Email)}
                           aria-invalid={email_error.is_some().then_some("true")}
                           aria-describedby={email_error.is_some().then(|| fid("email-error"))} />
                    if let Some(e) = &email_error {
                        <p class="folio-field__error" id={fid("email-error")}>{ e.clone() }</p>
                    }
                </div>
            </div>
            // A reply form takes the focus when it opens, so keyboard users land where they write.
            <MarkdownField id={(*id).clone()} label={body_label} value={state.draft.body.clone()} on_input={on_body}
                           error={body_error} max_length={props.post.max_length} autofocus={props.parent.is_some()} />
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

/// The body and the way to send it, for a mapping that posts its own format; `None` if it cannot build one (the
/// form then posts Folio's format, which a misconfigured mapping's server refuses with its own message).
fn mapped_body(
    info: &MappedInfo,
    draft: &Draft,
    parent: Option<&str>,
    url: &str,
) -> Option<(serde_json::Value, MappedPost)> {
    let mapping = info.resolved.mapping.clone()?;
    let form = PostForm {
        text: draft.body.clone(),
        name: draft.name.trim().to_string(),
        email: draft.email.trim().to_string(),
        parent: parent.map(str::to_string),
    };
    // The form posts to the URL the comment list gave (resolved against the list's address); the request built
    // here brings the method, the headers and the body.
    let req = post_request(&mapping, &info.object, &form, Some(url))
        .ok()
        .flatten()?;
    let via = MappedPost {
        mapping,
        method: req.method,
        headers: req.headers.into_iter().collect(),
    };
    Some((req.body, via))
}

/// The reader-facing sentence for a failed post: it was not posted, it is still here, and why.
pub(super) fn failure_text(e: &NetError, s: &crate::i18n::Strings) -> String {
    failure_with(s.post_failed, e, s)
}

/// `lead` (what did not happen), then why, in words, then the server's own message.
pub(super) fn failure_with(lead: &str, e: &NetError, s: &crate::i18n::Strings) -> String {
    let (reason, _) = describe_error(&LoadError::Net(e.clone()), s);
    let server = e
        .server_message()
        .and_then(|m| m.message.clone())
        .map(|m| format!(" {m}"))
        .unwrap_or_default();
    format!("{lead} {reason}{server}")
}

/// The comment as the reader wrote it, for a server that stored it but answered with nothing usable.
pub(super) fn local_copy(draft: &Draft, parent: Option<Rc<str>>, key: &str) -> Comment {
    Comment {
        id: format!("local-{key}").into(),
        parent,
        author: Author {
            name: draft.name.trim().into(),
            url: None,
            avatar: None,
        },
        date: Some(from_epoch_ms(js_sys::Date::now() as i64)),
        body: markdown_to_html(&draft.body, Policy::Comment, None),
        score: None,
        deleted: false,
        by_article_author: false,
    }
}
