//! Read aloud (issue 14, "Audio Only") end to end: `<folio-reader>` on a host page that installs a stand-in for
//! `speechSynthesis` and its voices before Folio starts (tests/e2e/pages/speech.html and speech-stub.js: headless
//! browsers have no voices), driven from the keyboard inside the element's shadow root. Both browsers. The element
//! starts on the embed's lite module, which has no speech: Play goes through the full module (`folio:upgrade`).

use fantoccini::Locator;
use serde_json::{json, Value};

use crate::support::{Browser, Session, SiteServer};

const TITLE: &str = "Cuba and China Agree to Strengthen Military Cooperation";
/// The reader's shadow root, as a JavaScript expression.
const ROOT: &str = "document.getElementById('r').shadowRoot";
const ENTER: &str = "\u{E007}";

/// The server on a copy of the build with the host pages under /embed-test/.
pub fn speech_server() -> SiteServer {
    SiteServer::start("speech", &[("tests/e2e/pages", "embed-test")])
}

/// Open the speech host page and wait for the player (the stub's voices are there from the start).
pub async fn open_speech_page(s: &Session, server: &SiteServer) {
    s.goto(&format!("{}embed-test/speech.html", server.url))
        .await;
    s.wait_for(
        "the read-aloud player",
        &format!("{ROOT}?.querySelector('.folio-listen__play')"),
    )
    .await;
}

/// Wait until the full module's reader, which a Play on the lite module asked for, has taken the lite one's place.
pub async fn wait_for_takeover(s: &Session) {
    s.wait_for(
        "the full module's reader in place",
        &format!(
            "customElements.get('folio-reader').modules().join() === 'full,lite' \
             && {ROOT}.querySelectorAll('.folio-embed').length === 1 && {ROOT}.querySelector('.folio-reading')"
        ),
    )
    .await;
}

/// Press `key` on the element `css` inside the reader's shadow root, as a keyboard user does (WebDriver focuses it
/// and types).
async fn press(s: &Session, css: &str, key: &str) {
    let host = s
        .client
        .find(Locator::Css("#r"))
        .await
        .unwrap_or_else(|e| panic!("{:?}: no #r: {e}", s.browser));
    let shadow = host
        .shadow_root()
        .await
        .unwrap_or_else(|e| panic!("{:?}: no shadow root: {e}", s.browser));
    let el = shadow
        .find(Locator::Css(css))
        .await
        .unwrap_or_else(|e| panic!("{:?}: no {css}: {e}", s.browser));
    el.send_keys(key)
        .await
        .unwrap_or_else(|e| panic!("{:?}: keys to {css}: {e}", s.browser));
}

async fn spoken(s: &Session, i: usize) -> Value {
    s.eval(&format!("return window.__speech.log[{i}] || null"))
        .await
}

/// What is highlighted: its tag and the start of its text.
async fn reading(s: &Session) -> Value {
    s.eval(&format!(
        "const e = {ROOT}.querySelector('.folio-reading'); return e && [e.localName, e.textContent.slice(0, 30)]"
    ))
    .await
}

