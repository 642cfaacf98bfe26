//! "Awaiting review" on the reader's own comment that the server held for a moderator (202). The thread state
//! keeps which comments are held, per reader, until they arrive published (a moderator approved them, and the
//! stream, a poll or a reload brought them).

use yew::prelude::*;

use crate::hooks::use_strings;

/// The badge.
#[component]
pub fn HeldBadge() -> Html {
    let s = use_strings();
    html! { <span class="folio-badge folio-comment__held" role="status">{ s.held_badge }</span> }
}
