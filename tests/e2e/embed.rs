//! `<folio-reader>` on host pages written for the tests (tests/e2e/pages, served from a copy of the Trunk build
//! under /embed-test/): plain, hostile CSS, strict CSP, twenty instances, inside a shadow root, added and
//! removed, attribute changes, lazy loading, late definition and double loading, events. Both browsers.

use serde_json::Value;

use crate::support::{Browser, Server, Session, SiteServer};

const SEED_TITLE: &str = "Cuba and China Agree to Strengthen Military Cooperation";
const TRAINS_TITLE: &str = "Night trains are back across Europe";
const SEED_SRC: &str = "/demo/articles/cuba-china-military-cooperation.json";
const TRAINS_SRC: &str = "/demo/articles/night-trains-return.json";

/// The server on a temporary copy of the build with the host pages added under /embed-test/.
fn embed_server() -> SiteServer {
    SiteServer::start("embed", &[("tests/e2e/pages", "embed-test")])
}

fn page(server: &Server, name: &str) -> String {
    format!("{}embed-test/{name}", server.url)
}

/// A JS expression for `sel` inside the shadow root of the element with id `id`.
fn inside(id: &str, sel: &str) -> String {
    format!("document.getElementById('{id}')?.shadowRoot?.querySelector('{sel}')")
}

/// Wait until the reader with id `id` has drawn an article whose h1 contains `title`.
async fn wait_title(s: &Session, id: &str, title: &str) {
    s.wait_for(
        &format!("{id} to show {title}"),
        &format!("({})?.textContent.includes({title:?})", inside(id, "h1")),
    )
    .await;
}

const LIVE: &str = "customElements.get('folio-reader')?.liveApps()";

/// A script that adds an eager `<folio-reader id="x">` for `src` to the page's `#host`.
fn add_reader(src: &str) -> String {
    format!(
        "const e = document.createElement('folio-reader'); e.id = 'x'; e.setAttribute('loading', 'eager'); \
         e.setAttribute('src', '{src}'); document.getElementById('host').append(e);"
    )
}

/// Layout figures of a reader that host CSS must not change.
async fn layout(s: &Session, id: &str) -> Value {
    s.eval(&format!(
        "const r = document.getElementById('{id}').shadowRoot; const f = r.querySelector('.folio'); \
         const h = r.querySelector('h1'); const p = r.querySelector('.folio-body > p'); \
         const cs = getComputedStyle; \
         return [f.getBoundingClientRect().width, cs(h).fontSize, cs(p).fontSize, cs(p).lineHeight, \
                 cs(h).textTransform, cs(p).letterSpacing, cs(f).color, cs(p).textAlign, cs(p).fontStyle, \
                 cs(h).marginTop, cs(r.querySelector('article')).borderTopWidth, \
                 r.querySelector('form.folio-compose textarea') ? cs(r.querySelector('form.folio-compose textarea')).fontSize : 'none']"
    ))
    .await
}

/// Open a host page whose reader `r` shows the seed article, and measure it once its form is drawn.
async fn layout_on(s: &Session, url: &str) -> Value {
    s.goto(url).await;
    wait_title(s, "r", SEED_TITLE).await;
    s.wait_for(
        "the compose form",
        &inside("r", "form.folio-compose textarea"),
    )
    .await;
    layout(s, "r").await
}

// The plain host page: the article renders inside the element's open shadow root with Folio's stylesheet, the
// placeholder height is released, and nothing of the widget is in the host's light DOM.
#[tokio::test(flavor = "multi_thread")]
async fn plain_host_page_renders_in_a_shadow_root() {
    let server = embed_server();
    for browser in Browser::ALL {
        let s = Session::start(browser).await;
        s.goto(&page(&server, "plain.html")).await;
        wait_title(&s, "r", SEED_TITLE).await;
        s.wait_for(
            "the comment section",
            &inside("r", "section.folio-comments h2"),
        )
        .await;
        let facts = s
            .eval(&format!(
                "const r = document.getElementById('r').shadowRoot; return [document.querySelectorAll('h1').length, \
                 document.querySelectorAll('.folio').length, getComputedStyle(r.querySelector('.folio')).maxWidth, \
                 r.querySelector('.folio-embed').style.minHeight, r.querySelector('.folio').dataset.theme, \
                 r.querySelector('.folio').getAttribute('part'), {LIVE}]"
            ))
            .await;
        assert_eq!(
            facts,
            serde_json::json!([1, 0, "640px", "", "auto", "root", 1]),
            "{browser:?}: [host h1s, light-DOM .folio, max-width, placeholder, theme, part, live apps]"
        );
        s.screenshot("embed-plain").await;
        s.close().await;
    }
}