// Play speaks the headline in the article's language at normal speed and highlights it; the end of a piece moves on;
// next skips to the first paragraph; pause stops speech and keeps the place, resume speaks the rest from the last
// word; a new speed restarts there; "Audio only" hides all but the title, the player and the paragraph being read.
#[tokio::test(flavor = "multi_thread")]
async fn read_aloud_drives_speech_synthesis() {
    let server = speech_server();
    for browser in Browser::ALL {
        let s = Session::start(browser).await;
        open_speech_page(&s, &server).await;
        // The lite module offers the player but cannot speak: its Play hands the reader to the full module.
        assert_eq!(
            s.eval("return customElements.get('folio-reader').modules()")
                .await,
            json!(["lite"]),
            "{browser:?}"
        );

        press(&s, ".folio-listen__play", ENTER).await;
        // The full module's reader draws out of sight, starts reading, then takes the lite one's place with the
        // focus on its own Play button; the article was requested once, and the host page told once.
        s.wait_for(
            "the full module's reader in place, focused",
            &format!(
                "customElements.get('folio-reader').modules().join() === 'full,lite' \
                 && {ROOT}.querySelectorAll('.folio-embed').length === 1 \
                 && {ROOT}.activeElement?.matches('.folio-listen__play')"
            ),
        )
        .await;
        assert_eq!(
            s.eval(
                "return [performance.getEntriesByType('resource').filter(e => \
                 new URL(e.name).pathname === '/demo/articles/cuba-china-military-cooperation.json').length, window.__loaded]"
            )
            .await,
            json!([1, 1]),
            "{browser:?}: article requests, folio:loaded events"
        );
        s.wait_for("the headline spoken", "window.__speech.log.length === 1")
            .await;
        assert_eq!(
            spoken(&s, 0).await,
            json!({"text": TITLE, "lang": "en", "rate": 1, "voice": "Stub English"}),
            "{browser:?}"
        );
        assert_eq!(reading(&s).await[0], "h1", "{browser:?}");
        assert_eq!(
            s.eval(&format!(
                "return {ROOT}.querySelector('.folio-listen__play').getAttribute('aria-label')"
            ))
            .await,
            "Pause"
        );

        s.eval("window.__speech.finish()").await;
        s.wait_for("the standfirst spoken", "window.__speech.log.length === 2")
            .await;
        assert!(spoken(&s, 1).await["text"]
            .as_str()
            .unwrap_or("")
            .starts_with("China's defense minister"));
        s.wait_for(
            "the standfirst highlighted",
            &format!("{ROOT}.querySelector('.folio-standfirst.folio-reading')"),
        )
        .await;

        press(
            &s,
            ".folio-listen__button[aria-label='Next paragraph']",
            ENTER,
        )
        .await;
        s.wait_for("paragraph 1 spoken", "window.__speech.log.length === 3")
            .await;
        let p1 = spoken(&s, 2).await["text"]
            .as_str()
            .unwrap_or("")
            .to_string();
        assert!(
            p1.starts_with("During an official state visit"),
            "{browser:?}: {p1}"
        );
        s.wait_for(
            "paragraph 1 highlighted",
            &format!("{ROOT}.querySelector('.folio-body > p') === {ROOT}.querySelector('.folio-reading')"),
        )
        .await;

        // Seven characters in ("During "), the reader pauses (Space on the same button): silence, place kept.
        s.eval("window.__speech.boundary(7)").await;
        press(&s, ".folio-listen__play", " ").await;
        s.wait_for(
            "paused",
            &format!(
                "{ROOT}.querySelector('.folio-listen__play').getAttribute('aria-label') === 'Play'"
            ),
        )
        .await;
        assert_eq!(
            s.eval("return window.__speech.current()").await,
            Value::Null
        );
        assert_eq!(reading(&s).await[0], "p", "{browser:?}: still marked");
        press(&s, ".folio-listen__play", ENTER).await;
        s.wait_for("resumed", "window.__speech.log.length === 4")
            .await;
        assert_eq!(spoken(&s, 3).await["text"], json!(p1[7..]), "{browser:?}");

        // 1.25×: the same word again, faster.
        s.eval(&format!(
            "const sel = {ROOT}.querySelector('.folio-listen__speed select'); sel.selectedIndex = 2; \
             sel.dispatchEvent(new Event('change', {{ bubbles: true }}))"
        ))
        .await;
        s.wait_for("faster", "window.__speech.log.length === 5")
            .await;
        assert_eq!(spoken(&s, 4).await["rate"], json!(1.25), "{browser:?}");
        assert_eq!(spoken(&s, 4).await["text"], json!(p1[7..]));

        press(&s, ".folio-listen__only", ENTER).await;
        s.wait_for(
            "the audio-only view",
            &format!("getComputedStyle({ROOT}.querySelector('.folio-hero')).display === 'none'"),
        )
        .await;
        let shown = s.eval(&format!(
            "const r = {ROOT}; const v = e => !!e && getComputedStyle(e).display !== 'none'; \
             return [v(r.querySelector('h1')), v(r.querySelector('.folio-listen')), v(r.querySelector('.folio-reading')), \
                     v(r.querySelector('.folio-body > p:nth-of-type(2)')), v(r.querySelector('.folio-share')), \
                     v(r.querySelector('.folio-comments')), r.querySelector('.folio-listen__only').getAttribute('aria-pressed')]"
        ))
        .await;
        assert_eq!(
            shown,
            json!([true, true, true, false, false, false, "true"]),
            "{browser:?}: title, player, paragraph being read; not the rest"
        );
        s.screenshot("read-aloud-audio-only").await;
        s.close().await;
    }
}
