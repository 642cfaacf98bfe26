//! "Awaiting review" on the reader's own comment that the server held for a moderator (202). The thread state
//! keeps which comments are held, per reader, until they arrive published (a moderator approved them, and the
//! stream, a poll or a reload brought them). A view function: stateless views are not components in Folio
//! (`components/article/tags.rs` says why).

use yew::prelude::*;

use crate::i18n::Strings;

/// The badge.
pub fn held_badge(s: &Strings) -> Html {
    html! { <span class="folio-badge folio-comment__held" role="status">{ s.held_badge }</span> }
}
