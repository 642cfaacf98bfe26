//! The reader's own settings, remembered in `localStorage` (per site, like the comment order): text size and theme
//! (`use_reading_prefs`) and the Mastodon server they share to (`use_mastodon_server`). Each is read once when the
//! reader is drawn (through `platform`, so a server render sees nothing stored) and written from one effect.

use std::rc::Rc;

use yew::prelude::*;

use super::{storage_get, storage_set, use_after_hydration, use_effect_on, use_on_hydrated};
use crate::config::Theme;
use crate::platform::Phase;
use crate::source::share::mastodon_server;
use crate::state::{ReadingPrefs, TextSize};

/// The theme the reader picked: `auto`, `light` or `dark`.
pub const THEME_KEY: &str = "folio:theme";
/// The text size the reader picked: `small`, `medium` or `large`.
pub const TEXT_SIZE_KEY: &str = "folio:text-size";
/// The host name of the reader's Mastodon server.
pub const MASTODON_KEY: &str = "folio:mastodon-server";

/// The reader's reading settings and how to change them (held by `Reader`, for its controls).
#[derive(Clone, PartialEq)]
pub struct PrefsHandle {
    /// The theme to draw: theirs, else the host's.
    pub theme: Theme,
    /// The text size to draw: theirs, else medium.
    pub text_size: TextSize,
    /// Pick a theme.
    pub set_theme: Callback<Theme>,
    /// Pick a text size.
    pub set_text_size: Callback<TextSize>,
}

/// The reader's text size and theme, read from storage and written back when they change one; `host` is the
/// host's theme, which applies until the reader picks one. `phase` is the reader's platform phase: a page taken
/// over from a server starts with nothing stored (`platform`) and reads the stored choices when hydration ends.
#[hook]
pub fn use_reading_prefs(host: Theme, phase: Phase) -> PrefsHandle {
    let theme =
        use_state(|| ReadingPrefs::from_stored(storage_get(THEME_KEY).as_deref(), None).theme);
    let size = use_state(|| {
        ReadingPrefs::from_stored(None, storage_get(TEXT_SIZE_KEY).as_deref()).text_size
    });
    {
        let (theme, size) = (theme.clone(), size.clone());
        use_on_hydrated(phase, move || {
            let stored = ReadingPrefs::from_stored(
                storage_get(THEME_KEY).as_deref(),
                storage_get(TEXT_SIZE_KEY).as_deref(),
            );
            if theme.is_none() && stored.theme.is_some() {
                theme.set(stored.theme);
            }
            if size.is_none() && stored.text_size.is_some() {
                size.set(stored.text_size);
            }
        });
    }
    let prefs = ReadingPrefs {
        theme: *theme,
        text_size: *size,
    };
    // Only a choice is written: nothing stored means "the host's default", which must stay free to change.
    use_effect_on(prefs, |p| {
        if let Some(t) = p.theme {
            storage_set(THEME_KEY, t.as_attr());
        }
        if let Some(s) = p.text_size {
            storage_set(TEXT_SIZE_KEY, s.name());
        }
    });
    // Setters are stable, so the callbacks (and the context holding them) are made once.
    let set_theme = (*use_memo((), {
        let set = theme.setter();
        move |_| Callback::from(move |t| set.set(Some(t)))
    }))
    .clone();
    let set_text_size = (*use_memo((), {
        let set = size.setter();
        move |_| Callback::from(move |s| set.set(Some(s)))
    }))
    .clone();
    PrefsHandle {
        theme: prefs.theme_or(host),
        text_size: prefs.text_size.unwrap_or_default(),
        set_theme,
        set_text_size,
    }
}

/// The reader's Mastodon server (a checked host name) and how to remember a new one.
#[hook]
pub fn use_mastodon_server() -> (Option<Rc<str>>, Callback<Rc<str>>) {
    // Checked again when read: anything on the page's origin can write to its storage.
    let stored = || {
        storage_get(MASTODON_KEY)
            .and_then(|s| mastodon_server(&s).ok())
            .map(Rc::from)
    };
    let server = use_state(stored);
    {
        // A page taken over from a server had nothing stored while it was hydrated.
        let server = server.clone();
        use_after_hydration(move || {
            if server.is_none() {
                if let Some(s) = stored() {
                    server.set(Some(s));
                }
            }
        });
    }
    use_effect_on((*server).clone(), |s| {
        if let Some(s) = s {
            storage_set(MASTODON_KEY, s);
        }
    });
    let remember = (*use_memo((), {
        let set = server.setter();
        move |_| Callback::from(move |s| set.set(Some(s)))
    }))
    .clone();
    ((*server).clone(), remember)
}
