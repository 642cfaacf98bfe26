//! Asking for a module with more in it. The embed's lite module reads: it is built without reading aloud,
//! following live articles, posting (and editing or deleting one's own comments) and the Mastodon server dialog
//! (the `read-aloud`, `live-articles`, `posting` and `mastodon-dialog` features). A reader there who presses Play,
//! sends a comment, or asks for their Mastodon server, and an article that is live or a thread that holds the
//! reader's own editable comments, ask the embed shell through [`ModuleSwitch`] for the full module, which the loader
//! then draws in place of the lite one and tells what the reader was doing ([`ModuleSwitch::resumed`]). A build with
//! every feature never asks.

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

/// What a reader needs a module with more in it for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Upgrade {
    /// The reader pressed Play on the article's player; `only`: with the "Audio only" view on.
    Listen {
        /// The "Audio only" view was on.
        only: bool,
    },
    /// The article is live: its entries and corrections are to be followed.
    Live,
    /// The reader sent the compose form of a new comment (`parent: None`) or of a reply to `parent`: its draft,
    /// stored as it was typed, is to be posted.
    Post {
        /// The comment answered.
        parent: Option<Rc<str>>,
    },
    /// The thread holds comments of the reader's that they may still edit or delete.
    Own,
    /// The reader asked to share on Mastodon, and for which server (the dialog).
    Mastodon,
}

impl Upgrade {
    /// The name the loader carries between the modules (`folio:upgrade`'s detail, `folio_mount`'s last argument).
    pub fn name(&self) -> String {
        match self {
            Upgrade::Listen { only: false } => "listen".into(),
            Upgrade::Listen { only: true } => "listen-only".into(),
            Upgrade::Live => "live".into(),
            Upgrade::Post { parent: None } => "post".into(),
            Upgrade::Post { parent: Some(id) } => format!("post:{id}"),
            Upgrade::Own => "own".into(),
            Upgrade::Mastodon => "mastodon".into(),
        }
    }

    /// The need named `name` ([`Upgrade::name`]); `None` for anything else.
    pub fn from_name(name: &str) -> Option<Upgrade> {
        if let Some(id) = name.strip_prefix("post:") {
            return Some(Upgrade::Post {
                parent: Some(id.into()),
            });
        }
        Some(match name {
            "listen" => Upgrade::Listen { only: false },
            "listen-only" => Upgrade::Listen { only: true },
            "live" => Upgrade::Live,
            "post" => Upgrade::Post { parent: None },
            "own" => Upgrade::Own,
            "mastodon" => Upgrade::Mastodon,
            _ => return None,
        })
    }
}

/// The context the embed shell gives its reader: how to ask for the full module, and, in a reader that took over
/// from the lite module, what the reader was doing there.
#[derive(Clone)]
pub struct ModuleSwitch {
    /// Ask for the full module (the loader acts on the first request only).
    pub request: Callback<Upgrade>,
    /// Why this reader took over from the lite module: taken once, by the part that carries on (the player starts
    /// reading, the form posts), so a later article in the same element starts afresh.
    pub resumed: Rc<RefCell<Option<Upgrade>>>,
}

impl ModuleSwitch {
    /// What the reader was doing before the takeover, without taking it.
    pub fn peek(&self) -> Option<Upgrade> {
        self.resumed.borrow().clone()
    }

    /// Take what the reader was doing before the takeover, if `wanted` says it is the caller's to carry on.
    pub fn take_if(&self, wanted: impl FnOnce(&Upgrade) -> bool) -> Option<Upgrade> {
        let mut slot = self.resumed.borrow_mut();
        if slot.as_ref().is_some_and(wanted) {
            slot.take()
        } else {
            None
        }
    }
}

impl PartialEq for ModuleSwitch {
    fn eq(&self, other: &Self) -> bool {
        self.request == other.request && Rc::ptr_eq(&self.resumed, &other.resumed)
    }
}

/// The reader's [`ModuleSwitch`], where its shell gives one (the embed).
#[hook]
pub fn use_module_switch() -> Option<ModuleSwitch> {
    use_context::<ModuleSwitch>()
}

#[cfg(test)]
mod tests {
    use super::{ModuleSwitch, Upgrade};

    #[test]
    fn every_need_round_trips_through_its_name() {
        for u in [
            Upgrade::Listen { only: false },
            Upgrade::Listen { only: true },
            Upgrade::Live,
            Upgrade::Post { parent: None },
            Upgrade::Post {
                parent: Some("c:42/x".into()),
            },
            Upgrade::Own,
            Upgrade::Mastodon,
        ] {
            assert_eq!(Upgrade::from_name(&u.name()), Some(u));
        }
        assert_eq!(Upgrade::from_name("mapping"), None);
        assert_eq!(Upgrade::from_name(""), None);
        assert_eq!(Upgrade::from_name("Listen"), None);
    }

    #[test]
    fn only_the_part_it_is_for_takes_it_and_only_once() {
        let switch = ModuleSwitch {
            request: Default::default(),
            resumed: std::rc::Rc::new(std::cell::RefCell::new(Some(Upgrade::Live))),
        };
        assert_eq!(switch.take_if(|u| *u == Upgrade::Own), None);
        assert_eq!(switch.peek(), Some(Upgrade::Live));
        assert_eq!(switch.take_if(|u| *u == Upgrade::Live), Some(Upgrade::Live));
        assert_eq!(switch.take_if(|_| true), None);
        assert_eq!(switch.peek(), None);
    }
}
