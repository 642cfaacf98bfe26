//! Server rendering (issue 15), end to end in Chromium and Firefox: `GET /read/{id}` arrives with the article and
//! its comments in the HTML, the SPA hydrates it (takes the server's nodes over, draws nothing twice) and the
//! reader can post — for the server's own articles and for another site's (`/read?src=…`, through a preset or a
//! mapping document); `<folio-reader>` hides the
//! fallback copy a host put inside it once the widget starts.

use std::sync::{Arc, Mutex};

use crate::support::api::stored_with_body;
use crate::support::loopback::Loopback;
use crate::support::thread::{mine, unique, FORM, TRAINS};
use crate::support::wordpress::{self, Store, POST_ID};
use crate::support::{Browser, Server, Session, SiteServer};

// The rendered page of the trains article: the server's markup is there, the SPA takes it over without drawing
// it again (hydration: the same nodes before and after, none removed; the dates become the reader's own), and a
// comment typed into it before the takeover is kept and posts. The test build holds hydration until the page fires
// `folio-test-hydrate` (`?folio-test-hold`), so the server's nodes can be marked before the browser takes them.
#[tokio::test(flavor = "multi_thread")]
async fn rendered_page_is_hydrated_and_takes_comments() {
    let server = Server::start();
    for browser in Browser::ALL {
        let s = Session::start(browser).await;
        s.goto(&format!("{}read/{TRAINS}?folio-test-hold", server.url))
            .await;
        assert!(
            s.eval("return document.title")
                .await
                .as_str()
                .is_some_and(|t| t.starts_with("Night trains are back")),
            "{browser:?}: the page's title is the article's"
        );
        assert!(
            mark_server_nodes(&s, "#comment-c1").await,
            "{browser:?}: the server drew the article and its comments, dates in UTC"
        );
        // A reader who starts a comment before the SPA has the page keeps what they typed.
        let text = unique(browser, "Typed before the takeover");
        s.type_into(&format!("{FORM} input[name=name]"), "Rhea")
            .await;
        s.type_into(&format!("{FORM} textarea[name=body]"), &text)
            .await;
        // The browser's own dates (Intl) replace the server's UTC ones once the SPA has the page. The signal is
        // sent again on every poll: the module may not be listening yet (a once-only listener ignores repeats).
        s.wait_for(
            "the hydrated reader",
            "(() => { window.dispatchEvent(new Event('folio-test-hydrate')); \
              const t = document.querySelector('#comment-c1 time'); \
              return t && !t.textContent.endsWith('UTC'); })()",
        )
        .await;
        assert_same_nodes(&s, browser, "#comment-c1").await;
        assert_eq!(
            s.eval("return document.querySelectorAll('h1').length")
                .await,
            1,
            "{browser:?}: one article, not the server's and the SPA's"
        );
        // The typed text is in the form and in its state: sent as it is, it posts.
        s.wait_for(
            "the typed comment given back to the form",
            &format!(
                "document.querySelector('{FORM} textarea[name=body]').value === {text:?} && \
                 document.querySelector('{FORM} input[name=name]').value === 'Rhea'"
            ),
        )
        .await;
        s.click(&format!("{FORM} button[type=submit]")).await;
        let find = mine(&text);
        s.wait_for(
            "the comment typed before the takeover, posted",
            &format!("{find} && {find}.querySelector('.folio-own__edit')"),
        )
        .await;
        assert_eq!(stored_with_body(&server, &text).await, 1, "{browser:?}");
        s.close().await;
    }
}

// A host's fallback copy inside `<folio-reader>` stays in the page for crawlers but is not drawn once the widget
// has started: only the widget's article is visible.
#[tokio::test(flavor = "multi_thread")]
async fn embed_fallback_is_replaced_by_the_widget() {
    let server = SiteServer::start("fallback", &[("tests/e2e/pages", "embed-test")]);
    for browser in Browser::ALL {
        let s = Session::start(browser).await;
        s.goto(&format!("{}embed-test/fallback.html", server.url))
            .await;
        s.wait_for(
            "the widget's article",
            "document.getElementById('r')?.shadowRoot?.querySelector('h1')?.textContent.includes('Cuba and China')",
        )
        .await;
        assert_eq!(
            s.eval("return document.getElementById('copy').getClientRects().length")
                .await,
            0,
            "{browser:?}: the fallback copy is not drawn"
        );
        assert!(
            s.eval("return document.getElementById('copy').textContent")
                .await
                .as_str()
                .is_some_and(|t| t.contains("Readable without script")),
            "{browser:?}: the copy is still in the document"
        );
        s.close().await;
    }
}

/// `value` for a query string: every byte but the unreserved ones percent-encoded.
fn encode(value: &str) -> String {
    value
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            b => format!("%{b:02X}"),
        })
        .collect()
}

