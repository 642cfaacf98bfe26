//! A live article's state, one reducer per reader: the entries shown (newest first), the ones that arrived and
//! wait until the reader asks for them (so the page never jumps), the body as last corrected, and when the last
//! update came. Pure: the hook (`hooks::use_live_article`) feeds it from the event stream or from polls, the
//! components draw it.

#[cfg(test)]
mod tests;

use std::rc::Rc;

use crate::model::{sort_newest_first, Article, Entry, SafeHtml, Timestamp};

/// What can happen to a live article.
#[derive(Clone, Debug, PartialEq)]
pub enum LiveAction {
    /// Entries came (a stream's `message` or `changed` event, or a poll): one already known replaces its earlier
    /// version in place, shown or waiting; an unknown one waits in `incoming`.
    Received(Vec<Entry>),
    /// The body was corrected (a stream's `body` event): it is replaced in place.
    Corrected {
        /// The new body.
        body: Rc<[SafeHtml]>,
        /// When, if the server said.
        updated: Option<Timestamp>,
    },
    /// A poll read the whole article again: its entries are received and a different body is a correction.
    Polled(Rc<Article>),
    /// The reader asked to see the entries that arrived.
    ShowIncoming,
}

/// The live part of an article.
#[derive(Clone, Debug, PartialEq)]
pub struct LiveState {
    /// The entries drawn, newest first.
    pub entries: Rc<[Entry]>,
    /// Entries that arrived and wait for the reader's "show" (announced as "N new updates"), newest first.
    pub incoming: Rc<[Entry]>,
    /// The body as last corrected.
    pub body: Rc<[SafeHtml]>,
    /// The article's last update date, moved on by corrections.
    pub updated: Option<Timestamp>,
    /// The latest moment any update tells of (an entry published or changed, the article updated): what the "Live"
    /// badge says.
    pub last_update: Option<Timestamp>,
}

impl LiveState {
    /// The state an article starts with, as it was read.
    pub fn new(article: &Article) -> Self {
        let mut s = LiveState {
            entries: article.entries.clone(),
            incoming: Rc::new([]),
            body: article.body.clone(),
            updated: article.updated.clone(),
            last_update: None,
        };
        s.note(article.updated.as_ref());
        for e in article.entries.iter() {
            s.note_entry(e);
        }
        s
    }

    /// Move `last_update` on to `at` if it is later.
    fn note(&mut self, at: Option<&Timestamp>) {
        if let Some(at) = at {
            if self
                .last_update
                .as_ref()
                .is_none_or(|l| at.epoch_ms > l.epoch_ms)
            {
                self.last_update = Some(at.clone());
            }
        }
    }

    fn note_entry(&mut self, e: &Entry) {
        self.note(e.published.as_ref());
        self.note(e.updated.as_ref());
    }

    fn receive(&mut self, got: Vec<Entry>) {
        let (mut shown, mut waiting) = (None::<Vec<Entry>>, None::<Vec<Entry>>);
        for e in got {
            let known = |list: &[Entry]| list.iter().position(|k| k.id == e.id);
            if let Some(i) = known(shown.as_deref().unwrap_or(&self.entries)) {
                let list = shown.get_or_insert_with(|| self.entries.to_vec());
                if list[i] != e {
                    self.note_entry(&e);
                    list[i] = e;
                }
            } else if let Some(i) = known(waiting.as_deref().unwrap_or(&self.incoming)) {
                let list = waiting.get_or_insert_with(|| self.incoming.to_vec());
                if list[i] != e {
                    self.note_entry(&e);
                    list[i] = e;
                }
            } else {
                self.note_entry(&e);
                let list = waiting.get_or_insert_with(|| self.incoming.to_vec());
                list.push(e);
                sort_newest_first(list);
            }
        }
        // Unchanged lists keep their `Rc`, so the components that draw them skip the render.
        if let Some(list) = shown.filter(|l| **l != *self.entries) {
            self.entries = list.into();
        }
        if let Some(list) = waiting.filter(|l| **l != *self.incoming) {
            self.incoming = list.into();
        }
    }

    fn correct(&mut self, body: Rc<[SafeHtml]>, updated: Option<Timestamp>) {
        if body != self.body {
            self.body = body;
        }
        if let Some(u) = &updated {
            if self
                .updated
                .as_ref()
                .is_none_or(|l| u.epoch_ms > l.epoch_ms)
            {
                self.updated = updated.clone();
            }
        }
        self.note(updated.as_ref());
    }

    /// Apply one action.
    pub fn apply(mut self, action: LiveAction) -> Self {
        match action {
            LiveAction::Received(entries) => self.receive(entries),
            LiveAction::Corrected { body, updated } => self.correct(body, updated),
            LiveAction::Polled(article) => {
                self.receive(article.entries.to_vec());
                self.correct(article.body.clone(), article.updated.clone());
            }
            LiveAction::ShowIncoming => {
                if !self.incoming.is_empty() {
                    let mut all: Vec<Entry> = self.incoming.iter().cloned().collect();
                    all.extend(self.entries.iter().cloned());
                    sort_newest_first(&mut all);
                    self.entries = all.into();
                    self.incoming = Rc::new([]);
                }
            }
        }
        self
    }
}

impl yew::Reducible for LiveState {
    type Action = LiveAction;

    fn reduce(self: Rc<Self>, action: LiveAction) -> Rc<Self> {
        Rc::new(Rc::unwrap_or_clone(self).apply(action))
    }
}
