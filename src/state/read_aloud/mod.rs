//! Reading an article aloud (issue 14, "Audio Only"): what is spoken, where the reader is, at what speed, and
//! what the speech engine must do next. Pure, so the whole logic is tested natively; the hook
//! (`hooks::use_read_aloud`) turns each change of [`ReadAloud::take`] into speech through the browser's
//! `speechSynthesis`, and the engine's events back into actions.
//!
//! Position is kept as a piece ([`ReadAloud::index`]) and a point inside it ([`ReadAloud::offset`], the last word
//! boundary the engine reported): pausing stops the engine (`cancel()`, because `pause()` is unreliable in
//! Chromium, which drops paused utterances on several platforms) and resuming speaks the rest of the piece from
//! that word.

mod items;
mod media;
mod voice;

use std::rc::Rc;

pub use items::{rest_from, spoken_items, Part, Spoken};
pub use media::MediaInfo;
pub use voice::{choose_voice, VoiceInfo};

/// The speeds offered, as `SpeechSynthesisUtterance.rate` values (1 is the voice's normal speed).
pub const RATES: [f32; 5] = [0.75, 1.0, 1.25, 1.5, 2.0];
/// The speed a reader starts at: `RATES[NORMAL_RATE]` is 1.
pub const NORMAL_RATE: usize = 1;

/// [`RATES`] as they are remembered. Text, not numbers: parsing or printing a float would link the float
/// parser and formatter into the wasm (about 18 KB brotli, measured) for five fixed values.
const RATE_NAMES: [&str; 5] = ["0.75", "1", "1.25", "1.5", "2"];

/// A speed as remembered (`"1.25"`): its index in [`RATES`]; `None` for anything else (a value from another
/// version, or edited by hand), which leaves the normal speed.
pub fn rate_from_stored(text: &str) -> Option<usize> {
    RATE_NAMES.iter().position(|n| *n == text.trim())
}

/// Speed `i` as it is remembered; `None` when there is no such speed.
pub fn rate_to_stored(i: usize) -> Option<&'static str> {
    RATE_NAMES.get(i).copied()
}

/// Whether the article is being read.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Status {
    /// Not started, or read to the end: nothing is highlighted.
    #[default]
    Stopped,
    /// Being spoken.
    Playing,
    /// Stopped at [`ReadAloud::index`] / [`ReadAloud::offset`], to go on from there.
    Paused,
}

/// The read-aloud player's state.
#[derive(Clone, Debug, PartialEq)]
pub struct ReadAloud {
    /// What is read, in order: the title, the standfirst, then each block of the body that has text.
    pub items: Rc<[Spoken]>,
    /// The piece being read (or paused at).
    pub index: usize,
    /// Where in that piece speech resumes, in UTF-16 code units (what `SpeechSynthesisEvent.charIndex` counts).
    pub offset: u32,
    /// Playing, paused or stopped.
    pub status: Status,
    /// Index into [`RATES`].
    pub rate: usize,
    /// Bumped whenever the engine must act (speak the current piece from `offset`, or be silent): the hook's
    /// effect runs once per take, and engine events carry the take they belong to, so an event from speech that
    /// was already replaced is ignored.
    pub take: u64,
}

/// What the reader or the speech engine does.
#[derive(Clone, Debug, PartialEq)]
pub enum ReadAloudAction {
    /// The article's text changed (a correction arrived): read this instead, from the same piece.
    Load(Rc<[Spoken]>),
    /// Play when stopped or paused, pause when playing (the one play/pause button).
    Toggle,
    /// Start, or go on from where it paused.
    Play,
    /// Stop speaking and keep the place.
    Pause,
    /// Skip to the start of the next piece.
    Next,
    /// Back to the start of the previous piece (of the first, when on the first).
    Previous,
    /// Read at `RATES[i]` (resuming from the current word when playing).
    Rate(usize),
    /// The engine reached a word `at` (UTF-16 units from the start of the piece) while speaking `take`.
    Boundary {
        /// The take the engine was speaking.
        take: u64,
        /// Where the word starts in the whole piece.
        at: u32,
    },
    /// The engine finished the piece of `take`: on to the next, or stop after the last.
    Ended {
        /// The take that ended.
        take: u64,
    },
    /// Speech of `take` was stopped from outside (another reader started speaking, the engine failed): pause
    /// here without touching the engine.
    Interrupted {
        /// The take that was cut off.
        take: u64,
    },
}

