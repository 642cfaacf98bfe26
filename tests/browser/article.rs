//! The article components draw the seed article with the required markup.

use std::rc::Rc;

use folio::components::article::{ArticleView, ArticleViewProps};
use folio::components::share::{ShareBar, ShareBarProps};
use folio::source::folio_json::parse_article;
use wasm_bindgen_test::wasm_bindgen_test;
use yew::prelude::*;

use crate::support::{all, one, render, text};

const SEED: &str = include_str!("../../demo/articles/cuba-china-military-cooperation.json");
const BASE: &str = "http://127.0.0.1:1/demo/articles/cuba-china-military-cooperation.json";

fn seed_props() -> ArticleViewProps {
    let article = parse_article(SEED, Some(BASE)).expect("seed parses");
    ArticleViewProps {
        article: Rc::new(article),
        children: Html::default(),
        live: None,
        on_show_updates: Callback::noop(),
    }
}

// The article is an <article> whose title is the page's only <h1>, with the breadcrumb as a labelled nav of links.
#[wasm_bindgen_test]
async fn article_title_and_breadcrumb() {
    let root = render::<ArticleView>(seed_props()).await;
    assert_eq!(all(&root, "article h1").len(), 1);
    assert_eq!(
        text(&root, "article h1"),
        "Cuba and China Agree to Strengthen Military Cooperation"
    );
    let crumbs: Vec<String> = all(&root, "nav[aria-label=Breadcrumb] a")
        .iter()
        .filter_map(|a| a.text_content())
        .collect();
    assert_eq!(crumbs, ["News", "Latin America"]);
}

// Dates are <time datetime> with a localised text; the seed's date-only value stays on its day.
#[wasm_bindgen_test]
async fn published_date_is_a_time_element() {
    let root = render::<ArticleView>(seed_props()).await;
    let t = one(&root, ".folio-dates__published time");
    assert_eq!(t.get_attribute("datetime").as_deref(), Some("2017-03-31"));
    let shown = t.text_content().unwrap_or_default();
    assert!(shown.contains("31") && shown.contains("2017"), "{shown}");
}

// The hero is a <figure> with <img alt> and a <figcaption> holding caption and credit.
#[wasm_bindgen_test]
async fn hero_figure() {
    let root = render::<ArticleView>(seed_props()).await;
    let img = one(&root, "figure.folio-hero > img");
    assert!(img.get_attribute("alt").is_some_and(|a| !a.is_empty()));
    assert!(
        img.get_attribute("width").is_some() && img.get_attribute("height").is_some(),
        "no layout shift"
    );
    let caption = text(&root, "figure.folio-hero > figcaption");
    assert!(
        caption.contains("Sept 2016") && caption.contains("Photo: AFP"),
        "{caption}"
    );
}

// The body keeps its paragraphs, and the related block sits after the first one.
#[wasm_bindgen_test]
async fn body_with_related_block() {
    let root = render::<ArticleView>(seed_props()).await;
    assert_eq!(all(&root, ".folio-body > p").len(), 8);
    let aside = one(&root, ".folio-body > aside.folio-related");
    let before = aside.previous_element_sibling().expect("something before");
    assert_eq!(before, one(&root, ".folio-body > p"));
    assert!(aside
        .text_content()
        .unwrap_or_default()
        .contains("Cuba Doesn't Trust the US"));
}

// The share bar: plain links with accessible names carrying the URL (nine: Mastodon waits for the reader's
// server), an inline SVG icon in each hidden from assistive technology, and a copy-link button.
#[wasm_bindgen_test]
async fn share_bar_links() {
    if let Some(s) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) {
        let _ = s.remove_item(folio::hooks::MASTODON_KEY);
    }
    let props = ShareBarProps {
        url: "https://news.example/a?b=1".into(),
        title: "T & U".into(),
    };
    let root = render::<ShareBar>(props).await;
    let links = all(&root, "a[href]");
    assert_eq!(links.len(), 9);
    let keys: Vec<String> = links
        .iter()
        .filter_map(|a| a.get_attribute("data-network"))
        .collect();
    assert!(
        keys.iter().any(|k| k == "threads") && keys.iter().any(|k| k == "bluesky"),
        "{keys:?}"
    );
    for a in &links {
        let svg = one(a, "svg");
        assert_eq!(svg.get_attribute("aria-hidden").as_deref(), Some("true"));
        assert!(a
            .get_attribute("href")
            .unwrap_or_default()
            .contains("https%3A%2F%2Fnews.example%2Fa%3Fb%3D1"));
        assert!(a.get_attribute("aria-label").is_some_and(|l| !l.is_empty()));
        assert_eq!(
            a.get_attribute("rel").as_deref(),
            Some("noopener noreferrer")
        );
    }
    assert!(all(&root, "button")
        .iter()
        .any(|b| b.text_content().unwrap_or_default() == "Copy link"));
}

// Issue 14: the demo's live article draws its entries newest first, each an anchored <li> with time, author and
// body (a title as <h3> where it has one); an entry that arrived waits behind the polite "1 new update" button,
// which asks for it; the badge says when the last update came.
#[wasm_bindgen_test]
async fn live_blog_entries_and_announcement() {
    use folio::source::folio_json::read_entry;
    use folio::state::{LiveAction, LiveState};
    use std::cell::Cell;

    const LIVE: &str = include_str!("../../demo/articles/harbour-storm-live.json");
    let article = Rc::new(parse_article(LIVE, Some(BASE)).expect("the live demo parses"));
    let arrived = read_entry(
        r#"{"id": "e9", "published": "2026-03-01T09:30:00Z", "author": "Desk", "body": "<p>Harbour reopens</p>"}"#,
        Some(BASE),
    )
    .expect("an entry");
    let live = LiveState::new(&article).apply(LiveAction::Received(vec![arrived]));
    let asked = Rc::new(Cell::new(0));
    let root = render::<ArticleView>(ArticleViewProps {
        article,
        children: Html::default(),
        live: Some(live),
        on_show_updates: {
            let asked = asked.clone();
            Callback::from(move |()| asked.set(asked.get() + 1))
        },
    })
    .await;
    let ids: Vec<String> = all(&root, ".folio-liveblog li.folio-entry")
        .iter()
        .map(|e| e.id())
        .collect();
    assert_eq!(
        ids,
        ["entry-s3", "entry-s2", "entry-s1"],
        "newest first, e9 waits"
    );
    assert_eq!(text(&root, "#entry-s1 h3"), "Red warning in force");
    assert_eq!(text(&root, "#entry-s2 .folio-entry__author"), "Lea Moreau");
    assert!(text(&root, "#entry-s2 .folio-entry__body").contains("sailings are cancelled"));
    let region = one(&root, ".folio-liveblog .folio-live");
    assert_eq!(region.get_attribute("role").as_deref(), Some("status"));
    assert_eq!(region.get_attribute("aria-live").as_deref(), Some("polite"));
    assert_eq!(
        text(&root, ".folio-liveblog .folio-live__count"),
        "1 new update"
    );
    let last = one(&root, ".folio-live__last time");
    assert_eq!(
        last.get_attribute("datetime").as_deref(),
        Some("2026-03-01T09:30:00Z")
    );
    let button: web_sys::HtmlElement =
        wasm_bindgen::JsCast::unchecked_into(one(&root, ".folio-live__show"));
    button.click();
    assert_eq!(asked.get(), 1);
}
