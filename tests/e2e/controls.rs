//! Reader controls and the share bar (issue 14), end to end in Chromium and Firefox: the reader's text size and
//! theme survive a reload and beat the host's `theme`, in the SPA and in `<folio-reader>` of the same site; the
//! Mastodon dialog remembers a server and produces its share URL (`window.open` is replaced in the page by a
//! recorder, so nothing goes to the internet), in the SPA and inside the embed's shadow root.

use serde_json::{json, Value};

use crate::support::thread::{wait_article, SEED};
use crate::support::{article_url, Browser, Server, Session, SiteServer};

const SEED_TITLE: &str = "Cuba and China Agree to Strengthen Military Cooperation";
/// The seed article's Mastodon share page on mastodon.social: title, a space, its canonical URL.
const SEED_ON_MASTODON: &str = "https://mastodon.social/share?text=Cuba%20and%20China%20Agree%20to%20Strengthen%20Military%20Cooperation%20https%3A%2F%2Fnews.example%2Flatin-america%2Fcuba-china-military-cooperation";

/// The build with the embed's host pages under /embed-test/: the SPA and `<folio-reader>` on one origin, so one
/// `localStorage`.
fn site() -> SiteServer {
    SiteServer::start("controls", &[("tests/e2e/pages", "embed-test")])
}

fn plain_host(server: &Server) -> String {
    format!("{}embed-test/plain.html", server.url)
}

/// JavaScript for the reader's root: the SPA's document, or the shadow root of the embed's `#r`.
const ROOT: &str = "(document.getElementById('r')?.shadowRoot ?? document)";

/// Replace `window.open` with a recorder (the page's own, so it must be done after each load).
const STUB_OPEN: &str =
    "window.__opened = null; window.open = (u) => { window.__opened = u; return null; }; return 0";

/// Wait for the reader's article inside `ROOT`.
async fn wait_root_article(s: &Session) {
    s.wait_for(
        "the article",
        &format!("{ROOT}.querySelector('article.folio-article h1')?.textContent.includes({SEED_TITLE:?})"),
    )
    .await;
}

/// Open the display settings and press the option labelled `label`.
async fn choose(s: &Session, label: &str) {
    s.eval(&format!(
        "const r = {ROOT}; r.querySelector('details.folio-display').open = true; \
         [...r.querySelectorAll('.folio-display__option')].find(b => b.textContent === {label:?}).click(); return 0"
    ))
    .await;
}

/// `[data-theme, data-text-size, background colour, body font size in px]` of the reader in `ROOT`.
async fn look(s: &Session) -> Value {
    s.eval(&format!(
        "const r = {ROOT}; const f = r.querySelector('.folio'); \
         return [f.dataset.theme, f.dataset.textSize, getComputedStyle(f).backgroundColor, \
                 Math.round(parseFloat(getComputedStyle(r.querySelector('.folio-body')).fontSize))]"
    ))
    .await
}

// The host says dark; the reader picks light and large text. After a reload, and on another page of the site
// that embeds the reader, their choice holds; a change made in the embed holds too.
#[tokio::test(flavor = "multi_thread")]
async fn text_size_and_theme_persist_across_a_reload() {
    let server = site();
    for browser in Browser::ALL {
        let s = Session::start(browser).await;
        let spa = format!("{}&theme=dark", article_url(&server, SEED));
        s.goto(&spa).await;
        wait_article(&s).await;
        assert_eq!(
            look(&s).await,
            json!(["dark", "medium", "rgb(20, 20, 20)", 19]),
            "{browser:?}: the host's theme, the medium size"
        );
        choose(&s, "Light").await;
        choose(&s, "Large").await;
        s.wait_for(
            "the large text",
            &format!("{ROOT}.querySelector('.folio').dataset.textSize === 'large'"),
        )
        .await;
        s.goto(&spa).await;
        wait_article(&s).await;
        assert_eq!(
            look(&s).await,
            json!(["light", "large", "rgb(255, 253, 248)", 23]),
            "{browser:?}: the reader's choice after a reload, over theme=dark"
        );

        s.goto(&plain_host(&server)).await;
        wait_root_article(&s).await;
        assert_eq!(
            look(&s).await,
            json!(["light", "large", "rgb(255, 253, 248)", 23]),
            "{browser:?}: the same choice in <folio-reader> on the site"
        );
        choose(&s, "Dark").await;
        choose(&s, "Small").await;
        s.wait_for(
            "the dark theme",
            &format!("{ROOT}.querySelector('.folio').dataset.theme === 'dark'"),
        )
        .await;
        s.goto(&plain_host(&server)).await;
        wait_root_article(&s).await;
        assert_eq!(
            look(&s).await,
            json!(["dark", "small", "rgb(20, 20, 20)", 17]),
            "{browser:?}: the embed's change after a reload"
        );
        let stored = s
            .eval("return [localStorage.getItem('folio:theme'), localStorage.getItem('folio:text-size')]")
            .await;
        assert_eq!(stored, json!(["dark", "small"]), "{browser:?}");
        s.close().await;
    }
}

