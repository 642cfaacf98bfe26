//! The read-aloud player (issue 14, "Audio Only") in a real browser, inside a shadow root as in the embed, with the
//! speech stub of the end-to-end tests (`tests/e2e/pages/speech-stub.js`: headless browsers have no voices)
//! standing in for `speechSynthesis`, and a recording stand-in for `navigator.mediaSession`.

use std::rc::Rc;

use folio::components::article::ArticleView;
use folio::hooks::ReaderEnv;
use folio::i18n::Lang;
use folio::source::folio_json::parse_article;
use folio::styles::{adopt, StyleRoot};
use js_sys::Reflect;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;
use web_sys::{Element, HtmlElement, HtmlSelectElement, ShadowRootInit, ShadowRootMode};
use yew::prelude::*;

use crate::support::{fresh_root, wait_until};

const SEED: &str = include_str!("../../demo/articles/cuba-china-military-cooperation.json");
const BASE: &str = "http://127.0.0.1:1/demo/articles/cuba-china-military-cooperation.json";
const STUB: &str = include_str!("../e2e/pages/speech-stub.js");
const TITLE: &str = "Cuba and China Agree to Strengthen Military Cooperation";

/// Run JavaScript (the stubs, and reading what they recorded).
fn js(code: &str) -> JsValue {
    js_sys::Function::new_no_args(code)
        .call0(&JsValue::NULL)
        .unwrap_or_else(|e| panic!("{code}: {e:?}"))
}

/// Install a fresh speech stub (voices listed at once, or only on `__speech.loadVoices()`) and a Media Session
/// that records what it is given.
fn stub_speech(late_voices: bool) {
    js(&format!("window.__speechLateVoices = {late_voices};"));
    js(STUB);
    js(
        "Object.defineProperty(navigator, 'mediaSession', { configurable: true, value: {
          metadata: null, playbackState: 'none', handlers: {},
          setActionHandler(action, handler) { this.handlers[action] = handler; } } });",
    );
}

/// Record every `scrollIntoView` call (its element and options) in `window.__scrolled`, still scrolling. Where the
/// element ends up is the browser's business, and on a loaded machine other tests' pages move it: the test checks
/// what the player asks for.
fn spy_scrolls() {
    js("if (!window.__scrolled) {
          window.__scrolled = [];
          const scroll = Element.prototype.scrollIntoView;
          Element.prototype.scrollIntoView = function (options) {
            window.__scrolled.push([this, options]);
            return scroll.apply(this, arguments);
          };
        }");
}

/// Whether `el` was asked to scroll to the middle of the view (after [`spy_scrolls`]).
fn scrolled_to_center(el: &Element) -> bool {
    let window = web_sys::window().expect("window");
    Reflect::set(&window, &"__probe".into(), el).expect("set");
    js("return window.__scrolled.some(([el, o]) => el === window.__probe && o && o.block === 'center');")
        .as_bool()
        .unwrap_or(false)
}

/// Props of [`Host`].
#[derive(Properties, PartialEq)]
struct HostProps {
    article: Rc<folio::model::Article>,
    lang: Lang,
}

/// The article in a `.folio` box with an interface language, as the reader draws it.
#[component]
fn Host(props: &HostProps) -> Html {
    html! {
        <ContextProvider<ReaderEnv> context={ReaderEnv { lang: props.lang, ..ReaderEnv::default() }}>
            <div class="folio" dir={if props.lang.is_rtl() { "rtl" } else { "ltr" }}>
                <ArticleView article={props.article.clone()} />
            </div>
        </ContextProvider<ReaderEnv>>
    }
}

/// Render `json` for interface `lang` into a fresh open shadow root styled with Folio's sheet; the mount point.
/// Each player starts at the normal speed: a speed another test picked is forgotten first.
fn mount(json: &str, lang: Lang) -> Element {
    js("localStorage.removeItem('folio:speech-rate');");
    mount_keeping_speed(json, lang)
}

/// [`mount`], with whatever speed is remembered.
fn mount_keeping_speed(json: &str, lang: Lang) -> Element {
    let article = Rc::new(parse_article(json, Some(BASE)).expect("article parses"));
    let shadow = fresh_root()
        .attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))
        .expect("attachShadow");
    adopt(&StyleRoot::Shadow(shadow.clone()));
    let document = web_sys::window()
        .and_then(|w| w.document())
        .expect("document");
    let div = document.create_element("div").expect("div");
    shadow.append_child(&div).expect("append");
    yew::Renderer::<Host>::with_root_and_props(div.clone(), HostProps { article, lang }).render();
    div
}

