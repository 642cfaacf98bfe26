//! The embed's two modules (docs/embed.md, "Two modules"): a `<folio-reader>` on a Folio JSON API loads the lite
//! module only; one whose API turns out to be another platform's (no `preset`: the shape is detected) starts on the
//! lite module and is handed to the full one, showing one loading state and then the article, never an error; one
//! with a `preset` loads the full module directly. Host pages written by the test into a copy of the build, with the
//! platform fixtures (tests/fixtures) served beside them. A live article starts on the lite module, which draws it
//! as read, and is followed by the full one, which takes its place out of sight; a reply sent there is posted by
//! the full one, and a thread with the reader's editable comment is drawn by it (reading aloud, which takes the
//! same road, is tested in read_aloud.rs, the Mastodon dialog in controls.rs, a top-level comment in embed.rs).
//! Both browsers.

use serde_json::{json, Value};

use crate::live_article::{post_entry, EDITOR, LIVE};
use crate::support::{Browser, Session, SiteServer};

const SEED_TITLE: &str = "Cuba and China Agree to Strengthen Military Cooperation";
const WP_TITLE: &str = "Night Trains";
const SEED_SRC: &str = "/demo/articles/cuba-china-military-cooperation.json";
const WP_SRC: &str = "/fixtures/wordpress/post.json";
const WP_COMMENTS: &str = "/fixtures/wordpress/comments.json";

/// Records, for the test: the `folio:loaded` and `folio:error` events (`window.__loaded`, `window.__errors`), and
/// the states any reader's shadow root went through (`window.__shown`: "alert" while an error box is there, else
/// "article" once the article is, else "loading" for the loading state; each change once), watched from the moment
/// each shadow root is attached.
const WATCH: &str = r#"window.__loaded = [];
window.__errors = [];
window.__shown = [];
document.addEventListener("folio:loaded", (e) => window.__loaded.push(e.detail.title));
document.addEventListener("folio:error", (e) => window.__errors.push(e.detail));
const note = (root) => {
  const what = root.querySelector("[role=alert]") ? "alert"
    : root.querySelector("article.folio-article") ? "article"
    : root.querySelector("[part=loading]") ? "loading" : null;
  if (what && window.__shown[window.__shown.length - 1] !== what) window.__shown.push(what);
};
const attach = Element.prototype.attachShadow;
Element.prototype.attachShadow = function (init) {
  const root = attach.call(this, init);
  new MutationObserver(() => note(root)).observe(root, { childList: true, subtree: true });
  return root;
};
"#;

/// A host page with one eager reader, `attrs` its attributes.
fn page(attrs: &str) -> String {
    format!(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Lite host</title>\
         <script src=\"/lite/watch.js\"></script><script type=\"module\" src=\"/folio.js\"></script></head>\
         <body><folio-reader id=\"r\" loading=\"eager\" {attrs}></folio-reader></body></html>"
    )
}

/// The server on a copy of the build, with the fixtures under /fixtures/ and the host pages under /lite/; editors
/// may post to its live article.
fn lite_server() -> SiteServer {
    let editor = || vec!["--editor-token".to_string(), EDITOR.to_string()];
    let server = SiteServer::start_with("lite", &[("tests/fixtures", "fixtures")], |_| editor());
    let dir = server.site.dir.join("lite");
    std::fs::create_dir_all(&dir).expect("lite/");
    std::fs::write(dir.join("watch.js"), WATCH).expect("watch.js");
    let pages = [
        ("folio.html", format!("src=\"{SEED_SRC}\"")),
        (
            "detected.html",
            format!("src=\"{WP_SRC}\" comments=\"{WP_COMMENTS}\""),
        ),
        ("live.html", format!("src=\"/demo/articles/{LIVE}.json\"")),
        (
            "trains.html",
            "src=\"/demo/articles/night-trains-return.json\"".to_string(),
        ),
        (
            "preset.html",
            format!("src=\"{WP_SRC}\" comments=\"{WP_COMMENTS}\" preset=\"wordpress\""),
        ),
    ];
    for (name, attrs) in pages {
        std::fs::write(dir.join(name), page(&attrs)).expect("host page");
    }
    server
}