// A hostile host stylesheet (`* { all: unset }`, `div { display: none }`, 60px root font size, inherited text
// styles) changes nothing of the widget's layout: the same figures as on the plain page.
#[tokio::test(flavor = "multi_thread")]
async fn hostile_host_css_changes_nothing() {
    let server = embed_server();
    for browser in Browser::ALL {
        let s = Session::start(browser).await;
        let plain = layout_on(&s, &page(&server, "plain.html")).await;
        let hostile = layout_on(&s, &page(&server, "hostile.html")).await;
        assert_eq!(hostile, plain, "{browser:?}: hostile vs plain");
        // 1.1875rem of Folio's own 16px, not of the host's 60px root.
        assert_eq!(hostile[2], "19px", "{browser:?}: body text size");
        let visible = s
            .eval("return document.getElementById('r').getBoundingClientRect().height")
            .await;
        assert!(
            visible.as_f64().unwrap_or(0.0) > 400.0,
            "{browser:?}: {visible}"
        );
        s.screenshot("embed-hostile").await;
        s.close().await;
    }
}

/// The host policy of docs/embed.md, for Folio's files at `folio` and the article and comment API at `api`.
fn strict_policy(folio: &str, api: &str) -> String {
    format!(
        "default-src 'none'; script-src {folio} 'wasm-unsafe-eval'; style-src {folio}; \
         img-src {folio} {api}; connect-src {api}"
    )
}

/// Fill in and send the compose form of the reader `id` (through its shadow root), then wait until the comment
/// shows there. The host's `folio:comment-posted` events are collected in `window.__posted` as `[target id,
/// author]`.
async fn post_comment(s: &Session, id: &str, name: &str, text: &str) {
    s.wait_for(
        &format!("{id}'s compose form"),
        &inside(id, "form.folio-compose textarea"),
    )
    .await;
    s.eval(&format!(
        "if (!window.__posted) {{ window.__posted = []; \
           document.addEventListener('folio:comment-posted', e => window.__posted.push([e.target.id, e.detail.author])); }} \
         const r = document.getElementById('{id}').shadowRoot; \
         const set = (el, v) => {{ el.value = v; el.dispatchEvent(new Event('input', {{ bubbles: true }})); }}; \
         set(r.querySelector('form.folio-compose input[name=name]'), {name:?}); \
         set(r.querySelector('form.folio-compose textarea'), {text:?}); \
         r.querySelector('form.folio-compose button[type=submit]').click();"
    ))
    .await;
    // The lite module does not post: the full module's reader posts the stored draft, in the lite one's place.
    s.wait_for(
        &format!("the comment in {id}, posted by the full module's reader"),
        &format!(
            "{} && document.getElementById('{id}').shadowRoot.querySelectorAll('.folio-embed').length === 1 \
             && customElements.get('folio-reader').modules().includes('full')",
            shows_comment(id, text)
        ),
    )
    .await;
}

/// A JS expression: the reader `id` shows a comment whose body contains `text`.
fn shows_comment(id: &str, text: &str) -> String {
    format!(
        "[...document.getElementById('{id}').shadowRoot.querySelectorAll('.folio-comment__body')].some(b => b.textContent.includes({text:?}))"
    )
}

