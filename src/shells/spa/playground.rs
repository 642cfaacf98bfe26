//! The mapping playground (`?playground`): paste an article URL or a JSON document, pick a preset or edit a mapping,
//! and see the article and its thread as Folio reads them, with the mapping's errors beside them, and the embed
//! snippet to copy. JSON pasted here is mapped in the page (no request); a URL is loaded by a live [`Reader`].

use std::rc::Rc;

use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;
use yew::prelude::*;

use crate::components::article::ArticleView;
use crate::components::common::SafeHtmlView;
use crate::config::ReaderConfig;
use crate::i18n::Lang;
use crate::model::Thread;
use crate::source::mapping::{
    map_article_text, map_comments_text, preset_source, MappedArticle, MappingChoice, PRESETS,
};
use crate::source::thread::{build_thread, SortOrder};
use crate::Reader;

/// Deepest reply level the preview draws (the real thread handles any depth).
const PREVIEW_DEPTH: usize = 12;

/// The `value` of the element an input event came from.
fn value_of(e: &Event) -> String {
    e.target()
        .and_then(|t| js_sys::Reflect::get(&t, &JsValue::from_str("value")).ok())
        .and_then(|v| v.as_string())
        .unwrap_or_default()
}

/// What the settings say: the preset (when the mapping text is the preset's own), else the edited mapping.
fn settings(preset: &str, mapping: &str) -> (Option<String>, Option<String>) {
    let m = mapping.trim();
    if !preset.is_empty() && preset_source(preset).is_some_and(|p| p.trim() == m) {
        (Some(preset.to_string()), None)
    } else if m.is_empty() {
        (None, None)
    } else {
        (None, Some(m.to_string()))
    }
}

/// The `<folio-reader>` snippet for these settings.
fn snippet(src: &str, preset: Option<&str>, mapping: Option<&str>) -> String {
    let origin = web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default();
    let attr = |s: &str| s.replace('&', "&amp;").replace('"', "&quot;");
    let mut el = format!("<folio-reader src=\"{}\"", attr(src));
    if let Some(p) = preset {
        el.push_str(&format!(" preset=\"{}\"", attr(p)));
    }
    if let Some(m) = mapping {
        let compact = serde_json::from_str::<serde_json::Value>(m)
            .map(|v| v.to_string())
            .unwrap_or_else(|_| m.to_string());
        el.push_str(&format!(" mapping=\"{}\"", attr(&compact)));
    }
    el.push_str("></folio-reader>");
    format!("<script type=\"module\" src=\"{origin}/folio.js\"></script>\n{el}")
}

fn comment_tree(thread: &Thread, index: usize, depth: usize) -> Html {
    let Some(c) = thread.comment(index) else {
        return Html::default();
    };
    html! {
        <li class="playground__comment" data-id={c.id.to_string()}>
            <p class="playground__comment-meta">
                <strong>{ if c.deleted { "[deleted]".to_string() } else { c.author.name.to_string() } }</strong>
                { c.date.as_ref().map(|d| format!(" · {}", d.iso)).unwrap_or_default() }
                { c.score.map(|s| format!(" · {s} points")).unwrap_or_default() }
            </p>
            <div class="playground__comment-body"><SafeHtmlView html={c.body.clone()} /></div>
            if !thread.replies(index).is_empty() && depth < PREVIEW_DEPTH {
                <ul>{ for thread.replies(index).iter().map(|&r| comment_tree(thread, r, depth + 1)) }</ul>
            }
        </li>
    }
}

/// A pasted JSON document, mapped in the page.
fn preview(text: &str, choice: &MappingChoice) -> Html {
    let mapped: MappedArticle = match map_article_text(text, None, choice) {
        Ok(m) => m,
        Err(e) => {
            return html! { <div class="playground__errors" role="alert"><strong>{ "Mapping error: " }</strong>{ e.to_string() }</div> }
        }
    };
    let how = if mapped.resolved.detected {
        format!(
            "Detected: {} (set preset=\"{}\" to skip detection)",
            mapped.resolved.name, mapped.resolved.name
        )
    } else {
        format!("Read with: {}", mapped.resolved.name)
    };
    let inline = mapped
        .resolved
        .mapping
        .as_ref()
        .and_then(|m| m.comments.as_ref())
        .is_some_and(|c| c.url.as_deref() == Some("{self}"));
    let comments = if inline || mapped.resolved.mapping.is_none() {
        match map_comments_text(
            text,
            None,
            mapped.resolved.mapping.as_deref(),
            Some(&mapped.object),
        ) {
            Ok(list) => {
                let thread = build_thread(list.comments, SortOrder::Oldest);
                html! {
                    <section class="playground__thread" aria-label="Comments">
                        <h2>{ format!("Comments ({})", thread.visible_count()) }</h2>
                        <ul>{ for thread.roots().iter().map(|&i| comment_tree(&thread, i, 0)) }</ul>
                    </section>
                }
            }
            Err(e) if inline => {
                html! { <div class="playground__errors" role="alert"><strong>{ "Comments: " }</strong>{ e.to_string() }</div> }
            }
            Err(_) => Html::default(),
        }
    } else {
        let url = mapped
            .article
            .comments_url
            .as_deref()
            .unwrap_or("(no comments URL)")
            .to_string();
        html! { <p class="playground__note">{ format!("Comments are loaded from {url} when the article is given by URL.") }</p> }
    };
    html! {
        <>
            <p class="playground__status" role="status">{ how }</p>
            <ArticleView article={Rc::clone(&mapped.article)} />
            { comments }
        </>
    }
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
        <ContextProvider<Lang> context={Lang::default()}>
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
        </ContextProvider<Lang>>
    }
}