fn find(root: &Element, css: &str) -> Option<Element> {
    root.query_selector(css).ok().flatten()
}

fn click(root: &Element, css: &str) {
    find(root, css)
        .and_then(|e| e.dyn_into::<HtmlElement>().ok())
        .unwrap_or_else(|| panic!("no {css}"))
        .click();
}

/// The `i`-th utterance the stub was given, as `[text, lang, rate, voice]`.
fn spoken(i: u32) -> Option<(String, String, f64, String)> {
    let entry = js(&format!("return window.__speech.log[{i}] || null;"));
    if entry.is_null() {
        return None;
    }
    let get = |k: &str| Reflect::get(&entry, &JsValue::from_str(k)).unwrap_or(JsValue::NULL);
    Some((
        get("text").as_string().unwrap_or_default(),
        get("lang").as_string().unwrap_or_default(),
        get("rate").as_f64().unwrap_or(0.0),
        get("voice").as_string().unwrap_or_default(),
    ))
}

fn logged() -> u32 {
    js("return window.__speech.log.length;")
        .as_f64()
        .unwrap_or(0.0) as u32
}

fn reading_text(root: &Element) -> String {
    find(root, ".folio-reading")
        .and_then(|e| e.text_content())
        .unwrap_or_default()
}

fn play_label(root: &Element) -> String {
    find(root, ".folio-listen__play")
        .and_then(|b| b.get_attribute("aria-label"))
        .unwrap_or_default()
}

/// The player's speed menu.
fn speed_menu(root: &Element) -> HtmlSelectElement {
    find(root, ".folio-listen__speed select")
        .and_then(|e| e.dyn_into().ok())
        .expect("the speed menu")
}

/// Choose speed `i` in the menu, as a reader does (the menu reads it on `change`).
fn pick_speed(select: &HtmlSelectElement, i: i32) {
    select.set_selected_index(i);
    select
        .dispatch_event(&web_sys::Event::new("change").expect("event"))
        .expect("dispatch");
}

fn display(el: &Element) -> String {
    web_sys::window()
        .and_then(|w| w.get_computed_style(el).ok().flatten())
        .and_then(|cs| cs.get_property_value("display").ok())
        .unwrap_or_default()
}

// Play speaks the headline in the article's language with its voice, highlights it, goes on to the next piece when
// one ends; next skips a paragraph; pause keeps the word and resume speaks the rest; a new speed restarts there.
#[wasm_bindgen_test]
async fn plays_highlights_skips_pauses_and_resumes() {
    stub_speech(false);
    spy_scrolls();
    let root = mount(SEED, Lang::En);
    wait_until(&root, |r| find(r, ".folio-listen__play").is_some()).await;
    assert_eq!(play_label(&root), "Play");
    assert_eq!(
        find(&root, ".folio-reading"),
        None,
        "nothing highlighted before play"
    );
    let before = logged();

    click(&root, ".folio-listen__play");
    wait_until(&root, |_| logged() == before + 1).await;
    let (text, lang, rate, voice) = spoken(before).expect("an utterance");
    assert_eq!(
        (text.as_str(), lang.as_str(), rate, voice.as_str()),
        (TITLE, "en", 1.0, "Stub English")
    );
    wait_until(&root, |r| reading_text(r) == TITLE).await;
    assert_eq!(play_label(&root), "Pause");

    // The headline ends: the standfirst is read and highlighted.
    js("window.__speech.finish();");
    wait_until(&root, |r| {
        find(r, ".folio-standfirst.folio-reading").is_some()
    })
    .await;
    assert!(spoken(before + 1).is_some_and(|s| s.0.starts_with("China's defense minister")));

    // Next: the first paragraph, highlighted and scrolled into view.
    click(&root, ".folio-listen__button[aria-label='Next paragraph']");
    wait_until(&root, |_| logged() == before + 3).await;
    let first = spoken(before + 2).expect("paragraph 1").0;
    assert!(
        first.starts_with("During an official state visit"),
        "{first}"
    );
    let p1 = find(&root, ".folio-body > p").expect("a paragraph");
    wait_until(&root, |_| p1.class_list().contains("folio-reading")).await;
    wait_until(&root, |_| scrolled_to_center(&p1)).await;

    // A word boundary, then pause: speech is cancelled and the place kept (still highlighted).
    js("window.__speech.boundary(7);");
    click(&root, ".folio-listen__play");
    wait_until(&root, |r| play_label(r) == "Play").await;
    assert!(
        p1.class_list().contains("folio-reading"),
        "the place stays marked"
    );
    assert_eq!(
        js("return window.__speech.current();"),
        JsValue::NULL,
        "silent"
    );
    click(&root, ".folio-listen__play");
    wait_until(&root, |_| logged() == before + 4).await;
    assert_eq!(spoken(before + 3).expect("resumed").0, first[7..]);

    // Faster: the same word again, at 1.5.
    let select = speed_menu(&root);
    pick_speed(&select, 3);
    wait_until(&root, |_| logged() == before + 5).await;
    let (text, _, rate, _) = spoken(before + 4).expect("faster");
    assert_eq!((text.as_str(), rate), (&first[7..], 1.5));
    click(&root, ".folio-listen__play");
}