// A host page on another origin than Folio and its API (localhost vs 127.0.0.1), served with the header
// `Content-Security-Policy` of docs/embed.md and loading folio.js with its SRI hash: the reader renders, styled,
// with its image and comments, a constructed stylesheet applies, a comment posts, a comment whose avatar is on a
// third party shows the initial instead (issue 12, finding 11: with images="all" it would be an img-src violation),
// and no violation is reported in the document or any shadow root. A blocked inline <style> at the end shows that the watcher hears violations and
// that the header is in force.
#[tokio::test(flavor = "multi_thread")]
async fn strict_csp_header_on_another_origin_works() {
    let mut policy = String::new();
    let server = SiteServer::start_with("embed", &[("tests/e2e/pages", "embed-test")], |port| {
        let folio = format!("http://127.0.0.1:{port}");
        policy = strict_policy(&folio, &folio);
        vec![
            "--allow-origin".into(),
            format!("http://localhost:{port}"),
            "--csp".into(),
            format!("/embed-test/csp.html={policy}"),
        ]
    });
    let folio = server.url.trim_end_matches('/');
    let sri =
        std::fs::read_to_string(server.site.dir.join("folio-sri.txt")).expect("folio-sri.txt");
    let sri = sri
        .lines()
        .find_map(|l| l.strip_suffix("  folio.js"))
        .expect("the loader's SRI hash");
    let html = server.site.dir.join("embed-test/csp.html");
    let template = std::fs::read_to_string(&html).expect("csp.html");
    std::fs::write(
        &html,
        template.replace("@FOLIO@", folio).replace("@SRI@", sri),
    )
    .expect("write csp.html");
    let url = format!(
        "{}embed-test/csp.html",
        server.url.replace("127.0.0.1", "localhost")
    );
    for browser in Browser::ALL {
        let s = Session::start(browser).await;
        s.goto(&url).await;
        wait_title(&s, "r", SEED_TITLE).await;
        s.wait_for(
            "the hero image",
            &format!(
                "({})?.naturalWidth > 0",
                inside("r", "figure.folio-hero img")
            ),
        )
        .await;
        s.wait_for(
            "the comment section",
            &inside("r", "section.folio-comments h2"),
        )
        .await;
        let facts = s
            .eval(&format!(
                "return [location.origin, !!document.querySelector('meta[http-equiv]'), getComputedStyle({}).maxWidth]",
                inside("r", ".folio")
            ))
            .await;
        let host_origin = url.split("/embed-test").next().unwrap_or("");
        assert_eq!(
            facts,
            serde_json::json!([host_origin, false, "640px"]),
            "{browser:?}: [page origin, a <meta> policy, the stylesheet applied]"
        );
        // The Yew-component route (docs/architecture.md, "Styles") under the same policy: a constructed
        // stylesheet adopted by a shadow root applies, and is no violation (checked with the others below).
        let adopted = s
            .eval(
                "const r = document.body.appendChild(document.createElement('div')).attachShadow({ mode: 'open' }); \
                 const sheet = new CSSStyleSheet(); sheet.replaceSync('p { color: rgb(1, 2, 3); }'); \
                 r.adoptedStyleSheets = [sheet]; return getComputedStyle(r.appendChild(document.createElement('p'))).color",
            )
            .await;
        assert_eq!(adopted, "rgb(1, 2, 3)", "{browser:?}: a constructed sheet");
        // Reader `g`'s comment has a Gravatar avatar: by default (images="same-origin") its initial is drawn and
        // no request goes to Gravatar, so the policy's img-src (Folio and the API only) reports nothing.
        s.wait_for(
            "the comment with a third-party avatar",
            &inside("g", "article.folio-comment .folio-avatar"),
        )
        .await;
        assert_eq!(
            s.eval(&format!(
                "const a = {}; return [a.tagName, a.textContent]",
                inside("g", "article.folio-comment .folio-avatar")
            ))
            .await,
            serde_json::json!(["SPAN", "é"]),
            "{browser:?}: the initial instead of the third-party picture"
        );
        let text = format!("Posted under a strict policy from {browser:?}");
        post_comment(&s, "r", "Careful reader", &text).await;
        s.wait_for("the event", "window.__posted.length === 1")
            .await;
        assert_eq!(
            s.eval("return window.__violations").await,
            serde_json::json!([]),
            "{browser:?}: CSP violations"
        );
        s.eval("const st = document.createElement('style'); st.textContent = 'p {}'; document.head.append(st);")
            .await;
        s.wait_for("the planted violation", "window.__violations.length === 1")
            .await;
        let planted = s.eval("return window.__violations[0]").await;
        assert!(
            planted["directive"]
                .as_str()
                .unwrap_or("")
                .starts_with("style-src")
                && planted["policy"] == policy.as_str(),
            "{browser:?}: {planted} under {policy}"
        );
        s.close().await;
    }
}