impl ReadAloud {
    /// A stopped player for `items`, at normal speed.
    pub fn new(items: Rc<[Spoken]>) -> Self {
        ReadAloud {
            items,
            index: 0,
            offset: 0,
            status: Status::Stopped,
            rate: NORMAL_RATE,
            take: 0,
        }
    }

    /// The piece to highlight: the one being read or paused at; none when stopped.
    pub fn current(&self) -> Option<&Spoken> {
        match self.status {
            Status::Stopped => None,
            _ => self.items.get(self.index),
        }
    }

    /// What the engine should say now: the rest of the current piece from the kept word, while playing.
    pub fn utterance(&self) -> Option<&str> {
        match self.status {
            Status::Playing => self
                .items
                .get(self.index)
                .map(|s| rest_from(&s.text, self.offset)),
            _ => None,
        }
    }

    /// The speech rate to use.
    pub fn speed(&self) -> f32 {
        RATES.get(self.rate).copied().unwrap_or(1.0)
    }

    /// Whether there is a piece after the current one.
    pub fn has_next(&self) -> bool {
        self.index + 1 < self.items.len()
    }

    /// Apply an action (pure; the `Reducible` impl wraps it). `None`: nothing changed.
    pub fn apply(&self, action: ReadAloudAction) -> Option<Self> {
        use ReadAloudAction as A;
        let mut next = self.clone();
        let playing = self.status == Status::Playing;
        match action {
            A::Load(items) if items != self.items => {
                next.index = self.index.min(items.len().saturating_sub(1));
                next.offset = 0;
                next.items = items;
                if next.items.is_empty() {
                    next.status = Status::Stopped;
                }
                next.take += u64::from(playing);
            }
            A::Play | A::Toggle if !playing && !self.items.is_empty() => {
                if self.status == Status::Stopped {
                    (next.index, next.offset) = (0, 0);
                }
                next.status = Status::Playing;
                next.take += 1;
            }
            A::Pause | A::Toggle if playing => {
                next.status = Status::Paused;
                next.take += 1;
            }
            A::Next if self.has_next() => next.go_to(self.index + 1),
            A::Previous if !self.items.is_empty() => next.go_to(self.index.saturating_sub(1)),
            A::Rate(i) if i < RATES.len() && i != self.rate => {
                next.rate = i;
                next.take += u64::from(playing);
            }
            A::Boundary { take, at } if take == self.take && playing && at != self.offset => {
                next.offset = at;
            }
            A::Ended { take } if take == self.take && playing => {
                if self.has_next() {
                    next.go_to(self.index + 1);
                } else {
                    next = ReadAloud {
                        take: self.take + 1,
                        ..ReadAloud::new(self.items.clone())
                    };
                    next.rate = self.rate;
                }
            }
            A::Interrupted { take } if take == self.take && playing => {
                next.status = Status::Paused;
            }
            _ => return None,
        }
        Some(next)
    }

    /// Move to the start of piece `i`: speak it at once when playing; when stopped, show it as the place to
    /// resume from.
    fn go_to(&mut self, i: usize) {
        (self.index, self.offset) = (i, 0);
        match self.status {
            Status::Playing => self.take += 1,
            Status::Stopped => self.status = Status::Paused,
            Status::Paused => {}
        }
    }
}

impl yew::Reducible for ReadAloud {
    type Action = ReadAloudAction;

    fn reduce(self: Rc<Self>, action: ReadAloudAction) -> Rc<Self> {
        match self.apply(action) {
            Some(next) => Rc::new(next),
            // The same Rc: Yew skips the render.
            None => self,
        }
    }
}

#[cfg(test)]
mod tests;
