//! Reader controls (issue 14): the reading time, the reader's own text size and theme (remembered, winning over
//! the host's theme), the reading-progress bar, and the share bar's Mastodon dialog. localStorage is shared by
//! every test of the run: each test clears the keys it reads first.

use std::rc::Rc;

use folio::components::share::{ShareBar, ShareBarProps};
use folio::config::Theme;
use folio::hooks::{Preloaded, MASTODON_KEY, TEXT_SIZE_KEY, THEME_KEY};
use folio::source::mapping::MappingChoice;
use folio::{Reader, ReaderConfig, ReaderProps};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;
use web_sys::{Element, HtmlElement, HtmlInputElement};

use crate::support::{all, one, render, text, wait_until};

const ARTICLE: &str = include_str!("../../demo/articles/night-trains-return.json");
const COMMENTS: &str = include_str!("../../demo/comments/night-trains-return.json");
const SRC: &str = "/folio-controls-test/missing.json";

fn storage() -> web_sys::Storage {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .expect("localStorage")
}

fn stored(key: &str) -> Option<String> {
    storage().get_item(key).ok().flatten()
}

fn forget(keys: &[&str]) {
    for k in keys {
        let _ = storage().remove_item(k);
    }
}

fn click(root: &Element, css: &str) {
    one(root, css)
        .dyn_into::<HtmlElement>()
        .expect("an HTML element")
        .click();
}

/// A reader of the night-trains demo, drawn from what a server read (no fetch), with the host's `theme`.
async fn reader(theme: Theme) -> Element {
    let pre = Preloaded::read(
        ARTICLE,
        "https://folio.example/demo/articles/night-trains-return.json",
        &MappingChoice::Auto,
        Some((
            COMMENTS,
            "https://folio.example/demo/comments/night-trains-return.json",
            &[],
        )),
    )
    .expect("the demo reads");
    let mut config = ReaderConfig::new(SRC);
    config.theme = theme;
    render::<Reader>(ReaderProps {
        config,
        on_loaded: Default::default(),
        on_error: Default::default(),
        on_comment_posted: Default::default(),
        preloaded: Some(Rc::new(pre)),
    })
    .await
}

/// The button of the display settings whose text is `label`.
fn option(root: &Element, label: &str) -> HtmlElement {
    all(root, ".folio-display__option")
        .into_iter()
        .find(|b| b.text_content().as_deref() == Some(label))
        .and_then(|b| b.dyn_into().ok())
        .unwrap_or_else(|| panic!("no option {label}: {}", root.inner_html()))
}

// The reading time sits under the byline, in minutes for the article's language, between the header and the body.
#[wasm_bindgen_test]
async fn reading_time_under_the_byline() {
    let root = reader(Theme::Auto).await;
    let shown = text(&root, ".folio-controls .folio-reading-time");
    assert!(shown.ends_with(" min read"), "{shown}");
    let minutes: u32 = shown
        .split(' ')
        .next()
        .and_then(|n| n.parse().ok())
        .expect("a number");
    assert!((1..=10).contains(&minutes), "{shown}");
    // Right after the header that holds the byline, before the share bar.
    let controls = one(&root, ".folio-controls");
    let before = controls
        .previous_element_sibling()
        .expect("something before");
    assert!(
        before.class_list().contains("folio-progress"),
        "{}",
        before.outer_html()
    );
    assert!(controls
        .next_element_sibling()
        .is_some_and(|e| e.class_list().contains("folio-share")));
}

// Nothing stored: the host's theme applies and is shown pressed; the reader's pick wins, is remembered, and a new
// reader starts with it even when its host says otherwise.
#[wasm_bindgen_test]
async fn theme_choice_wins_over_the_host_and_is_remembered() {
    forget(&[THEME_KEY]);
    let root = reader(Theme::Dark).await;
    let folio = one(&root, ".folio");
    assert_eq!(folio.get_attribute("data-theme").as_deref(), Some("dark"));
    assert_eq!(
        option(&root, "Dark")
            .get_attribute("aria-pressed")
            .as_deref(),
        Some("true")
    );
    assert_eq!(stored(THEME_KEY), None, "the host's default is not stored");
    option(&root, "Light").click();
    wait_until(&root, |r| {
        one(r, ".folio").get_attribute("data-theme").as_deref() == Some("light")
    })
    .await;
    assert_eq!(
        option(&root, "Light")
            .get_attribute("aria-pressed")
            .as_deref(),
        Some("true")
    );
    assert_eq!(
        option(&root, "Dark")
            .get_attribute("aria-pressed")
            .as_deref(),
        Some("false")
    );
    wait_until(&root, |_| stored(THEME_KEY).as_deref() == Some("light")).await;
    // The colours follow: the light background.
    let bg = web_sys::window()
        .and_then(|w| w.get_computed_style(&one(&root, ".folio")).ok().flatten())
        .and_then(|s| s.get_property_value("background-color").ok())
        .unwrap_or_default();
    assert_eq!(bg, "rgb(255, 253, 248)");

    let again = reader(Theme::Dark).await;
    assert_eq!(
        one(&again, ".folio").get_attribute("data-theme").as_deref(),
        Some("light")
    );
    forget(&[THEME_KEY]);
}

