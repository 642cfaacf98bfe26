use std::future::Future;
use std::rc::Rc;

use futures::future::{abortable, AbortHandle};
use yew::prelude::*;

use super::use_effect_on;
use crate::state::{Load, LoadError};

/// Run `load(deps)` and keep its outcome as a [`Load`]: `Loading` until it ends, then `Ready` or `Failed`. Returns
/// the state and a callback that runs it again (the error state's "Try again"). New `deps`, a retry, or unmounting
/// abort the run in flight (dropping its requests, whose guards abort the fetches), so a late answer for an old
/// address never overwrites a newer one.
///
/// With an `initial` outcome (read on a server, for server rendering) the state starts `Ready` and the first run
/// is skipped: the page already shows it, and loading it again would flash the loading state.
#[hook]
pub fn use_load<D, T, F, Fut>(initial: Option<T>, deps: D, load: F) -> (Rc<Load<T>>, Callback<()>)
where
    D: Clone + PartialEq + 'static,
    T: 'static,
    F: FnOnce(D) -> Fut + 'static,
    Fut: Future<Output = Result<T, LoadError>> + 'static,
{
    let skip_first = initial.is_some();
    let state = use_state(|| Rc::new(initial.map_or(Load::Loading, Load::Ready)));
    let skip = use_mut_ref(|| skip_first);
    let attempt = use_state(|| 0_u32);
    {
        let state = state.clone();
        use_effect_on((deps, *attempt), move |(deps, _)| {
            let skipped = std::mem::take(&mut *skip.borrow_mut());
            let handle = (!skipped).then(|| start(state, load(deps.clone())));
            move || {
                if let Some(h) = handle {
                    h.abort();
                }
            }
        });
    }
    let retry = {
        let attempt = attempt.clone();
        Callback::from(move |()| attempt.set(attempt.wrapping_add(1)))
    };
    ((*state).clone(), retry)
}

/// Show `Loading`, run `run` and keep its outcome; the handle aborts it.
fn start<T: 'static>(
    state: UseStateHandle<Rc<Load<T>>>,
    run: impl Future<Output = Result<T, LoadError>> + 'static,
) -> AbortHandle {
    state.set(Rc::new(Load::Loading));
    let (task, handle) = abortable(async move {
        state.set(Rc::new(match run.await {
            Ok(v) => Load::Ready(v),
            Err(e) => Load::Failed(e),
        }));
    });
    wasm_bindgen_futures::spawn_local(async move {
        let _ = task.await;
    });
    handle
}