/// Wait until the reader has drawn an article whose h1 contains `title`.
async fn wait_title(s: &Session, title: &str) {
    s.wait_for(
        &format!("the reader to show {title}"),
        &format!("document.getElementById('r')?.shadowRoot?.querySelector('h1')?.textContent.includes({title:?})"),
    )
    .await;
}

/// Which of the two modules' WebAssembly the page requested, and how often: [lite, full].
async fn wasm_requests(s: &Session) -> Value {
    s.eval(
        "const names = performance.getEntriesByType('resource').map(e => new URL(e.name).pathname); \
         return [names.filter(n => /^\\/folio-embed-[0-9a-f]+_bg\\.wasm$/.test(n)).length, \
                 names.filter(n => /^\\/folio-full-[0-9a-f]+_bg\\.wasm$/.test(n)).length]",
    )
    .await
}

/// How the page requested the article at `path`: [how many times, whether the first request started before the
/// lite module's WebAssembly did (the loader asks for both at once, the article first)].
async fn article_requests(s: &Session, path: &str) -> Value {
    s.eval(&format!(
        "const all = performance.getEntriesByType('resource'); \
         const art = all.filter(e => new URL(e.name).pathname === {path:?}); \
         const wasm = all.find(e => /\\/folio-embed-[0-9a-f]+_bg\\.wasm$/.test(e.name)); \
         return [art.length, art.length > 0 && !!wasm && art[0].startTime <= wasm.startTime]"
    ))
    .await
}

/// Whether the lite module's WebAssembly was requested before its glue had arrived (the loader asks for both at
/// once, rather than for the WebAssembly once the glue has run).
async fn wasm_beside_glue(s: &Session) -> Value {
    s.eval(
        "const all = performance.getEntriesByType('resource'); \
         const glue = all.find(e => /\\/folio-embed-[0-9a-f]+\\.js$/.test(e.name)); \
         const wasm = all.find(e => /\\/folio-embed-[0-9a-f]+_bg\\.wasm$/.test(e.name)); \
         return !!glue && !!wasm && wasm.startTime <= glue.responseEnd",
    )
    .await
}

/// What the page recorded: [modules loaded, live apps, folio:loaded titles, folio:error events, what was shown].
async fn record(s: &Session) -> Value {
    s.eval(
        "const R = customElements.get('folio-reader'); \
         return [R.modules(), R.liveApps(), window.__loaded, window.__errors, window.__shown]",
    )
    .await
}

// A reader on a Folio JSON API renders with the lite module and never asks for the full one. Its article was
// requested once, by the loader, before the module (the reader took that answer rather than asking again); the
// module's WebAssembly was requested beside its glue, not after it.
#[tokio::test(flavor = "multi_thread")]
async fn folio_json_never_requests_the_full_module() {
    let server = lite_server();
    for browser in Browser::ALL {
        let s = Session::start(browser).await;
        s.goto(&format!("{}lite/folio.html", server.url)).await;
        wait_title(&s, SEED_TITLE).await;
        s.wait_for(
            "the comment section",
            "document.getElementById('r').shadowRoot.querySelector('.folio-comments__count')",
        )
        .await;
        assert_eq!(wasm_requests(&s).await, json!([1, 0]), "{browser:?}");
        assert_eq!(
            article_requests(&s, SEED_SRC).await,
            json!([1, true]),
            "{browser:?}: [article requests, the first before the module]"
        );
        assert_eq!(
            wasm_beside_glue(&s).await,
            true,
            "{browser:?}: the wasm requested before the glue arrived"
        );
        assert_eq!(
            record(&s).await,
            json!([["lite"], 1, [SEED_TITLE], [], ["loading", "article"]]),
            "{browser:?}: [modules, live apps, loaded, errors, shown]"
        );
        s.close().await;
    }
}

