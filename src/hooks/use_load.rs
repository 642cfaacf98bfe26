use std::future::Future;
use std::rc::Rc;

use futures::future::abortable;
use yew::prelude::*;

use crate::state::{Load, LoadError};

/// Run `load(deps)` and keep its outcome as a [`Load`]: `Loading` until it ends, then `Ready` or `Failed`. Returns
/// the state and a callback that runs it again (the error state's "Try again"). New `deps`, a retry, or unmounting
/// abort the run in flight (dropping its requests, whose guards abort the fetches), so a late answer for an old
/// address never overwrites a newer one.
#[hook]
pub fn use_load<D, T, F, Fut>(deps: D, load: F) -> (Rc<Load<T>>, Callback<()>)
where
    D: Clone + PartialEq + 'static,
    T: 'static,
    F: FnOnce(D) -> Fut + 'static,
    Fut: Future<Output = Result<T, LoadError>> + 'static,
{
    let state = use_state(|| Rc::new(Load::Loading));
    let attempt = use_state(|| 0_u32);
    {
        let state = state.clone();
        use_effect_with((deps, *attempt), move |(deps, _)| {
            state.set(Rc::new(Load::Loading));
            let run = load(deps.clone());
            let (task, handle) = abortable(async move {
                state.set(Rc::new(match run.await {
                    Ok(v) => Load::Ready(v),
                    Err(e) => Load::Failed(e),
                }));
            });
            wasm_bindgen_futures::spawn_local(async move {
                let _ = task.await;
            });
            move || handle.abort()
        });
    }
    let retry = {
        let attempt = attempt.clone();
        Callback::from(move |()| attempt.set(attempt.wrapping_add(1)))
    };
    ((*state).clone(), retry)
}
