use std::rc::Rc;

use serde::Deserialize;
use yew::prelude::*;

use crate::components::common::{error_box, loading, local_time, reader_locale};
use crate::hooks::{use_document, use_phase};
use crate::i18n::Lang;
use crate::source::date::parse_iso8601;
use crate::source::folio_json::parse_json;
use crate::source::SourceError;
use crate::state::Load;

/// Where the demo index lives, relative to the SPA's page.
const INDEX_URL: &str = "demo/index.json";

/// One entry of `demo/index.json`.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct DemoEntry {
    /// Article id.
    pub id: String,
    /// Headline.
    pub title: String,
    /// Summary.
    #[serde(default)]
    pub standfirst: Option<String>,
    /// Kicker.
    #[serde(default)]
    pub label: Option<String>,
    /// ISO date.
    #[serde(default)]
    pub published: Option<String>,
    /// The article document, relative to the SPA page.
    pub src: String,
    /// A picture, relative to the SPA page.
    #[serde(default)]
    pub image: Option<String>,
    /// Its text alternative.
    #[serde(default)]
    pub image_alt: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
struct DemoIndexDoc {
    articles: Vec<DemoEntry>,
}

fn parse_index(text: &str, _base: Option<&str>) -> Result<Rc<Vec<DemoEntry>>, SourceError> {
    let v = parse_json(text)?;
    serde_json::from_value::<DemoIndexDoc>(v)
        .map(|d| Rc::new(d.articles))
        .map_err(|e| SourceError::BadValue {
            path: "/articles".into(),
            reason: e.to_string(),
        })
}

/// The demo index: a card per demo article, linking to `?src=…`.
#[component]
pub fn DemoIndex() -> Html {
    let lang = Lang::default();
    let s = lang.strings();
    let _ = use_phase(); // the dates in the reader's own format once a hydrated page reads `Intl` again
    let locale = reader_locale(lang.code());
    let (load, retry) = use_document(Some(AttrValue::from(INDEX_URL)), parse_index);
    let body = match &*load {
        Load::Loading => loading(s.loading_article),
        Load::Failed(e) => error_box(s.article_failed, e, Some(retry), s),
        Load::Ready(entries) => html! {
            <ul class="spa-index__list">
                { for entries.iter().map(|e| html! {
                    <li class="spa-card">
                        <a class="spa-card__link" href={format!("?src={}", crate::source::share::encode_component(&e.src))}>
                            if let Some(img) = &e.image {
                                <img class="spa-card__image" src={img.clone()} alt={e.image_alt.clone().unwrap_or_default()} width="1200" height="675" />
                            }
                            <span class="spa-card__text">
                                if let Some(label) = &e.label { <span class="spa-card__label">{ label.clone() }</span> }
                                <span class="spa-card__title">{ e.title.clone() }</span>
                                if let Some(sf) = &e.standfirst { <span class="spa-card__standfirst">{ sf.clone() }</span> }
                                if let Some(t) = e.published.as_deref().and_then(parse_iso8601) {
                                    <span class="spa-card__date">{ local_time(&t, false, &locale) }</span>
                                }
                            </span>
                        </a>
                    </li>
                }) }
            </ul>
        },
    };
    html! {
            <div class="folio spa-index" data-theme="auto">
                <h1 class="spa-index__title">{ s.demo_title }</h1>
                <p class="spa-index__intro">{ s.demo_intro }</p>
                { body }
            </div>
    }
}