// The host themes the widget through custom properties set on the element itself and through ::part(): its
// values win over Folio's defaults in the light and the dark theme, a reader without them keeps the defaults, and
// an element of the host page that carries Folio's class names keeps the host's styles (nothing leaks out).
#[tokio::test(flavor = "multi_thread")]
async fn host_custom_properties_and_parts_theme_the_widget() {
    let server = embed_server();
    for browser in Browser::ALL {
        let s = Session::start(browser).await;
        s.goto(&page(&server, "theme.html")).await;
        for id in ["themed", "themed-dark", "plain"] {
            wait_title(&s, id, SEED_TITLE).await;
        }
        let styles = |id: &str| {
            format!(
                "(() => {{ const r = document.getElementById('{id}').shadowRoot; const cs = getComputedStyle; \
                 const h = r.querySelector('h1'); \
                 return [cs(r.querySelector('.folio-kicker')).color, cs(h).fontFamily.includes('Folio Host Serif'), \
                         cs(h).textDecorationLine, cs(r.querySelector('.folio')).backgroundColor]; }})()"
            )
        };
        let got = s
            .eval(&format!(
                "return [{}, {}, {}]",
                styles("themed"),
                styles("themed-dark"),
                styles("plain")
            ))
            .await;
        assert_eq!(
            got,
            serde_json::json!([
                ["rgb(1, 120, 90)", true, "underline", "rgb(255, 253, 248)"],
                ["rgb(1, 120, 90)", true, "underline", "rgb(20, 20, 20)"],
                ["rgb(166, 27, 27)", false, "none", "rgb(255, 253, 248)"]
            ]),
            "{browser:?}: [accent, body font, ::part(title), background] of themed, themed dark, plain"
        );
        let outside = s
            .eval(
                "const cs = getComputedStyle(document.getElementById('outside')); \
                 return [cs.color, cs.fontSize, cs.fontFamily, cs.maxWidth, cs.paddingTop, cs.backgroundColor, cs.letterSpacing]",
            )
            .await;
        assert_eq!(
            outside,
            serde_json::json!([
                "rgb(9, 9, 9)",
                "13px",
                "monospace",
                "none",
                "0px",
                "rgba(0, 0, 0, 0)",
                "normal"
            ]),
            "{browser:?}: the host's element with Folio's class names"
        );
        s.close().await;
    }
}

// With the browser preferring a dark colour scheme, readers with theme="auto" (or none) turn dark, keeping the
// host's own values, while theme="light" stays light.
#[tokio::test(flavor = "multi_thread")]
async fn theme_auto_follows_the_color_scheme_preference() {
    let server = embed_server();
    for browser in Browser::ALL {
        let s = Session::start_prefers_dark(browser).await;
        s.goto(&page(&server, "theme.html")).await;
        for id in ["themed", "plain", "light"] {
            wait_title(&s, id, SEED_TITLE).await;
        }
        let got = s
            .eval(
                "return [matchMedia('(prefers-color-scheme: dark)').matches, ...['themed', 'plain', 'light'].map(id => { \
                 const r = document.getElementById(id).shadowRoot; \
                 return [getComputedStyle(r.querySelector('.folio')).backgroundColor, getComputedStyle(r.querySelector('.folio-kicker')).color]; })]",
            )
            .await;
        assert_eq!(
            got,
            serde_json::json!([
                true,
                ["rgb(20, 20, 20)", "rgb(1, 120, 90)"],
                ["rgb(20, 20, 20)", "rgb(255, 122, 110)"],
                ["rgb(255, 253, 248)", "rgb(166, 27, 27)"]
            ]),
            "{browser:?}: [prefers dark, [background, accent] of themed auto, plain auto, light]"
        );
        s.close().await;
    }
}

// Twenty readers of two articles on one page all render; posting in one shows the comment there only, and the
// host receives `folio:comment-posted`.
#[tokio::test(flavor = "multi_thread")]
async fn twenty_instances_work_independently() {
    let server = embed_server();
    for browser in Browser::ALL {
        let s = Session::start(browser).await;
        s.goto(&page(&server, "many.html")).await;
        for i in 0..20 {
            let title = if i % 2 == 0 { SEED_TITLE } else { TRAINS_TITLE };
            wait_title(&s, &format!("r{i}"), title).await;
        }
        assert_eq!(s.eval(&format!("return {LIVE}")).await, 20, "{browser:?}");
        let text = format!("Only in r2, from {browser:?}");
        post_comment(&s, "r2", "Reader two", &text).await;
        s.wait_for("the event", "window.__posted.length === 1")
            .await;
        assert_eq!(
            s.eval("return window.__posted").await,
            serde_json::json!([["r2", "Reader two"]]),
            "{browser:?}"
        );
        for other in ["r0", "r4", "r18"] {
            assert_eq!(
                s.eval(&format!("return {}", shows_comment(other, &text)))
                    .await,
                false,
                "{browser:?}: {other} untouched"
            );
        }
        s.screenshot("embed-twenty").await;
        s.close().await;
    }
}