// Another platform's article with no preset: the lite module detects the shape and hands the reader to the full
// module, which renders the article and its comments; the reader saw one loading state and then the article, no
// error box and no folio:error, and one folio:loaded. The article was requested once, beside the lite module: the
// full one read the loader's copy of that answer.
#[tokio::test(flavor = "multi_thread")]
async fn detected_shape_switches_to_the_full_module() {
    let server = lite_server();
    for browser in Browser::ALL {
        let s = Session::start(browser).await;
        s.goto(&format!("{}lite/detected.html", server.url)).await;
        wait_title(&s, WP_TITLE).await;
        s.wait_for(
            "the three WordPress comments",
            "document.getElementById('r').shadowRoot.querySelectorAll('article.folio-comment').length === 3",
        )
        .await;
        assert_eq!(wasm_requests(&s).await, json!([1, 1]), "{browser:?}");
        assert_eq!(
            article_requests(&s, WP_SRC).await,
            json!([1, true]),
            "{browser:?}: [article requests, the first before the module]"
        );
        let title = s
            .eval("return document.getElementById('r').shadowRoot.querySelector('h1').textContent")
            .await;
        assert_eq!(
            record(&s).await,
            json!([["full", "lite"], 1, [title], [], ["loading", "article"]]),
            "{browser:?}: [modules, live apps, loaded, errors, shown]"
        );
        s.close().await;
    }
}

// A reader with a preset loads the full module directly; a preset set later on a reader of the lite module moves it
// to the full one.
#[tokio::test(flavor = "multi_thread")]
async fn preset_loads_the_full_module() {
    let server = lite_server();
    for browser in Browser::ALL {
        let s = Session::start(browser).await;
        s.goto(&format!("{}lite/preset.html", server.url)).await;
        wait_title(&s, WP_TITLE).await;
        assert_eq!(wasm_requests(&s).await, json!([0, 1]), "{browser:?}");
        let facts = record(&s).await;
        assert_eq!(
            (&facts[0], &facts[1], &facts[3]),
            (&json!(["full"]), &json!(1), &json!([])),
            "{browser:?}: [modules, live apps, errors]"
        );

        // On the lite module, then given a preset and another source: the full module takes over.
        s.goto(&format!("{}lite/folio.html", server.url)).await;
        wait_title(&s, SEED_TITLE).await;
        s.eval(&format!(
            "const r = document.getElementById('r'); r.setAttribute('comments', '{WP_COMMENTS}'); \
             r.setAttribute('preset', 'wordpress'); r.setAttribute('src', '{WP_SRC}');"
        ))
        .await;
        wait_title(&s, WP_TITLE).await;
        assert_eq!(wasm_requests(&s).await, json!([1, 1]), "{browser:?}");
        let facts = record(&s).await;
        assert_eq!(
            (&facts[0], &facts[1], &facts[3]),
            (&json!(["full", "lite"]), &json!(1), &json!([])),
            "{browser:?}: [modules, live apps (the lite reader is gone), errors]"
        );
        s.close().await;
    }
}

// A live article on the lite module: drawn as read at once, then the full module, asked for through
// `folio:upgrade`, draws it out of sight and takes its place (one box, one live app, no loading state shown again,
// one folio:loaded) and follows it: an editor's entry is announced inside the element. The article was requested
// once: the full module read the loader's copy of the answer.
#[tokio::test(flavor = "multi_thread")]
async fn live_article_is_followed_by_the_full_module() {
    let server = lite_server();
    for browser in Browser::ALL {
        let s = Session::start(browser).await;
        s.goto(&format!("{}lite/live.html", server.url)).await;
        const ROOT: &str = "document.getElementById('r').shadowRoot";
        s.wait_for(
            "the full module's reader in place",
            &format!(
                "customElements.get('folio-reader').modules().length === 2 \
                 && {ROOT}.querySelectorAll('.folio-embed').length === 1 \
                 && {ROOT}.querySelector('.folio-liveblog .folio-entry')"
            ),
        )
        .await;
        assert_eq!(wasm_requests(&s).await, json!([1, 1]), "{browser:?}");
        let path = format!("/demo/articles/{LIVE}.json");
        assert_eq!(
            article_requests(&s, &path).await[0],
            json!(1),
            "{browser:?}: article requests before the first poll"
        );
        let title = s
            .eval(&format!("return {ROOT}.querySelector('h1').textContent"))
            .await;
        assert_eq!(
            record(&s).await,
            json!([["full", "lite"], 1, [title], [], ["loading", "article"]]),
            "{browser:?}: [modules, live apps, loaded, errors, shown]"
        );
        // The stream opens as the full reader draws; give it a moment to connect before the editor posts.
        tokio::time::sleep(std::time::Duration::from_secs(1)).await;
        let text = crate::support::thread::unique(browser, "Ferries resume in the lite embed");
        post_entry(&server, &text).await;
        s.wait_for(
            "the announcement inside the element",
            &format!("{ROOT}.querySelector('.folio-liveblog .folio-live__show')"),
        )
        .await;
        s.close().await;
    }
}