/// Mark the server's article title and comment `comment` (a CSS selector) in a held page, and count every element
/// removed from the reader from now on; `true` when both are there with the server's UTC dates.
async fn mark_server_nodes(s: &Session, comment: &str) -> bool {
    let marked = s
        .eval(&format!(
            "const root = document.getElementById('folio-root'); \
             const h1 = root.querySelector('h1'); const c1 = root.querySelector('{comment}'); \
             if (!h1 || !c1) return false; \
             h1.folioServerNode = true; c1.folioServerNode = true; window.folioServerNodes = [h1, c1]; \
             window.folioRemoved = 0; \
             new MutationObserver(rs => rs.forEach(r => r.removedNodes.forEach(n => {{ \
               if (n.nodeType === 1) window.folioRemoved++; }}))) \
               .observe(root, {{ childList: true, subtree: true }}); \
             return root.querySelector('{comment} time').textContent.endsWith('UTC');"
        ))
        .await;
    marked == true
}

/// After the takeover: no element was removed, and the title and comment `comment` are the server's nodes.
async fn assert_same_nodes(s: &Session, browser: Browser, comment: &str) {
    assert_eq!(
        s.eval(&format!(
            "const root = document.getElementById('folio-root'); \
             return [window.folioRemoved, \
               window.folioServerNodes.every(n => n.isConnected && n.folioServerNode), \
               root.querySelector('h1') === window.folioServerNodes[0], \
               root.querySelector('{comment}') === window.folioServerNodes[1]]"
        ))
        .await,
        serde_json::json!([0, true, true, true]),
        "{browser:?}: no element removed, the title and {comment} are the server's nodes"
    );
}

// Another site's article (`GET /read?src=…`, a loopback WordPress listed with `--render-origin`), read through the
// `wordpress` preset and through the same preset given as an inline mapping document: the server draws it with its
// comments, the browser takes the page over without drawing it again (same nodes), and a comment posted from the
// taken-over page reaches WordPress.
#[tokio::test(flavor = "multi_thread")]
async fn another_sites_rendered_page_is_hydrated_and_posts_there() {
    let store = Arc::new(Mutex::new(Store::default()));
    let wp = {
        let store = store.clone();
        Loopback::start(move |req, stream| wordpress::wordpress(store.clone(), req, stream)).await
    };
    let origin = wp.origin.clone();
    let server = Server::start_serving_with(crate::support::dist(), |_| {
        vec![
            "--render-origin".into(),
            origin.clone(),
            "--render-allow-private".into(),
            origin.clone(),
        ]
    });
    let src = format!("{}/wp-json/wp/v2/posts/{POST_ID}", wp.origin);
    let mapping = include_str!("../../presets/wordpress.json");
    let query = |(key, value): (&str, &str)| {
        format!(
            "src={}&{key}={}&folio-test-hold",
            encode(&src),
            encode(value)
        )
    };
    for browser in Browser::ALL {
        for reading in [("preset", "wordpress"), ("mapping", mapping)] {
            let s = Session::start(browser).await;
            s.goto(&format!("{}read?{}", server.url, query(reading)))
                .await;
            assert!(
                mark_server_nodes(&s, "#comment-12").await,
                "{browser:?} {}: the server drew the post and its comments",
                reading.0
            );
            s.wait_for(
                "the taken-over page",
                "(() => { window.dispatchEvent(new Event('folio-test-hydrate')); \
                  return document.getElementById('folio-root').hasAttribute('data-folio-ready'); })()",
            )
            .await;
            s.wait_for(
                "the reader's own dates",
                "!document.querySelector('#comment-12 time').textContent.endsWith('UTC')",
            )
            .await;
            assert_same_nodes(&s, browser, "#comment-12").await;
            // The page carries its post: the SPA page's early request for `?src=` is not made on a rendered page.
            assert_eq!(
                s.eval(&format!(
                    "return performance.getEntriesByName({src:?}).length"
                ))
                .await,
                0,
                "{browser:?} {}: requests for the post from the browser",
                reading.0
            );
            if reading.0 == "preset" {
                let text = unique(browser, "Posted to WordPress from a rendered page");
                wordpress::send_comment(&s, &text).await;
                s.wait_for(
                    "the comment stored by WordPress",
                    &format!(
                        "[...document.querySelectorAll('article.folio-comment')].some(a => \
                           a.textContent.includes({text:?}) && a.parentElement.id.match(/^comment-1\\d\\d$/))"
                    ),
                )
                .await;
                let posted = store
                    .lock()
                    .map(|st| {
                        st.bodies
                            .iter()
                            .filter(|b| b.to_string().contains(&text))
                            .count()
                    })
                    .unwrap_or(0);
                assert_eq!(posted, 1, "{browser:?}: WordPress got the comment once");
            }
            s.close().await;
        }
    }
}
