//! The small dialog that asks a reader for their Mastodon server the first time they share there (and when they
//! change it): a modal `<dialog>` (focus stays inside, Escape closes it), one labelled field with its hint, and an
//! error tied to the field when what they typed is not a host name.

use std::cell::Cell;
use std::rc::Rc;

use web_sys::{HtmlDialogElement, HtmlInputElement};
use yew::prelude::*;

use crate::hooks::{use_effect_on, use_strings};
use crate::source::share::{mastodon_server, HostError};

thread_local! {
    static NEXT_DIALOG: Cell<u32> = const { Cell::new(0) };
}

/// Props of [`MastodonDialog`].
#[derive(Properties, PartialEq)]
pub struct MastodonDialogProps {
    /// The server remembered so far, to start from when changing it.
    #[prop_or_default]
    pub initial: Option<Rc<str>>,
    /// Told the checked host name when the reader confirms.
    pub on_submit: Callback<Rc<str>>,
    /// Told when the reader closes the dialog without a server.
    pub on_cancel: Callback<()>,
}

/// Asks for the reader's Mastodon server; open while it is drawn.
#[component]
pub fn MastodonDialog(props: &MastodonDialogProps) -> Html {
    let s = use_strings();
    // Page-unique ids (labels and descriptions refer to them; several readers may share a page).
    let id = *use_memo((), |_| {
        NEXT_DIALOG.with(|n| {
            n.set(n.get() + 1);
            n.get()
        })
    });
    let value = use_state(|| props.initial.as_deref().unwrap_or_default().to_string());
    let error = use_state(|| None::<HostError>);
    let dialog = use_node_ref();
    {
        let dialog = dialog.clone();
        // Modal from the first frame: the browser moves focus into it and keeps it there until it closes.
        use_effect_on((), move |_| {
            if let Some(d) = dialog.cast::<HtmlDialogElement>() {
                let _ = d.show_modal();
            }
        });
    }
    let oninput = {
        let value = value.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(input) = e.target_dyn_into::<HtmlInputElement>() {
                value.set(input.value());
            }
        })
    };
    let onsubmit = {
        let (value, error, on_submit) = (value.clone(), error.clone(), props.on_submit.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            match mastodon_server(&value) {
                Ok(host) => on_submit.emit(Rc::from(host)),
                Err(why) => error.set(Some(why)),
            }
        })
    };
    // Escape: the browser would close the dialog itself; the share bar removes it instead, so its state agrees.
    let oncancel = props.on_cancel.reform(|e: Event| e.prevent_default());
    let on_cancel_click = props.on_cancel.reform(|_: MouseEvent| ());
    let (title_id, input_id, hint_id, error_id) = (
        format!("folio-mastodon-{id}-title"),
        format!("folio-mastodon-{id}"),
        format!("folio-mastodon-{id}-hint"),
        format!("folio-mastodon-{id}-error"),
    );
    let message = error.map(|e| match e {
        HostError::Empty => s.mastodon_empty,
        HostError::Invalid => s.mastodon_invalid,
    });
    let described = match message {
        Some(_) => format!("{hint_id} {error_id}"),
        None => hint_id.clone(),
    };
    html! {
        <dialog class="folio-dialog" ref={dialog} aria-labelledby={title_id.clone()} {oncancel} part="dialog">
            <form class="folio-dialog__form" {onsubmit} novalidate=true>
                <h2 class="folio-dialog__title" id={title_id}>{ s.share_on.replace("{network}", "Mastodon") }</h2>
                <label class="folio-dialog__label" for={input_id.clone()}>{ s.mastodon_server }</label>
                <p class="folio-dialog__hint" id={hint_id}>{ s.mastodon_hint }</p>
                <input class="folio-dialog__input" id={input_id} type="text" inputmode="url" dir="ltr"
                       autocomplete="off" autocapitalize="none" spellcheck="false" placeholder="mastodon.social"
                       value={(*value).clone()} {oninput} aria-describedby={described}
                       aria-invalid={message.is_some().then_some("true")} />
                if let Some(m) = message {
                    <p class="folio-field__error" id={error_id} role="alert">{ m }</p>
                }
                <div class="folio-dialog__actions">
                    <button type="submit" class="folio-button folio-button--primary">{ s.mastodon_share }</button>
                    <button type="button" class="folio-button" onclick={on_cancel_click}>{ s.cancel }</button>
                </div>
            </form>
        </dialog>
    }
}
