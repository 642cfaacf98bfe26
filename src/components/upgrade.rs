//! Asking for a module with more in it. The embed's lite module is built without reading aloud and without
//! following live articles (the `read-aloud` and `live-articles` features): a reader there who presses Play, or
//! an article that turns out to be live, asks the embed shell through [`ModuleSwitch`] for the full module, which
//! the loader then draws in place of the lite one and tells what the reader was doing ([`ModuleSwitch::resumed`]).
//! A build with every feature never asks.

use std::cell::Cell;
use std::rc::Rc;

use yew::prelude::*;

/// What a reader needs a module with more in it for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Upgrade {
    /// The reader pressed Play on the article's player; `only`: with the "Audio only" view on.
    Listen {
        /// The "Audio only" view was on.
        only: bool,
    },
    /// The article is live: its entries and corrections are to be followed.
    Live,
}

impl Upgrade {
    /// The name the loader carries between the modules (`folio:upgrade`'s detail, `folio_mount`'s last argument).
    pub fn name(self) -> &'static str {
        match self {
            Upgrade::Listen { only: false } => "listen",
            Upgrade::Listen { only: true } => "listen-only",
            Upgrade::Live => "live",
        }
    }

    /// The need named `name` ([`Upgrade::name`]); `None` for anything else.
    pub fn from_name(name: &str) -> Option<Upgrade> {
        [
            Upgrade::Listen { only: false },
            Upgrade::Listen { only: true },
            Upgrade::Live,
        ]
        .into_iter()
        .find(|u| u.name() == name)
    }
}

/// The context the embed shell gives its reader: how to ask for the full module, and, in a reader that took over
/// from the lite module, what the reader was doing there.
#[derive(Clone)]
pub struct ModuleSwitch {
    /// Ask for the full module (the lite module's reader calls it; nothing happens twice).
    pub request: Callback<Upgrade>,
    /// Why this reader took over from the lite module: taken once, by the part that carries on (the player starts
    /// reading), so a later article in the same element starts afresh.
    pub resumed: Rc<Cell<Option<Upgrade>>>,
}

impl ModuleSwitch {
    /// What the reader was doing before the takeover, without taking it.
    pub fn peek(&self) -> Option<Upgrade> {
        self.resumed.get()
    }

    /// What the reader was doing before the takeover, once.
    pub fn take(&self) -> Option<Upgrade> {
        self.resumed.take()
    }
}

impl PartialEq for ModuleSwitch {
    fn eq(&self, other: &Self) -> bool {
        self.request == other.request && Rc::ptr_eq(&self.resumed, &other.resumed)
    }
}

#[cfg(test)]
mod tests {
    use super::Upgrade;

    #[test]
    fn every_need_round_trips_through_its_name() {
        for u in [
            Upgrade::Listen { only: false },
            Upgrade::Listen { only: true },
            Upgrade::Live,
        ] {
            assert_eq!(Upgrade::from_name(u.name()), Some(u));
        }
        assert_eq!(Upgrade::from_name("mapping"), None);
        assert_eq!(Upgrade::from_name(""), None);
    }

    #[test]
    fn take_happens_once() {
        let switch = super::ModuleSwitch {
            request: Default::default(),
            resumed: std::rc::Rc::new(std::cell::Cell::new(Some(Upgrade::Live))),
        };
        assert_eq!(switch.peek(), Some(Upgrade::Live));
        assert_eq!(switch.take(), Some(Upgrade::Live));
        assert_eq!(switch.take(), None);
        assert_eq!(switch.peek(), None);
    }
}
