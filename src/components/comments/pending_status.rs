use yew::prelude::*;

use crate::components::common::failure_text;
use crate::i18n::Strings;
use crate::state::NetError;

/// The footer of a comment the server has not confirmed: "Sending…" while `failure` is `None`, or why it failed
/// with a button that sends it again (`retry`: the same idempotency key, so never twice). A view function:
/// `components/article/tags.rs` says why not a component.
pub fn pending_status(failure: Option<&NetError>, retry: Callback<()>, s: &Strings) -> Html {
    match failure {
        None => html! {
            <footer class="folio-comment__footer folio-comment__pending" role="status">{ s.sending }</footer>
        },
        Some(e) => html! {
            <footer class="folio-comment__footer folio-comment__pending" role="alert">
                <span class="folio-comment__failure">{ failure_text(e, s) }</span>
                <button type="button" class="folio-button folio-comment__retry" onclick={move |_| retry.emit(())}>
                    { s.retry }
                </button>
            </footer>
        },
    }
}
