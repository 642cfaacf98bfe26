//! The article and its comments read through a mapping (a preset, a mapping document, or auto-detection). The
//! requests a mapping needs beyond the first — the mapping document itself, comments fetched one by one from child
//! ids — happen here and in `comment_pages`; the mapping itself is pure (`source::mapping`).

use std::rc::Rc;

use futures::future::abortable;
use serde_json::Value;
use yew::prelude::*;

use super::comment_pages::fetch_page;
use super::use_load;
use crate::components::comments::{use_comment_list, LoadedList};
use crate::model::Article;
use crate::net::{get_text, DEFAULT_TIMEOUT_MS};
use crate::source::mapping::{is_inline, map_article_text, MappingChoice, Resolved};
use crate::state::{Load, LoadError};

/// How the article was read, for the comments: given by the reader to its comment section as a context.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MappedContext(pub Option<Rc<MappedInfo>>);

/// The mapping the article was read with, and the article object (for URL and post templates).
#[derive(Clone, Debug, PartialEq)]
pub struct MappedInfo {
    /// The mapping, its name, and whether it was detected.
    pub resolved: Resolved,
    /// The article object in the response.
    pub object: Rc<Value>,
}

/// The choice the settings make; a mapping URL is fetched first.
async fn choice(
    preset: Option<AttrValue>,
    mapping: Option<AttrValue>,
) -> Result<MappingChoice, LoadError> {
    let text = match mapping.as_deref() {
        Some(m) if is_inline(m) => Some(m.to_string()),
        Some(url) => Some(get_text(url, DEFAULT_TIMEOUT_MS).await?.text),
        None => None,
    };
    Ok(MappingChoice::from_settings(
        preset.as_deref(),
        text.as_deref(),
    )?)
}

async fn load_article(
    src: AttrValue,
    preset: Option<AttrValue>,
    mapping: Option<AttrValue>,
) -> Result<(Rc<Article>, MappedContext), LoadError> {
    let choice = choice(preset, mapping).await?;
    let fetched = get_text(&src, DEFAULT_TIMEOUT_MS).await?;
    let mapped = map_article_text(&fetched.text, Some(&fetched.url), &choice)?;
    if mapped.resolved.detected && mapped.resolved.name != "folio" {
        // Say which shape was detected, so a publisher knows which preset to set.
        web_sys::console::info_1(
            &format!(
                "folio: the response looks like {}; read it with that preset (set preset=\"{}\" to skip detection)",
                mapped.resolved.name, mapped.resolved.name
            )
            .into(),
        );
    }
    let info = MappedInfo {
        resolved: mapped.resolved,
        object: mapped.object,
    };
    Ok((mapped.article, MappedContext(Some(Rc::new(info)))))
}

/// Fetch and map the article at `src` with the `preset` / `mapping` settings. Returns its state, a retry callback,
/// and the context the comment section needs.
#[hook]
pub fn use_mapped_article(
    src: AttrValue,
    preset: Option<AttrValue>,
    mapping: Option<AttrValue>,
) -> (Rc<Load<Rc<Article>>>, Callback<()>, MappedContext) {
    let (state, retry) = use_load((src, preset, mapping), |(src, preset, mapping)| {
        load_article(src, preset, mapping)
    });
    let load = use_memo(state, |s| match &**s {
        Load::Loading => (Rc::new(Load::Loading), MappedContext::default()),
        Load::Failed(e) => (Rc::new(Load::Failed(e.clone())), MappedContext::default()),
        Load::Ready((a, ctx)) => (Rc::new(Load::Ready(a.clone())), ctx.clone()),
    });
    (load.0.clone(), retry, load.1.clone())
}

/// Fetch and map the comment list at `url` with the mapping the article was read with (from the reader's
/// [`MappedContext`]): its first page (and the items it lists by child id); further pages are fetched when the
/// reader asks (`comment_pages::fetch_page`). Folio JSON (no mapping, or the built-in
/// reader) goes through the thread's own sliced loader, `use_comment_list`, exactly as before.
///
/// Both loaders are called on every render (hooks must be called in the same order); the one not needed is given
/// nothing to do: the mapped loader skips without a mapping, and the Folio loader's result is ignored with one.
#[hook]
pub fn use_mapped_comments(url: AttrValue) -> (Rc<Load<LoadedList>>, Callback<()>) {
    let ctx = use_context::<MappedContext>().unwrap_or_default();
    let mapped = ctx.0.as_ref().is_some_and(|i| i.resolved.mapping.is_some());
    // `about:blank` is refused before any request is made (not http or https), so the unused loader costs nothing.
    let folio = use_comment_list(if mapped {
        AttrValue::from("about:blank")
    } else {
        url.clone()
    });
    let state = use_state(|| Rc::new(Load::Loading));
    let attempt = use_state(|| 0_u32);
    {
        let state = state.clone();
        use_effect_with((url, ctx, *attempt), move |(url, ctx, _)| {
            let mut cleanup: Option<futures::future::AbortHandle> = None;
            if ctx.0.as_ref().is_some_and(|i| i.resolved.mapping.is_some()) {
                state.set(Rc::new(Load::Loading));
                let (url, ctx) = (url.clone(), ctx.clone());
                let (task, handle) = abortable(async move {
                    let result = fetch_page(&url, 1, &ctx).await;
                    state.set(Rc::new(match result {
                        Ok(v) => Load::Ready(v),
                        Err(e) => Load::Failed(e),
                    }));
                });
                wasm_bindgen_futures::spawn_local(async move {
                    let _ = task.await;
                });
                cleanup = Some(handle);
            }
            move || {
                if let Some(h) = cleanup {
                    h.abort();
                }
            }
        });
    }
    if !mapped {
        return folio;
    }
    let retry = {
        let attempt = attempt.clone();
        Callback::from(move |()| attempt.set(attempt.wrapping_add(1)))
    };
    ((*state).clone(), retry)
}