// Writing goes through the full module, fetched as soon as the reader starts writing (the form takes the focus). A
// reply sent on the lite module: the full module's reader takes its place,
// opens that reply form again with the stored draft and posts it, once, under its comment, where it offers Edit.
// After a reload the thread holds the reader's editable comment: the lite reader asks for the full module at once,
// which shows Edit and Delete on it.
#[tokio::test(flavor = "multi_thread")]
async fn replies_and_own_comments_go_through_the_full_module() {
    let server = lite_server();
    const ROOT: &str = "document.getElementById('r').shadowRoot";
    for browser in Browser::ALL {
        let s = Session::start(browser).await;
        s.goto(&format!("{}lite/trains.html", server.url)).await;
        s.wait_for(
            "the first comment's Reply",
            &format!("{ROOT}.querySelector('li article.folio-comment .folio-comment__footer button[aria-expanded]')"),
        )
        .await;
        s.eval(&format!(
            "{ROOT}.querySelector('li article.folio-comment .folio-comment__footer button[aria-expanded]').click()"
        ))
        .await;
        s.wait_for(
            "the reply form",
            &format!("{ROOT}.querySelector('form.folio-compose--reply textarea')"),
        )
        .await;
        // A reader who starts writing: the full module is fetched then, before they send.
        s.eval(&format!(
            "{ROOT}.querySelector('form.folio-compose--reply textarea').focus()"
        ))
        .await;
        s.wait_for(
            "the full module fetched ahead",
            "customElements.get('folio-reader').modules().join() === 'full,lite'",
        )
        .await;
        assert_eq!(
            s.eval(&format!(
                "return {ROOT}.querySelectorAll('.folio-embed').length"
            ))
            .await,
            json!(1),
            "{browser:?}: fetched, not yet drawn"
        );
        let text = crate::support::thread::unique(browser, "A reply sent from the lite module");
        s.eval(&format!(
            "const f = {ROOT}.querySelector('form.folio-compose--reply'); \
             const set = (sel, v) => {{ const e = f.querySelector(sel); e.value = v; e.dispatchEvent(new Event('input', {{ bubbles: true }})); }}; \
             set('input[name=name]', 'Lite reader'); set('textarea[name=body]', {text:?}); \
             f.querySelector('button[type=submit]').click()"
        ))
        .await;
        let mine = format!(
            "[...{ROOT}.querySelectorAll('li li article.folio-comment')].find(a => \
             a.querySelector('.folio-comment__body')?.textContent.includes({text:?}))"
        );
        s.wait_for(
            "the reply under its comment, with Edit, in the full module's reader",
            &format!(
                "customElements.get('folio-reader').modules().join() === 'full,lite' \
                 && {ROOT}.querySelectorAll('.folio-embed').length === 1 && {mine}?.querySelector('.folio-own__edit')"
            ),
        )
        .await;
        assert_eq!(
            s.eval(&format!(
                "return [...{ROOT}.querySelectorAll('.folio-comment__body')].filter(b => b.textContent.includes({text:?})).length"
            ))
            .await,
            json!(1),
            "{browser:?}: posted once"
        );

        s.goto(&format!("{}lite/trains.html", server.url)).await;
        s.wait_for(
            "the reader's own reply with Edit and Delete, in the full module's reader",
            &format!(
                "customElements.get('folio-reader').modules().join() === 'full,lite' \
                 && {ROOT}.querySelectorAll('.folio-embed').length === 1 \
                 && {mine}?.querySelector('.folio-own__edit') && {mine}?.querySelector('.folio-own__delete')"
            ),
        )
        .await;
        let facts = record(&s).await;
        assert_eq!(
            (&facts[0], &facts[1], &facts[3], &facts[4]),
            (
                &json!(["full", "lite"]),
                &json!(1),
                &json!([]),
                &json!(["loading", "article"])
            ),
            "{browser:?}: [modules, live apps, errors, shown]"
        );
        s.close().await;
    }
}
