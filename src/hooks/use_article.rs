//! The article, read through the configured preset or mapping document (or the detected shape), and the
//! [`Source`] its comments are read with.

use std::rc::Rc;

use yew::prelude::*;

use super::use_load;
use crate::model::Article;
use crate::net::{get_text, DEFAULT_TIMEOUT_MS};
use crate::source::mapping::{is_inline, MappingChoice};
use crate::source::Adapter;
use crate::state::{Load, LoadError};

/// How one reader reads its API, handed from the article's hook to the comment section's. Opaque on purpose:
/// components pass it on and never look inside (only hooks use the adapter).
#[derive(Clone, Debug, PartialEq)]
pub struct Source(pub(crate) Rc<Adapter>);

impl Source {
    /// For a thread whose platform takes no anonymous comments: the preset's name (`reddit`), so the section can
    /// say which platform (see [`Adapter::read_only_preset`]).
    pub fn read_only_preset(&self) -> Option<AttrValue> {
        self.0
            .read_only_preset()
            .map(|p| AttrValue::from(p.to_string()))
    }
}

impl Default for Source {
    /// Folio JSON.
    fn default() -> Self {
        Source(Rc::new(Adapter::folio()))
    }
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
) -> Result<(Rc<Article>, Source), LoadError> {
    let choice = choice(preset, mapping).await?;
    let fetched = get_text(&src, DEFAULT_TIMEOUT_MS).await?;
    let (article, adapter) = Adapter::read_article(&fetched.text, Some(&fetched.url), &choice)?;
    if adapter.detected() && adapter.name() != "folio" {
        // Say which shape was detected, so a publisher knows which preset to set.
        let name = adapter.name();
        web_sys::console::info_1(
            &format!("folio: the response looks like {name}; read it with that preset (set preset=\"{name}\" to skip detection)")
                .into(),
        );
    }
    log_warnings(adapter.warnings());
    Ok((Rc::new(article), Source(Rc::new(adapter))))
}

/// A mapping document's warnings, once each on the console: the article renders, these say why a part of it may
/// be missing (docs/mapping.md, "Warnings").
pub(super) fn log_warnings(warnings: &[crate::source::mapping::Warning]) {
    for w in warnings {
        web_sys::console::warn_1(&format!("folio: mapping warning: {w}").into());
    }
}

/// Fetch and read the article at `src` with the `preset` / `mapping` settings. Returns its state, a retry
/// callback, and the [`Source`] for its comments (Folio JSON until the article is read). With an article read
/// `initial`ly (server rendering) nothing is fetched until the settings change.
#[hook]
pub fn use_article(
    src: AttrValue,
    preset: Option<AttrValue>,
    mapping: Option<AttrValue>,
    initial: Option<(Rc<Article>, Source)>,
) -> (Rc<Load<Rc<Article>>>, Callback<()>, Source) {
    let (state, retry) = use_load(initial, (src, preset, mapping), |(src, preset, mapping)| {
        load_article(src, preset, mapping)
    });
    let split = use_memo(state, |s| match &**s {
        Load::Loading => (Rc::new(Load::Loading), Source::default()),
        Load::Failed(e) => (Rc::new(Load::Failed(e.clone())), Source::default()),
        Load::Ready((a, source)) => (Rc::new(Load::Ready(a.clone())), source.clone()),
    });
    (split.0.clone(), retry, split.1.clone())
}