// Three text sizes: the body grows with "Large" and shrinks with "Small", and the choice is remembered.
#[wasm_bindgen_test]
async fn text_size_scales_the_body_and_is_remembered() {
    forget(&[TEXT_SIZE_KEY]);
    let root = reader(Theme::Auto).await;
    let size = |root: &Element| {
        web_sys::window()
            .and_then(|w| {
                w.get_computed_style(&one(root, ".folio-body"))
                    .ok()
                    .flatten()
            })
            .and_then(|s| s.get_property_value("font-size").ok())
            .and_then(|v| v.trim_end_matches("px").parse::<f64>().ok())
            .unwrap_or_default()
    };
    assert_eq!(
        one(&root, ".folio")
            .get_attribute("data-text-size")
            .as_deref(),
        Some("medium")
    );
    let medium = size(&root);
    assert!(medium > 10.0, "{medium}");
    option(&root, "Large").click();
    wait_until(&root, |r| size(r) > medium * 1.15).await;
    // Written from an effect, after the frame that shows it.
    wait_until(&root, |_| stored(TEXT_SIZE_KEY).as_deref() == Some("large")).await;
    option(&root, "Small").click();
    wait_until(&root, |r| size(r) < medium * 0.95).await;
    wait_until(&root, |_| stored(TEXT_SIZE_KEY).as_deref() == Some("small")).await;
    let again = reader(Theme::Auto).await;
    assert_eq!(
        one(&again, ".folio")
            .get_attribute("data-text-size")
            .as_deref(),
        Some("small")
    );
    forget(&[TEXT_SIZE_KEY]);
}

// The progress bar is named, starts within 0–100 and reads 100 once the article's end is in view, 0 at its top.
#[wasm_bindgen_test]
async fn progress_follows_scrolling() {
    let root = reader(Theme::Auto).await;
    crate::support::alone(&root);
    let bar = one(&root, "[role=progressbar]");
    assert_eq!(
        bar.get_attribute("aria-label").as_deref(),
        Some("Reading progress")
    );
    let article = one(&root, "article");
    article.scroll_into_view_with_bool(false);
    wait_until(&root, |r| {
        one(r, "[role=progressbar]")
            .get_attribute("aria-valuenow")
            .as_deref()
            == Some("100")
    })
    .await;
    // The bar's width follows (a custom property set through the CSSOM, which a strict `style-src` allows).
    let width = |r: &Element| {
        one(r, ".folio-progress__bar")
            .get_bounding_client_rect()
            .width()
            / one(r, ".folio-progress").get_bounding_client_rect().width()
    };
    wait_until(&root, |r| width(r) > 0.99).await;
    article.scroll_into_view_with_bool(true);
    wait_until(&root, |r| {
        one(r, "[role=progressbar]")
            .get_attribute("aria-valuenow")
            .as_deref()
            == Some("0")
    })
    .await;
}

/// Replace `window.open` with a recorder for the duration of a test (the dialog opens the share page in a tab).
struct OpenStub(JsValue);

impl OpenStub {
    fn install() -> Self {
        let window = web_sys::window().expect("window");
        let original = js_sys::Reflect::get(&window, &"open".into()).expect("window.open");
        let stub = js_sys::Function::new_with_args("u", "window.__folioOpened = u; return null;");
        let _ = js_sys::Reflect::set(&window, &"open".into(), &stub);
        let _ = js_sys::Reflect::set(&window, &"__folioOpened".into(), &JsValue::NULL);
        OpenStub(original)
    }

    fn opened(&self) -> Option<String> {
        let window = web_sys::window().expect("window");
        js_sys::Reflect::get(&window, &"__folioOpened".into())
            .ok()?
            .as_string()
    }
}

impl Drop for OpenStub {
    fn drop(&mut self) {
        if let Some(w) = web_sys::window() {
            let _ = js_sys::Reflect::set(&w, &"open".into(), &self.0);
        }
    }
}

fn type_into(root: &Element, css: &str, value: &str) {
    let input: HtmlInputElement = one(root, css).dyn_into().expect("input");
    input.set_value(value);
    let _ = input.dispatch_event(&web_sys::Event::new("input").expect("event"));
}

fn share_bar() -> ShareBarProps {
    ShareBarProps {
        url: "https://news.example/a?b=1".into(),
        title: "Night trains".into(),
    }
}

