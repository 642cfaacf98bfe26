//! The mapping playground (`?playground`): paste an article URL or a JSON document, pick a preset or edit a mapping,
//! and see the article and its thread as Folio reads them, with the mapping's errors beside them, and the embed
//! snippet to copy. JSON pasted here is mapped in the page (no request); a URL is loaded by a live [`Reader`].
//!
//! This file is the page and its form; the preview of pasted JSON is in [`preview`], the settings and the embed
//! snippet in [`snippet`].

mod preview;
mod snippet;

use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;
use yew::prelude::*;

use crate::config::ReaderConfig;
use crate::source::mapping::{preset_source, MappingChoice, PRESETS};
use crate::Reader;
use preview::preview;
use snippet::{settings, snippet};

/// The `value` of the element an input event came from.
fn value_of(e: &Event) -> String {
    e.target()
        .and_then(|t| js_sys::Reflect::get(&t, &JsValue::from_str("value")).ok())
        .and_then(|v| v.as_string())
        .unwrap_or_default()
}

/// The mapping playground page.
#[component]
pub fn Playground() -> Html {
    let source = use_state(String::new);
    let preset = use_state(String::new);
    let mapping = use_state(String::new);
    let copied = use_state(|| false);

    let on_source = {
        let source = source.clone();
        Callback::from(move |e: InputEvent| source.set(value_of(&e)))
    };
    let on_preset = {
        let (preset, mapping) = (preset.clone(), mapping.clone());
        Callback::from(move |e: Event| {
            let p = value_of(&e);
            mapping.set(preset_source(&p).unwrap_or("").trim().to_string());
            preset.set(p);
        })
    };
    let on_mapping = {
        let mapping = mapping.clone();
        Callback::from(move |e: InputEvent| mapping.set(value_of(&e)))
    };

    let (p, m) = settings(&preset, &mapping);
    let choice = MappingChoice::from_settings(p.as_deref(), m.as_deref());
    let text = source.trim().to_string();
    let is_json = text.starts_with('{') || text.starts_with('[');
    let src_for_snippet = if is_json || text.is_empty() {
        "https://your-api.example/article.json".to_string()
    } else {
        text.clone()
    };
    let code = snippet(&src_for_snippet, p.as_deref(), m.as_deref());
    let on_copy = {
        let (code, copied) = (code.clone(), copied.clone());
        Callback::from(move |_| {
            let (code, copied) = (code.clone(), copied.clone());
            wasm_bindgen_futures::spawn_local(async move {
                if let Some(w) = web_sys::window() {
                    let ok = JsFuture::from(w.navigator().clipboard().write_text(&code))
                        .await
                        .is_ok();
                    copied.set(ok);
                }
            });
        })
    };

    let result = match (&choice, text.is_empty(), is_json) {
        (Err(e), _, _) => {
            html! { <div class="playground__errors" role="alert"><strong>{ "Mapping error: " }</strong>{ e.to_string() }</div> }
        }
        (Ok(_), true, _) => {
            html! { <p class="playground__note">{ "Paste an article URL or a JSON document to see it." }</p> }
        }
        (Ok(c), false, true) => preview(&text, c),
        (Ok(_), false, false) => {
            let mut config = ReaderConfig::new(text.clone());
            config.preset = p.clone().map(AttrValue::from);
            config.mapping = m.clone().map(AttrValue::from);
            html! { <Reader key={format!("{text}|{p:?}|{m:?}")} {config} /> }
        }
    };

    html! {
        <div class="playground folio" data-theme="auto"
            style="display:grid;grid-template-columns:minmax(18rem,1fr) minmax(20rem,2fr);gap:1.5rem;align-items:start">
            <form class="playground__inputs" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}
                style="display:flex;flex-direction:column;gap:.75rem">
                <h1>{ "Mapping playground" }</h1>
                <label for="pg-source">{ "Article URL or JSON document" }</label>
                <textarea id="pg-source" rows="8" value={(*source).clone()} oninput={on_source}
                    placeholder="https://example.com/wp-json/wp/v2/posts/1?_embed  or  { … }" />
                <label for="pg-preset">{ "Preset" }</label>
                <select id="pg-preset" onchange={on_preset}>
                    <option value="" selected={preset.is_empty()}>{ "Detect automatically" }</option>
                    { for PRESETS.iter().map(|(name, _)| html! {
                        <option value={*name} selected={*preset == *name}>{ *name }</option>
                    }) }
                </select>
                <label for="pg-mapping">{ "Mapping document (edit to customise; empty: the preset or detection)" }</label>
                <textarea id="pg-mapping" rows="18" spellcheck="false" value={(*mapping).clone()} oninput={on_mapping}
                    style="font-family:monospace" />
                <label for="pg-snippet">{ "Embed snippet" }</label>
                <textarea id="pg-snippet" rows="4" readonly=true value={code} style="font-family:monospace" />
                <button type="button" onclick={on_copy}>{ if *copied { "Copied" } else { "Copy snippet" } }</button>
            </form>
            <div class="playground__result">{ result }</div>
        </div>
    }
}