// The lock screen: the Media Session shows the headline, the author and the hero, follows play and pause, and its
// buttons drive the player.
#[wasm_bindgen_test]
async fn media_session_shows_and_drives_the_player() {
    stub_speech(false);
    let root = mount(SEED, Lang::En);
    wait_until(&root, |r| find(r, ".folio-listen__play").is_some()).await;
    let before = logged();
    click(&root, ".folio-listen__play");
    wait_until(&root, |_| {
        js("return navigator.mediaSession.playbackState") == "playing"
    })
    .await;
    let meta = js("const m = navigator.mediaSession.metadata; return [m.title, m.artist, m.artwork[0].src].join('|');");
    let meta = meta.as_string().unwrap_or_default();
    assert!(
        meta.starts_with(&format!("{TITLE}|teleSUR|http"))
            && meta.ends_with("/demo/images/havana-meeting.svg"),
        "{meta}"
    );
    js("navigator.mediaSession.handlers.nexttrack();");
    wait_until(&root, |r| {
        find(r, ".folio-standfirst.folio-reading").is_some()
    })
    .await;
    assert!(spoken(before + 1).is_some_and(|s| s.0.starts_with("China's defense minister")));
    js("navigator.mediaSession.handlers.pause();");
    wait_until(&root, |r| play_label(r) == "Play").await;
    assert_eq!(js("return navigator.mediaSession.playbackState"), "paused");
}

// Voices that arrive late (Chromium lists them after `voiceschanged`) bring the player; an article in a language
// with no voice falls back to the interface language's voice; with neither, there is no player.
#[wasm_bindgen_test]
async fn voices_late_fallback_and_none() {
    stub_speech(true);
    let root = mount(SEED, Lang::En);
    wait_until(&root, |r| find(r, "article h1").is_some()).await;
    assert!(
        find(&root, ".folio-listen").is_none(),
        "no voice yet: no player"
    );
    js("window.__speech.loadVoices();");
    wait_until(&root, |r| find(r, ".folio-listen__play").is_some()).await;

    let german = SEED.replacen("\"lang\": \"en\"", "\"lang\": \"de\"", 1);
    let spanish_ui = mount(&german, Lang::Es);
    wait_until(&spanish_ui, |r| find(r, ".folio-listen__play").is_some()).await;
    assert_eq!(play_label(&spanish_ui), "Reproducir");
    let before = logged();
    click(&spanish_ui, ".folio-listen__play");
    wait_until(&spanish_ui, |_| logged() == before + 1).await;
    let (_, lang, _, voice) = spoken(before).expect("an utterance");
    assert_eq!((lang.as_str(), voice.as_str()), ("es", "Stub Spanish"));
    click(&spanish_ui, ".folio-listen__play");

    let french_ui = mount(&german, Lang::Fr);
    wait_until(&french_ui, |r| find(r, "article h1").is_some()).await;
    // Give the voices effect its turn, then check that it found nothing to offer.
    gloo_timers::future::TimeoutFuture::new(50).await;
    assert!(find(&french_ui, ".folio-listen").is_none());
}