// First click: a modal dialog asks for the server; a bad name is refused with a message tied to the field; a good
// one is remembered and its share page opened; afterwards Mastodon is a plain link with a "change" button.
#[wasm_bindgen_test]
async fn mastodon_dialog_asks_once_and_remembers() {
    forget(&[MASTODON_KEY]);
    let stub = OpenStub::install();
    let root = render::<ShareBar>(share_bar()).await;
    assert!(all(&root, "a[data-network=mastodon]").is_empty());
    let ask = one(&root, "button[data-network=mastodon]");
    assert_eq!(
        ask.get_attribute("aria-label").as_deref(),
        Some("Share on Mastodon")
    );
    assert_eq!(
        ask.get_attribute("aria-haspopup").as_deref(),
        Some("dialog")
    );
    click(&root, "button[data-network=mastodon]");
    wait_until(&root, |r| {
        r.query_selector("dialog[open]").ok().flatten().is_some()
    })
    .await;
    let dialog = one(&root, "dialog");
    let title = one(
        &root,
        &format!(
            "#{}",
            dialog.get_attribute("aria-labelledby").expect("labelled")
        ),
    );
    assert_eq!(title.text_content().as_deref(), Some("Share on Mastodon"));
    let input = one(&root, "dialog input");
    let label = one(&root, &format!("label[for='{}']", input.id()));
    assert_eq!(
        label.text_content().as_deref(),
        Some("Your Mastodon server")
    );

    type_into(&root, "dialog input", "not a server");
    click(&root, "dialog button[type=submit]");
    wait_until(&root, |r| {
        r.query_selector("dialog [role=alert]")
            .ok()
            .flatten()
            .is_some()
    })
    .await;
    assert!(text(&root, "dialog [role=alert]").contains("mastodon.social"));
    assert_eq!(
        one(&root, "dialog input")
            .get_attribute("aria-invalid")
            .as_deref(),
        Some("true")
    );
    assert_eq!(stub.opened(), None);
    assert_eq!(stored(MASTODON_KEY), None);

    type_into(&root, "dialog input", " https://Fosstodon.org/ ");
    click(&root, "dialog button[type=submit]");
    wait_until(&root, |r| {
        r.query_selector("dialog").ok().flatten().is_none()
    })
    .await;
    let expected =
        "https://fosstodon.org/share?text=Night%20trains%20https%3A%2F%2Fnews.example%2Fa%3Fb%3D1";
    assert_eq!(stub.opened().as_deref(), Some(expected));
    wait_until(&root, |_| {
        stored(MASTODON_KEY).as_deref() == Some("fosstodon.org")
    })
    .await;
    let link = one(&root, "a[data-network=mastodon]");
    assert_eq!(link.get_attribute("href").as_deref(), Some(expected));
    assert_eq!(
        link.get_attribute("rel").as_deref(),
        Some("noopener noreferrer")
    );
    let change = one(&root, ".folio-share__change");
    assert_eq!(
        change.get_attribute("aria-label").as_deref(),
        Some("Change Mastodon server (fosstodon.org)")
    );
    // Focus came back to the bar, on the new link.
    let active = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.active_element());
    assert_eq!(active.as_ref(), Some(&link));

    // A new bar uses the remembered server at once.
    let again = render::<ShareBar>(share_bar()).await;
    assert_eq!(
        one(&again, "a[data-network=mastodon]")
            .get_attribute("href")
            .as_deref(),
        Some(expected)
    );
    forget(&[MASTODON_KEY]);
}

// "Change" reopens the dialog with the remembered server; Cancel closes it and keeps the old one.
#[wasm_bindgen_test]
async fn mastodon_server_can_be_changed_or_kept() {
    let _ = storage().set_item(MASTODON_KEY, "mas.to");
    let stub = OpenStub::install();
    let root = render::<ShareBar>(share_bar()).await;
    click(&root, ".folio-share__change");
    wait_until(&root, |r| {
        r.query_selector("dialog[open]").ok().flatten().is_some()
    })
    .await;
    let input: HtmlInputElement = one(&root, "dialog input").dyn_into().expect("input");
    assert_eq!(input.value(), "mas.to");
    click(&root, "dialog button[type=button]");
    wait_until(&root, |r| {
        r.query_selector("dialog").ok().flatten().is_none()
    })
    .await;
    assert_eq!(stub.opened(), None);
    assert!(one(&root, "a[data-network=mastodon]")
        .get_attribute("href")
        .is_some_and(|h| h.starts_with("https://mas.to/share?")));

    click(&root, ".folio-share__change");
    wait_until(&root, |r| {
        r.query_selector("dialog[open]").ok().flatten().is_some()
    })
    .await;
    type_into(&root, "dialog input", "@me@social.example");
    click(&root, "dialog button[type=submit]");
    wait_until(&root, |_| {
        stored(MASTODON_KEY).as_deref() == Some("social.example")
    })
    .await;
    assert!(stub
        .opened()
        .is_some_and(|u| u.starts_with("https://social.example/share?text=")));
    forget(&[MASTODON_KEY]);
}

// A value someone else wrote into storage is checked like typed input: not a host name, not used.
#[wasm_bindgen_test]
async fn a_stored_bad_server_is_ignored() {
    let _ = storage().set_item(MASTODON_KEY, "evil.example/phish?x=");
    let root = render::<ShareBar>(share_bar()).await;
    // Reduced to its host name, as typed input would be.
    assert!(one(&root, "a[data-network=mastodon]")
        .get_attribute("href")
        .is_some_and(|h| h.starts_with("https://evil.example/share?text=")));
    let _ = storage().set_item(MASTODON_KEY, "javascript:alert(1)");
    let root = render::<ShareBar>(share_bar()).await;
    assert!(all(&root, "a[data-network=mastodon]").is_empty());
    forget(&[MASTODON_KEY]);
}