// Elements added and removed again and again leave no app alive; moving an element re-renders it.
#[tokio::test(flavor = "multi_thread")]
async fn removed_elements_destroy_their_apps() {
    let server = embed_server();
    for browser in Browser::ALL {
        let s = Session::start(browser).await;
        s.goto(&page(&server, "empty.html")).await;
        for round in 0..5 {
            let (src, title) = if round % 2 == 0 {
                (SEED_SRC, SEED_TITLE)
            } else {
                (TRAINS_SRC, TRAINS_TITLE)
            };
            s.eval(&add_reader(src)).await;
            wait_title(&s, "x", title).await;
            s.wait_for("one live app", &format!("{LIVE} === 1")).await;
            s.eval("document.getElementById('x').remove()").await;
            s.wait_for("no live app", &format!("{LIVE} === 0")).await;
        }
        // Moved: disconnected then connected again, it draws afresh with one app.
        s.eval(&add_reader(SEED_SRC)).await;
        wait_title(&s, "x", SEED_TITLE).await;
        s.eval("document.body.append(document.getElementById('x'))")
            .await;
        wait_title(&s, "x", SEED_TITLE).await;
        assert_eq!(s.eval(&format!("return {LIVE}")).await, 1, "{browser:?}");
        assert_eq!(
            s.eval(
                "return document.getElementById('x').shadowRoot.querySelectorAll('.folio').length"
            )
            .await,
            1,
            "{browser:?}: one reader after the move"
        );
        s.close().await;
    }
}

// Changing attributes re-renders: theme switches the colours, src switches the article, a bad value shows the
// `folio:` message inside the widget and sends `folio:error`.
#[tokio::test(flavor = "multi_thread")]
async fn attribute_changes_rerender() {
    let server = embed_server();
    for browser in Browser::ALL {
        let s = Session::start(browser).await;
        s.goto(&page(&server, "empty.html")).await;
        s.eval(&format!(
            "window.__errors = []; document.addEventListener('folio:error', e => window.__errors.push(e.detail.kind)); {}",
            add_reader(SEED_SRC)
        ))
        .await;
        wait_title(&s, "x", SEED_TITLE).await;
        s.eval("document.getElementById('x').setAttribute('theme', 'dark')")
            .await;
        s.wait_for(
            "the dark theme",
            &format!(
                "getComputedStyle({}).backgroundColor === 'rgb(20, 20, 20)'",
                inside("x", ".folio[data-theme=dark]")
            ),
        )
        .await;
        s.eval(&format!(
            "document.getElementById('x').setAttribute('src', '{TRAINS_SRC}')"
        ))
        .await;
        wait_title(&s, "x", TRAINS_TITLE).await;
        s.eval("document.getElementById('x').setAttribute('theme', 'blue')")
            .await;
        s.wait_for(
            "the configuration error",
            &format!(
                "({})?.textContent.includes('blue')",
                inside("x", "[role=alert]")
            ),
        )
        .await;
        s.wait_for("folio:error", "window.__errors.includes('config')")
            .await;
        s.eval("document.getElementById('x').setAttribute('theme', 'light')")
            .await;
        wait_title(&s, "x", TRAINS_TITLE).await;
        assert_eq!(s.eval(&format!("return {LIVE}")).await, 1, "{browser:?}");
        s.close().await;
    }
}

// Nothing of the WebAssembly is fetched while the only reader is far below the viewport; scrolling near loads it.
#[tokio::test(flavor = "multi_thread")]
async fn lazy_loading_waits_for_the_viewport() {
    let server = embed_server();
    for browser in Browser::ALL {
        let s = Session::start(browser).await;
        s.goto(&page(&server, "lazy.html")).await;
        s.wait_for(
            "the placeholder",
            "document.readyState === 'complete' && document.getElementById('r').shadowRoot?.querySelector('.folio-embed')",
        )
        .await;
        let wasm_requests =
            "performance.getEntriesByType('resource').filter(e => e.name.endsWith('.wasm')).length";
        assert_eq!(
            s.eval(&format!("return {wasm_requests}")).await,
            0,
            "{browser:?}: wasm fetched before scrolling"
        );
        let height = s
            .eval("return document.getElementById('r').getBoundingClientRect().height")
            .await;
        assert!(
            height.as_f64().unwrap_or(0.0) >= 480.0,
            "{browser:?}: placeholder height {height}"
        );
        s.eval("document.getElementById('r').scrollIntoView()")
            .await;
        wait_title(&s, "r", TRAINS_TITLE).await;
        assert_eq!(
            s.eval(&format!("return {wasm_requests}")).await,
            1,
            "{browser:?}"
        );
        s.close().await;
    }
}

