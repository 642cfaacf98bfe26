//! Hydration's end, for what was drawn during it: the platform answered as the server did while the SPA took a
//! rendered page over (`platform`), so what a component read from the browser — local dates, the share sheet,
//! stored choices and drafts — is read again once `Reader` switches the [`Phase`] context to `Live`.

use yew::prelude::*;

use super::use_effect_on;
use crate::platform::Phase;

/// The platform's phase (of the [`ReaderEnv`](super::ReaderEnv)). Calling it subscribes the component: it draws
/// again when hydration ends.
#[hook]
pub fn use_phase() -> Phase {
    super::use_lang::use_reader_env().phase
}

/// Run `restore` once, when hydration ends (never in a reader that was not hydrated): reducers that started from
/// the neutral answers (nothing stored) take in what the browser has stored.
#[hook]
pub fn use_after_hydration<F>(restore: F)
where
    F: FnOnce() + 'static,
{
    let phase = use_phase();
    use_on_hydrated(phase, restore);
}

/// [`use_after_hydration`] for the component that holds the phase itself (`Reader`, which provides the context
/// and so cannot read it).
#[hook]
pub fn use_on_hydrated<F>(phase: Phase, restore: F)
where
    F: FnOnce() + 'static,
{
    // Without hydration (the embed's modules) there is no such moment, and no hook to keep.
    if !cfg!(feature = "hydration") {
        return drop((phase, restore));
    }
    let before = use_mut_ref(|| phase);
    use_effect_on(phase, move |now| {
        let was = std::mem::replace(&mut *before.borrow_mut(), *now);
        if was == Phase::Hydrating && *now == Phase::Live {
            restore();
        }
    });
}