// "Audio only" leaves the title, the player and the piece being read: the switch is pressed, the rest is hidden.
// In Arabic the player is labelled in Arabic and laid out right to left.
#[wasm_bindgen_test]
async fn audio_only_view_in_rtl() {
    stub_speech(false);
    let root = mount(SEED, Lang::Ar);
    wait_until(&root, |r| find(r, ".folio-listen__only").is_some()).await;
    let listen = find(&root, ".folio-listen").expect("player");
    assert_eq!(listen.get_attribute("dir").as_deref(), Some("rtl"));
    assert_eq!(play_label(&root), "تشغيل");
    click(&root, ".folio-listen__button[aria-label='الفقرة التالية']");
    click(&root, ".folio-listen__button[aria-label='الفقرة التالية']");
    wait_until(&root, |r| {
        find(r, ".folio-body > p.folio-reading").is_some()
    })
    .await;
    click(&root, ".folio-listen__only");
    wait_until(&root, |r| {
        find(r, ".folio-listen__only")
            .and_then(|b| b.get_attribute("aria-pressed"))
            .as_deref()
            == Some("true")
    })
    .await;
    let shown = |css: &str| find(&root, css).map(|e| display(&e) != "none");
    assert_eq!(shown("h1"), Some(true));
    assert_eq!(shown(".folio-listen"), Some(true));
    assert_eq!(shown(".folio-body > p.folio-reading"), Some(true));
    assert_eq!(shown(".folio-body > p:not(.folio-reading)"), Some(false));
    assert_eq!(shown(".folio-hero"), Some(false));
    assert_eq!(shown(".folio-meta"), Some(false));
    assert_eq!(shown(".folio-related"), Some(false));
    click(&root, ".folio-listen__only");
    wait_until(&root, |r| {
        find(r, ".folio-hero").is_some_and(|h| display(&h) != "none")
    })
    .await;
}

// An article with an audio edition gets the browser's <audio controls>, fetched only on play, and no speech controls.
#[wasm_bindgen_test]
async fn audio_edition_uses_the_audio_element() {
    stub_speech(false);
    let with_audio = SEED.replacen(
        "\"live\"",
        "\"audio\": \"https://folio.example/audio/seed.ogg\", \"live\"",
        1,
    );
    let root = mount(&with_audio, Lang::En);
    wait_until(&root, |r| find(r, ".folio-listen audio").is_some()).await;
    let audio = find(&root, ".folio-listen audio").expect("audio");
    assert_eq!(audio.get_attribute("preload").as_deref(), Some("none"));
    assert!(audio.has_attribute("controls"));
    assert!(find(&root, ".folio-listen__play").is_none());
    assert!(find(&root, ".folio-listen__only").is_some());
}

// The speed a reader picks is remembered for the site: a new player starts at it (the menu shows it and the first
// utterance uses it); a stored value that is no speed leaves the normal one.
#[wasm_bindgen_test]
async fn the_speed_is_remembered() {
    stub_speech(false);
    let root = mount(SEED, Lang::En);
    wait_until(&root, |r| find(r, ".folio-listen__speed select").is_some()).await;
    let select = speed_menu(&root);
    pick_speed(&select, 3);
    wait_until(&root, |_| {
        js("return localStorage.getItem('folio:speech-rate');").as_string() == Some("1.5".into())
    })
    .await;

    stub_speech(false);
    let again = mount_keeping_speed(SEED, Lang::En);
    wait_until(&again, |r| find(r, ".folio-listen__speed select").is_some()).await;
    let select = speed_menu(&again);
    assert_eq!(select.selected_index(), 3, "the remembered speed is shown");
    let before = logged();
    click(&again, ".folio-listen__play");
    wait_until(&again, |_| logged() > before).await;
    let (_, _, rate, _) = spoken(before).expect("an utterance");
    assert_eq!(rate, 1.5, "and spoken at");
    click(&again, ".folio-listen__play");

    js("localStorage.setItem('folio:speech-rate', 'fast');");
    stub_speech(false);
    let third = mount_keeping_speed(SEED, Lang::En);
    wait_until(&third, |r| find(r, ".folio-listen__speed select").is_some()).await;
    let select = speed_menu(&third);
    assert_eq!(select.selected_index(), 1, "normal speed");
    js("localStorage.removeItem('folio:speech-rate');");
}