// An element inside the host's own shadow root works, and its events reach the document (composed).
#[tokio::test(flavor = "multi_thread")]
async fn works_inside_a_host_shadow_root_and_sends_events() {
    let server = embed_server();
    for browser in Browser::ALL {
        let s = Session::start(browser).await;
        s.goto(&page(&server, "empty.html")).await;
        s.eval(&format!(
            "window.__events = []; \
             for (const n of ['folio:loaded', 'folio:error']) document.addEventListener(n, e => window.__events.push([n, e.target.id, e.detail.title || e.detail.kind])); \
             const h = document.createElement('section'); h.id = 'outer'; document.getElementById('host').append(h); \
             const sr = h.attachShadow({{ mode: 'open' }}); \
             const a = document.createElement('folio-reader'); a.setAttribute('loading', 'eager'); a.setAttribute('src', '{SEED_SRC}'); \
             const b = document.createElement('folio-reader'); b.setAttribute('loading', 'eager'); b.setAttribute('src', '/demo/articles/missing.json'); \
             sr.append(a, b);"
        ))
        .await;
        s.wait_for(
            "the nested reader",
            &format!(
                "document.getElementById('outer').shadowRoot.querySelector('folio-reader').shadowRoot?.querySelector('h1')?.textContent.includes({SEED_TITLE:?})"
            ),
        )
        .await;
        s.wait_for("both events", "window.__events.length === 2")
            .await;
        let mut events = s.eval("return window.__events").await;
        if let Some(list) = events.as_array_mut() {
            list.sort_by_key(|e| e[0].as_str().map(str::to_string));
        }
        assert_eq!(
            events,
            serde_json::json!([
                ["folio:error", "outer", "net"],
                ["folio:loaded", "outer", SEED_TITLE]
            ]),
            "{browser:?}: retargeted to the outer host"
        );
        s.close().await;
    }
}

// An element already in the page when the loader arrives is upgraded; loading the loader again (another URL)
// throws nothing and starts no second app.
#[tokio::test(flavor = "multi_thread")]
async fn late_definition_and_double_loading() {
    let server = embed_server();
    for browser in Browser::ALL {
        let s = Session::start(browser).await;
        s.goto(&page(&server, "late.html")).await;
        s.eval(
            "window.__errors = []; window.addEventListener('error', e => window.__errors.push(String(e.message))); \
             window.__loads = 0; \
             for (const src of ['/folio.js', '/folio.js?again']) { const t = document.createElement('script'); t.type = 'module'; \
             t.src = src; t.onload = () => window.__loads++; document.head.append(t); }",
        )
        .await;
        wait_title(&s, "r", SEED_TITLE).await;
        s.wait_for("both scripts", "window.__loads === 2").await;
        assert_eq!(
            s.eval(&format!("return [window.__errors, {LIVE}]")).await,
            serde_json::json!([[], 1]),
            "{browser:?}"
        );
        s.close().await;
    }
}

// `<folio-count>` shows each article's comment count without the WebAssembly, one request per distinct URL.
#[tokio::test(flavor = "multi_thread")]
async fn comment_counts_are_batched() {
    let server = embed_server();
    for browser in Browser::ALL {
        let s = Session::start(browser).await;
        s.goto(&page(&server, "count.html")).await;
        let text = |id: &str| format!("document.getElementById('{id}').shadowRoot?.textContent");
        for i in 0..6 {
            s.wait_for(
                "the counts",
                &format!(
                    "{} === '0' && Number({}) >= 40",
                    text(&format!("a{i}")),
                    text(&format!("b{i}"))
                ),
            )
            .await;
        }
        let requests = s
            .eval(
                "return performance.getEntriesByType('resource').map(e => new URL(e.name).pathname)\
                 .filter(p => p.startsWith('/demo/') || p.endsWith('.wasm')).sort()",
            )
            .await;
        assert_eq!(
            requests,
            serde_json::json!([
                "/demo/articles/night-trains-return.json",
                "/demo/comments/cuba-china-military-cooperation.json",
                "/demo/comments/night-trains-return.json"
            ]),
            "{browser:?}: one request per URL, no wasm"
        );
        s.close().await;
    }
}
