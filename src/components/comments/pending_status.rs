use yew::prelude::*;

use crate::components::common::failure_text;
use crate::hooks::use_strings;
use crate::state::NetError;

/// Props of [`PendingStatus`].
#[derive(Properties, PartialEq)]
pub struct PendingStatusProps {
    /// `None` while the post is in flight; why, once it failed.
    pub failure: Option<NetError>,
    /// Sends it again (same idempotency key, so never twice).
    pub retry: Callback<()>,
}

/// The footer of a comment the server has not confirmed: "Sending…", or the failure with a retry button.
#[component]
pub fn PendingStatus(props: &PendingStatusProps) -> Html {
    let s = use_strings();
    match &props.failure {
        None => html! {
            <footer class="folio-comment__footer folio-comment__pending" role="status">{ s.sending }</footer>
        },
        Some(e) => {
            let retry = props.retry.clone();
            html! {
                <footer class="folio-comment__footer folio-comment__pending" role="alert">
                    <span class="folio-comment__failure">{ failure_text(e, s) }</span>
                    <button type="button" class="folio-button folio-comment__retry" onclick={move |_| retry.emit(())}>
                        { s.retry }
                    </button>
                </footer>
            }
        }
    }
}
