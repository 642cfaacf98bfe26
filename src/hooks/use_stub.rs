//! A platform's "more" stub (Reddit's `more`, Ghost's reply count) that can be fetched: its replies, read in the
//! list's own shape, go into the thread under the stub's parent.

use std::rc::Rc;

use yew::prelude::*;

use super::use_section_io;
use crate::net::{get_text, DEFAULT_TIMEOUT_MS};
use crate::state::{LoadError, ThreadAction};

/// Fetch the replies a stub under `parent` stands for, from `url`. The callback's argument is told whether the
/// fetch failed (the stub then becomes a link to the thread on the platform).
#[hook]
pub fn use_stub_loader(url: Rc<str>, parent: Rc<str>) -> Callback<Callback<bool>> {
    let io = use_section_io();
    Callback::from(move |failed: Callback<bool>| {
        let (io, url, parent) = (io.clone(), url.clone(), parent.clone());
        wasm_bindgen_futures::spawn_local(async move {
            let Some(io) = io else {
                return failed.emit(true);
            };
            let loaded: Result<_, LoadError> = async {
                let f = get_text(&url, DEFAULT_TIMEOUT_MS).await?;
                Ok(io.source.0.read_stub(&f.text, Some(&f.url))?)
            }
            .await;
            match loaded {
                Ok(list) => io.dispatch.emit(ThreadAction::StubLoaded { parent, list }),
                Err(_) => failed.emit(true),
            }
        });
    })
}
