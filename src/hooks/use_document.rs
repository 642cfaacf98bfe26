use std::rc::Rc;

use futures::future::abortable;
use yew::prelude::*;

use crate::net::{get_text, DEFAULT_TIMEOUT_MS};
use crate::source::SourceError;
use crate::state::{Load, LoadError};

/// Turns a fetched body into a model value; the second argument is the absolute URL it came from.
pub type Parser<T> = fn(&str, Option<&str>) -> Result<T, SourceError>;

/// Fetch the document at `url` and parse it. Returns its state and a callback that fetches it again (the error
/// state's "Try again"). A new `url`, or unmounting, aborts the request in flight.
#[hook]
pub fn use_document<T>(url: Option<AttrValue>, parse: Parser<T>) -> (Rc<Load<T>>, Callback<()>)
where
    T: Clone + PartialEq + 'static,
{
    let state = use_state(|| Rc::new(Load::Loading));
    let attempt = use_state(|| 0_u32);
    {
        let state = state.clone();
        use_effect_with((url, *attempt), move |(url, _)| {
            let url = url.clone();
            state.set(Rc::new(Load::Loading));
            let (task, handle) = abortable(async move {
                let result = match url {
                    None => Err(LoadError::Config("no address to load".into())),
                    Some(url) => match get_text(&url, DEFAULT_TIMEOUT_MS).await {
                        Ok(f) => parse(&f.text, Some(&f.url)).map_err(LoadError::from),
                        Err(e) => Err(LoadError::from(e)),
                    },
                };
                state.set(Rc::new(match result {
                    Ok(v) => Load::Ready(v),
                    Err(e) => Load::Failed(e),
                }));
            });
            wasm_bindgen_futures::spawn_local(async move {
                let _ = task.await;
            });
            // Dropping the task drops the request, whose guard aborts the fetch.
            move || handle.abort()
        });
    }
    let retry = {
        let attempt = attempt.clone();
        Callback::from(move |()| attempt.set(attempt.wrapping_add(1)))
    };
    ((*state).clone(), retry)
}
