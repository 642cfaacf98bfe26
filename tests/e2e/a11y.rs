//! Accessibility: axe-core (installed by scripts/install-tools.sh from npm) is injected into the rendered pages and
//! must report zero WCAG 2.2 A/AA violations — the article, the thread with its forms open, both themes, the
//! reader controls with the Mastodon dialog open (light and dark, left to right and right to left), the error
//! state, the demo index, the read-aloud player (light and dark, English and Arabic, "Audio only") and a live
//! article with its announcement, in Chromium and Firefox.

use std::path::PathBuf;
use std::process::Command;

use serde_json::Value;

use crate::support::thread::{open_article, open_index, wait_article, SEED, TRAINS};
use crate::support::{article_url, Browser, Server, Session};

/// The rule sets checked: every WCAG 2.0, 2.1 and 2.2 success criterion at levels A and AA that axe can test.
const TAGS: &str = "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']";

/// axe-core's browser bundle, from the global npm root.
fn axe_source() -> String {
    let root = Command::new("npm")
        .args(["root", "-g"])
        .output()
        .ok()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
        .unwrap_or_default();
    let path = PathBuf::from(root).join("axe-core/axe.min.js");
    std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "{}: {e} (scripts/install-tools.sh installs axe-core)",
            path.display()
        )
    })
}

/// Run axe on the current page and return its violations as "rule: target, …" lines.
async fn violations(s: &Session, axe: &str) -> Vec<String> {
    s.eval(&format!("{axe}\n;return true;")).await;
    let script = format!(
        "const done = arguments[arguments.length - 1];
         axe.run(document, {{ runOnly: {{ type: 'tag', values: {TAGS} }}, resultTypes: ['violations'] }})
            .then(r => done(r.violations.map(v => v.id + ' (' + v.impact + '): ' +
                  v.nodes.map(n => JSON.stringify(n.target) + ' ' + (n.failureSummary || '').replace(/\\s+/g, ' ')).join(' | '))))
            .catch(e => done(['axe failed: ' + e]));"
    );
    let found = s
        .client
        .execute_async(&script, vec![])
        .await
        .unwrap_or_else(|e| panic!("{:?}: axe did not run: {e}", s.browser));
    match found {
        Value::Array(list) => list
            .into_iter()
            .map(|v| v.as_str().unwrap_or_default().to_string())
            .collect(),
        other => vec![format!("unexpected axe answer {other}")],
    }
}

/// Assert that the current page has no violations.
async fn assert_clean(s: &Session, axe: &str, page: &str) {
    let found = violations(s, axe).await;
    assert!(
        found.is_empty(),
        "{:?} {page}: {} axe violation(s):\n{}",
        s.browser,
        found.len(),
        found.join("\n")
    );
}

// Every view a reader meets passes axe's WCAG 2.2 AA rules with zero violations.
#[tokio::test(flavor = "multi_thread")]
async fn every_view_passes_axe() {
    let server = Server::start();
    let axe = axe_source();
    for browser in Browser::ALL {
        let s = Session::start(browser).await;

        open_index(&s, &server).await;
        assert_clean(&s, &axe, "demo index").await;
        // The oracle works: an image without alt text added to the page is reported.
        s.eval("const i = document.createElement('img'); i.id = 'a11y-probe'; i.src = 'data:,'; document.body.append(i);")
            .await;
        let found = violations(&s, &axe).await;
        assert!(
            found.iter().any(|v| v.starts_with("image-alt")),
            "{browser:?}: axe did not see a missing alt: {found:?}"
        );
        s.eval("document.getElementById('a11y-probe').remove()")
            .await;

        open_article(&s, &server, SEED).await;
        s.wait_for(
            "the compose form",
            "document.querySelector('form.folio-compose textarea')",
        )
        .await;
        assert_clean(&s, &axe, "seed article (light)").await;

        for theme in ["light", "dark"] {
            s.goto(&format!("{}&theme={theme}", article_url(&server, TRAINS)))
                .await;
            wait_article(&s).await;
            s.wait_for(
                "the thread",
                "document.querySelector('ol.folio-thread li article')",
            )
            .await;
            // A reply form open, and the compose form showing a validation error beside its field.
            s.eval("document.querySelector('.folio-thread .folio-comment__footer button').click()")
                .await;
            s.wait_for(
                "the reply form",
                "document.querySelector('form.folio-compose--reply textarea')",
            )
            .await;
            s.eval("document.querySelector('form.folio-compose:not(.folio-compose--reply) button[type=submit]').click()")
                .await;
            assert_clean(&s, &axe, &format!("threaded article ({theme})")).await;
        }

        // Reader controls and the share bar (issue 14): the display settings open and the Mastodon dialog open
        // (modal), in both themes, left to right and right to left.
        for (theme, lang) in [
            ("light", "en"),
            ("dark", "en"),
            ("light", "ar"),
            ("dark", "ar"),
        ] {
            s.goto(&format!(
                "{}&theme={theme}&lang={lang}",
                article_url(&server, SEED)
            ))
            .await;
            wait_article(&s).await;
            s.eval(
                "document.querySelector('details.folio-display').open = true; \
                    document.querySelector('button[data-network=mastodon]').click(); return 0",
            )
            .await;
            s.wait_for(
                "the Mastodon dialog",
                "document.querySelector('dialog[open]')",
            )
            .await;
            // With the field's error showing too.
            s.eval("document.querySelector('dialog button[type=submit]').click(); return 0")
                .await;
            s.wait_for(
                "the dialog's error",
                "document.querySelector('dialog [role=alert]')",
            )
            .await;
            assert_clean(&s, &axe, &format!("Mastodon dialog ({theme}, {lang})")).await;
        }

        s.goto(&article_url(&server, "no-such-article")).await;
        s.wait_for("the alert", "document.querySelector('[role=alert]')")
            .await;
        assert_clean(&s, &axe, "error state").await;
        s.close().await;
    }
}