// First click on Mastodon: the dialog takes focus, refuses a bad name with an alert, and for a good one opens the
// server's share page and remembers it. After a reload Mastodon is a link to that server; "change" reopens the
// dialog with it filled in, and Escape keeps it.
#[tokio::test(flavor = "multi_thread")]
async fn mastodon_dialog_remembers_a_server_and_produces_the_url() {
    let server = site();
    for browser in Browser::ALL {
        let s = Session::start(browser).await;
        let spa = article_url(&server, SEED);
        s.goto(&spa).await;
        wait_article(&s).await;
        s.eval(STUB_OPEN).await;
        s.click("button[data-network=mastodon]").await;
        s.wait_for("the dialog", "document.querySelector('dialog[open]')")
            .await;
        s.wait_for(
            "focus in the field",
            "document.activeElement === document.querySelector('dialog input')",
        )
        .await;
        s.type_into("dialog input", "not a server").await;
        s.click("dialog button[type=submit]").await;
        s.wait_for("the error", "document.querySelector('dialog [role=alert]')")
            .await;
        assert_eq!(
            s.eval("return window.__opened").await,
            Value::Null,
            "{browser:?}"
        );
        s.clear_field("document.querySelector('dialog input')")
            .await;
        // Typed and sent with Enter, as a reader would.
        s.type_into("dialog input", "https://Mastodon.Social/\u{E007}")
            .await;
        s.wait_for("the share page", "window.__opened").await;
        assert_eq!(
            s.eval("return [window.__opened, localStorage.getItem('folio:mastodon-server'), !!document.querySelector('dialog')]")
                .await,
            json!([SEED_ON_MASTODON, "mastodon.social", false]),
            "{browser:?}: [opened, stored, dialog still there]"
        );

        s.goto(&spa).await;
        wait_article(&s).await;
        assert_eq!(
            s.eval("const a = document.querySelector('a[data-network=mastodon]'); return [a?.href, a?.target, a?.rel]")
                .await,
            json!([SEED_ON_MASTODON, "_blank", "noopener noreferrer"]),
            "{browser:?}: the remembered server's link after a reload"
        );
        s.click(".folio-share__change").await;
        s.wait_for("the dialog", "document.querySelector('dialog[open]')")
            .await;
        assert_eq!(
            s.eval("return document.querySelector('dialog input').value")
                .await,
            json!("mastodon.social")
        );
        s.type_into("dialog input", "\u{E00C}").await; // Escape
        s.wait_for("the dialog to close", "!document.querySelector('dialog')")
            .await;
        assert_eq!(
            s.eval("return localStorage.getItem('folio:mastodon-server')")
                .await,
            json!("mastodon.social")
        );
        s.close().await;
    }
}

// Inside <folio-reader>'s shadow root: the dialog opens modal there, and the server it takes is remembered for
// the whole site (the SPA's bar then links to it).
#[tokio::test(flavor = "multi_thread")]
async fn mastodon_dialog_works_inside_the_embed() {
    let server = site();
    for browser in Browser::ALL {
        let s = Session::start(browser).await;
        s.goto(&plain_host(&server)).await;
        wait_root_article(&s).await;
        s.eval(STUB_OPEN).await;
        s.eval(&format!(
            "{ROOT}.querySelector('button[data-network=mastodon]').click(); return 0"
        ))
        .await;
        s.wait_for(
            "the dialog in the shadow root",
            &format!("{ROOT}.querySelector('dialog')?.open && {ROOT}.querySelector('dialog').matches(':modal')"),
        )
        .await;
        s.eval(&format!(
            "const i = {ROOT}.querySelector('dialog input'); i.value = '@me@mastodon.social'; \
             i.dispatchEvent(new Event('input', {{ bubbles: true }})); \
             {ROOT}.querySelector('dialog button[type=submit]').click(); return 0"
        ))
        .await;
        s.wait_for("the share page", "window.__opened").await;
        assert_eq!(
            s.eval("return window.__opened").await,
            json!(SEED_ON_MASTODON),
            "{browser:?}"
        );
        s.goto(&article_url(&server, SEED)).await;
        wait_article(&s).await;
        assert_eq!(
            s.eval("return document.querySelector('a[data-network=mastodon]')?.href")
                .await,
            json!(SEED_ON_MASTODON),
            "{browser:?}: the SPA on the same site uses it"
        );
        s.close().await;
    }
}
