//! "Awaiting review" on the reader's own comment that the server held for a moderator (202). It stays on the comment
//! until the comment arrives published (a moderator approved it, and the stream or the poll brought it), then goes.

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};

use yew::prelude::*;

use crate::hooks::use_strings;

thread_local! {
    /// Comments posted from this page and held for review.
    static HELD: RefCell<HashSet<String>> = RefCell::new(HashSet::new());
    /// The drawn badges, told when their comment is published.
    static LISTENERS: RefCell<HashMap<String, Callback<()>>> = RefCell::new(HashMap::new());
}

/// The server held comment `id` (posted from this page) for review.
pub fn mark_held(id: &str) {
    HELD.with(|h| h.borrow_mut().insert(id.to_string()));
}

/// Whether comment `id`, posted from this page, waits for review.
pub fn is_held(id: &str) -> bool {
    HELD.with(|h| h.borrow().contains(id))
}

/// Comments arrived published: those that were held are held no more.
pub fn published<'a>(ids: impl IntoIterator<Item = &'a str>) {
    for id in ids {
        if HELD.with(|h| h.borrow_mut().remove(id)) {
            if let Some(cb) = LISTENERS.with(|l| l.borrow().get(id).cloned()) {
                cb.emit(());
            }
        }
    }
}

/// Props of [`HeldBadge`].
#[derive(Properties, PartialEq)]
pub struct HeldBadgeProps {
    /// The comment's id.
    pub id: AttrValue,
}

/// The badge; draws nothing for comments that are not held.
#[component]
pub fn HeldBadge(props: &HeldBadgeProps) -> Html {
    let s = use_strings();
    let held = use_state(|| is_held(&props.id));
    {
        let held = held.clone();
        use_effect_with(props.id.clone(), move |id| {
            let key = id.to_string();
            let on_published = Callback::from(move |()| held.set(false));
            LISTENERS.with(|l| l.borrow_mut().insert(key.clone(), on_published));
            move || {
                LISTENERS.with(|l| l.borrow_mut().remove(&key));
            }
        });
    }
    if *held {
        html! { <span class="folio-badge folio-comment__held" role="status">{ s.held_badge }</span> }
    } else {
        Html::default()
    }
}