// The read-aloud player, open and playing, passes axe in light and dark, left to right and right to left (Arabic
// interface), in the normal and the "Audio only" view — inside `<folio-reader>`'s shadow root, on the host page with
// the speech stub (issue 14).
#[tokio::test(flavor = "multi_thread")]
async fn read_aloud_player_passes_axe() {
    let server = crate::read_aloud::speech_server();
    let axe = axe_source();
    const ROOT: &str = "document.getElementById('r').shadowRoot";
    for browser in Browser::ALL {
        let s = Session::start(browser).await;
        crate::read_aloud::open_speech_page(&s, &server).await;
        s.eval(&format!(
            "{ROOT}.querySelector('.folio-listen__play').click()"
        ))
        .await;
        crate::read_aloud::wait_for_takeover(&s).await;
        for (lang, play) in [("en", "Pause"), ("ar", "إيقاف مؤقت")] {
            for theme in ["light", "dark"] {
                s.eval(&format!(
                    "const r = document.getElementById('r'); r.setAttribute('lang', '{lang}'); r.setAttribute('theme', '{theme}')"
                ))
                .await;
                s.wait_for(
                    "the player in that language and theme",
                    &format!(
                        "{ROOT}.querySelector('.folio-listen__play')?.getAttribute('aria-label') === '{play}' && \
                         {ROOT}.querySelector('.folio').dataset.theme === '{theme}'"
                    ),
                )
                .await;
                assert_clean(&s, &axe, &format!("read-aloud player ({lang}, {theme})")).await;
                s.eval(&format!(
                    "{ROOT}.querySelector('.folio-listen__only').click()"
                ))
                .await;
                s.wait_for(
                    "the audio-only view",
                    &format!("{ROOT}.querySelector('.folio-listen__only').getAttribute('aria-pressed') === 'true'"),
                )
                .await;
                assert_clean(&s, &axe, &format!("audio-only view ({lang}, {theme})")).await;
                s.eval(&format!(
                    "{ROOT}.querySelector('.folio-listen__only').click()"
                ))
                .await;
            }
        }
        s.close().await;
    }
}

// Issue 14: a live article with its "N new updates" announcement showing passes axe too, light and LTR, dark and
// RTL (Arabic interface).
#[tokio::test(flavor = "multi_thread")]
async fn the_live_announcement_passes_axe() {
    use crate::live_article::{editor_server, post_entry, LIVE};
    let server = editor_server(&[]);
    let axe = axe_source();
    for browser in Browser::ALL {
        let s = Session::start(browser).await;
        for (theme, lang) in [("light", "en"), ("dark", "ar")] {
            s.goto(&format!(
                "{}&theme={theme}&lang={lang}",
                article_url(&server, LIVE)
            ))
            .await;
            s.wait_for(
                "the entries",
                "document.querySelector('.folio-liveblog .folio-entry')",
            )
            .await;
            tokio::time::sleep(std::time::Duration::from_secs(1)).await;
            post_entry(&server, &format!("Axe check {browser:?} {theme}")).await;
            s.wait_for(
                "the announcement",
                "document.querySelector('.folio-liveblog .folio-live__show')",
            )
            .await;
            assert_clean(&s, &axe, &format!("live article ({theme}, {lang})")).await;
        }
        s.close().await;
    }
}
