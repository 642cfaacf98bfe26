//! The embed's integrity chain (issue 12, finding 10): a host pins `folio.js` with Subresource Integrity, and the
//! loader checks every file it pulls with the hashes the build wrote into it: the wasm-bindgen module (a
//! `<link rel="modulepreload" integrity>` before the `import()`), the WebAssembly (`fetch` with `integrity`) and
//! the stylesheet (`<link integrity>`). Each file in turn is tampered with in a copy of the build, keeping it valid
//! (a comment appended to the JavaScript and the CSS, a custom section to the WebAssembly), so only the integrity
//! check can refuse it; an untampered copy is the control. The host page is on another origin than Folio and is
//! served with the strict policy of docs/embed.md (`script-src` Folio's origin, no inline script). Both browsers.
//! The embed has two modules (docs/embed.md, "Two modules"): the lite one, which the seed article's reader loads,
//! and the full one, which a reader with a `preset` loads; each is checked the same way. A reader in another
//! language than English also loads that language's strings (`folio-strings-<code>-<hash>.json`), checked by
//! fetch's integrity too: a tampered file leaves the interface in English, and nothing else fails.

use std::path::Path;

use serde_json::json;

use crate::support::{Browser, Session, SiteServer};

const SEED_TITLE: &str = "Cuba and China Agree to Strengthen Military Cooperation";

/// The host page: folio.js pinned by its SRI hash, one eager reader. `@FOLIO@` and `@SRI@` are filled in.
const PAGE: &str = r#"<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Integrity host</title>
<link rel="icon" href="@FOLIO@/integrity/icon.svg">
<script src="@FOLIO@/integrity/watch.js"></script>
<script type="module" src="@FOLIO@/folio.js" integrity="@SRI@" crossorigin="anonymous"></script>
</head>
<body>
<folio-reader id="r" src="@FOLIO@/demo/articles/cuba-china-military-cooperation.json" loading="eager"@PRESET@></folio-reader>
</body>
</html>
"#;

/// Records the readers' `folio:error` events (`window.__errors`), CSP violations (`window.__violations`) and
/// whether the stylesheet link in a reader's shadow root loaded or failed (`window.__css`).
const WATCH: &str = r#"window.__errors = [];
window.__violations = [];
window.__css = null;
document.addEventListener("folio:error", (e) => window.__errors.push(e.detail));
document.addEventListener("securitypolicyviolation", (e) =>
  window.__violations.push(e.effectiveDirective + " " + e.blockedURI));
const attach = Element.prototype.attachShadow;
Element.prototype.attachShadow = function (init) {
  const root = attach.call(this, init);
  for (const kind of ["load", "error"])
    root.addEventListener(kind, (e) => { if (e.target.localName === "link") window.__css = kind; }, true);
  return root;
};
"#;

const ICON: &str = r#"<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>"#;

/// The files folio.js loads: the lite module's glue and wasm, the stylesheet, the full module's glue and wasm.
#[derive(Clone, Copy, Debug, PartialEq)]
enum File {
    Glue,
    Wasm,
    Css,
    FullGlue,
    FullWasm,
    /// Arabic's interface strings, which a reader with `lang="ar"` loads.
    ArStrings,
}

/// The one file of the build whose name starts with `prefix` and ends with `suffix`.
fn named(dir: &Path, prefix: &str, suffix: &str) -> String {
    let names: Vec<String> = std::fs::read_dir(dir)
        .expect("the site's folder")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(prefix) && n.ends_with(suffix))
        .collect();
    assert_eq!(names.len(), 1, "one {prefix}*{suffix}: {names:?}");
    names[0].clone()
}

impl File {
    fn name(self, dir: &Path) -> String {
        match self {
            File::Glue => named(dir, "folio-embed-", ".js"),
            File::Wasm => named(dir, "folio-embed-", "_bg.wasm"),
            File::Css => named(dir, "folio-embed-", ".css"),
            File::FullGlue => named(dir, "folio-full-", ".js"),
            File::FullWasm => named(dir, "folio-full-", "_bg.wasm"),
            File::ArStrings => named(dir, "folio-strings-ar-", ".json"),
        }
    }

    /// Whether the file belongs to the full module (the host page's reader then has a `preset`, so it loads it).
    fn is_full(self) -> bool {
        matches!(self, File::FullGlue | File::FullWasm)
    }

    /// The WebAssembly its module starts (for glue), or itself.
    fn wasm(self) -> File {
        if self.is_full() {
            File::FullWasm
        } else {
            File::Wasm
        }
    }

    /// Change the file so that it is still valid JavaScript, WebAssembly or CSS, only not what was hashed.
    fn tamper(self, dir: &Path) {
        let path = dir.join(self.name(dir));
        let mut bytes = std::fs::read(&path).expect("the file to tamper with");
        match self {
            // A statement that leaves a trace if the tampered module ever runs.
            File::Glue | File::FullGlue => {
                bytes.extend_from_slice(b"\nglobalThis.__folioTamperedRan = true;\n")
            }
            // A custom section (id 0, 5 bytes: the name "tamp"): the module still compiles.
            File::Wasm | File::FullWasm => {
                bytes.extend_from_slice(&[0, 5, 4, b't', b'a', b'm', b'p'])
            }
            File::Css => bytes.extend_from_slice(b"\n/* tampered */\n"),
            // Whitespace after the array: still the same JSON.
            File::ArStrings => bytes.extend_from_slice(b"\n"),
        }
        std::fs::write(&path, bytes).expect("tampered file written");
    }
}

/// A copy of the build (with `tampered` changed, if any) served under the strict policy; the host page's URL (on
/// `localhost`, Folio on `127.0.0.1`) and Folio's origin. The reader is in Arabic when `arabic` is set (and when
/// Arabic's strings are the tampered file).
fn site(tampered: Option<File>, arabic: bool) -> (SiteServer, String, String) {
    let label = format!("integrity-{}", format!("{tampered:?}").to_lowercase());
    let server = SiteServer::start_with(&label, &[], |port| {
        let folio = format!("http://127.0.0.1:{port}");
        let policy = format!(
            "default-src 'none'; script-src {folio} 'wasm-unsafe-eval'; style-src {folio}; \
             img-src {folio}; connect-src {folio}"
        );
        vec![
            "--allow-origin".into(),
            format!("http://localhost:{port}"),
            "--csp".into(),
            format!("/integrity/host.html={policy}"),
        ]
    });
    let dir = server.site.dir.clone();
    if let Some(file) = tampered {
        file.tamper(&dir);
    }
    let folio = server.url.trim_end_matches('/').to_string();
    let sri = std::fs::read_to_string(dir.join("folio-sri.txt")).expect("folio-sri.txt");
    let sri = sri
        .lines()
        .find_map(|l| l.strip_suffix("  folio.js"))
        .expect("the loader's SRI hash")
        .to_string();
    std::fs::create_dir_all(dir.join("integrity")).expect("integrity/");
    // A full module's file is loaded by a reader with a preset (the Folio preset: the same article).
    let preset = if tampered.is_some_and(File::is_full) {
        r#" preset="folio""#
    } else if arabic || tampered == Some(File::ArStrings) {
        r#" lang="ar""#
    } else {
        ""
    };
    let page = PAGE
        .replace("@FOLIO@", &folio)
        .replace("@SRI@", &sri)
        .replace("@PRESET@", preset);
    std::fs::write(dir.join("integrity/host.html"), page).expect("host.html");
    std::fs::write(dir.join("integrity/watch.js"), WATCH).expect("watch.js");
    std::fs::write(dir.join("integrity/icon.svg"), ICON).expect("icon.svg");
    let url = format!(
        "{}integrity/host.html",
        server.url.replace("127.0.0.1", "localhost")
    );
    (server, url, folio)
}

/// A JS expression for `sel` in the reader's shadow root.
fn inside(sel: &str) -> String {
    format!("document.getElementById('r')?.shadowRoot?.querySelector('{sel}')")
}

/// How many times the page fetched `url` (resource timing).
fn fetches(url: &str) -> String {
    format!("performance.getEntriesByName({url:?}).length")
}

// The untampered copy renders, styled, under the strict policy with no violation; the module was fetched once:
// the import() ran what the modulepreload link had checked. The full module was never asked for.
#[tokio::test(flavor = "multi_thread")]
async fn untampered_embed_renders() {
    let (server, url, folio) = site(None, false);
    let glue = format!("{folio}/{}", File::Glue.name(&server.site.dir));
    let full = format!("{folio}/{}", File::FullGlue.name(&server.site.dir));
    for browser in Browser::ALL {
        let s = Session::start(browser).await;
        s.goto(&url).await;
        s.wait_for(
            "the article",
            &format!("({})?.textContent.includes({SEED_TITLE:?})", inside("h1")),
        )
        .await;
        s.wait_for("the stylesheet", "window.__css === 'load'")
            .await;
        let facts = s
            .eval(&format!(
                "return [getComputedStyle({}).maxWidth, {}.sheet !== null, {}, {}, \
                 document.querySelectorAll('link[rel=modulepreload]').length, window.__errors, window.__violations]",
                inside(".folio"),
                inside("link"),
                fetches(&glue),
                fetches(&full),
            ))
            .await;
        assert_eq!(
            facts,
            json!(["640px", true, 1, 0, 1, [], []]),
            "{browser:?}: [max-width, stylesheet, module fetches, full module fetches, preload links, errors, \
             violations]"
        );
        s.close().await;
    }
}

/// Load the host page of a copy with `file` tampered with, in every browser, and hand the session to `check`
/// once the page settled.
async fn refused(file: File) {
    let (server, url, folio) = site(Some(file), false);
    let wasm = format!("{folio}/{}", file.wasm().name(&server.site.dir));
    for browser in Browser::ALL {
        let s = Session::start(browser).await;
        s.goto(&url).await;
        match file {
            File::Glue | File::Wasm | File::FullGlue | File::FullWasm => {
                s.wait_for("a folio:error", "window.__errors.length > 0")
                    .await;
                let facts = s
                    .eval(&format!(
                        "return [window.__errors.map(e => e.kind), !!{}, \
                         customElements.get('folio-reader').liveApps()]",
                        inside("h1")
                    ))
                    .await;
                assert_eq!(
                    facts,
                    json!([["load"], false, 0]),
                    "{browser:?}, {file:?} tampered: [error kinds, an article drawn, live apps]"
                );
                if matches!(file, File::Glue | File::FullGlue) {
                    // The module never ran: the statement appended to it left no trace. (Its WebAssembly was
                    // requested beside it, once, and never used.) The error can come before that request has
                    // finished, and a resource-timing entry appears only when it has (Firefox in CI), so wait for it.
                    s.wait_for(
                        "the WebAssembly requested beside the glue",
                        &format!("{} > 0", fetches(&wasm)),
                    )
                    .await;
                    assert_eq!(
                        s.eval(&format!(
                            "return [!!window.__folioTamperedRan, {}]",
                            fetches(&wasm)
                        ))
                        .await,
                        json!([false, 1]),
                        "{browser:?}: [the tampered module ran, wasm requests]"
                    );
                }
            }
            File::ArStrings => {
                s.wait_for(
                    "the article",
                    &format!("({})?.textContent.includes({SEED_TITLE:?})", inside("h1")),
                )
                .await;
                let facts = s
                    .eval(&format!(
                        "const t = {}.textContent; \
                         return [t.includes('Copy link'), t.includes({ARABIC_COPY_LINK:?}), window.__errors, \
                         window.__violations]",
                        inside(".folio")
                    ))
                    .await;
                assert_eq!(
                    facts,
                    json!([true, false, [], []]),
                    "{browser:?}: [English interface, Arabic interface, errors, violations]"
                );
            }
            File::Css => {
                s.wait_for(
                    "the article",
                    &format!("({})?.textContent.includes({SEED_TITLE:?})", inside("h1")),
                )
                .await;
                s.wait_for("the stylesheet to fail", "window.__css === 'error'")
                    .await;
                let facts = s
                    .eval(&format!(
                        "const l = {}; \
                         return [!l.sheet || l.sheet.cssRules.length === 0, getComputedStyle({}).maxWidth, \
                         window.__errors]",
                        inside("link"),
                        inside(".folio")
                    ))
                    .await;
                assert_eq!(
                    facts,
                    json!([true, "none", []]),
                    "{browser:?}: [no sheet or no rules (Firefox keeps an empty one), max-width unstyled, errors]"
                );
            }
        }
        s.close().await;
    }
}

// A tampered wasm-bindgen module is refused before it runs: the modulepreload link's integrity check fails, the
// reader reports a load error and draws nothing, and the statement appended to the module never ran.
#[tokio::test(flavor = "multi_thread")]
async fn tampered_glue_module_is_refused() {
    refused(File::Glue).await;
}

// A tampered WebAssembly module (still valid) is refused by fetch's integrity check: a load error, nothing drawn.
#[tokio::test(flavor = "multi_thread")]
async fn tampered_wasm_is_refused() {
    refused(File::Wasm).await;
}

// The same for the full module, which a reader with a preset loads: a tampered wasm-bindgen module never runs.
#[tokio::test(flavor = "multi_thread")]
async fn tampered_full_glue_module_is_refused() {
    refused(File::FullGlue).await;
}

// And a tampered full WebAssembly module is refused by fetch's integrity check.
#[tokio::test(flavor = "multi_thread")]
async fn tampered_full_wasm_is_refused() {
    refused(File::FullWasm).await;
}

// A tampered stylesheet is refused by the link's integrity check: the article is drawn without it (Chromium leaves
// `link.sheet` null, Firefox an empty sheet).
#[tokio::test(flavor = "multi_thread")]
async fn tampered_stylesheet_is_not_applied() {
    refused(File::Css).await;
}

/// Arabic's "Copy link", on the share bar.
const ARABIC_COPY_LINK: &str = "انسخ الرابط";

// A reader in Arabic fetches Arabic's strings, checked against their hash, and shows its interface in Arabic under
// the strict policy (the control for the test below).
#[tokio::test(flavor = "multi_thread")]
async fn untampered_strings_are_used() {
    let (server, url, folio) = site(None, true);
    let strings = format!("{folio}/{}", File::ArStrings.name(&server.site.dir));
    for browser in Browser::ALL {
        let s = Session::start(browser).await;
        s.goto(&url).await;
        s.wait_for(
            "the Arabic interface",
            &format!(
                "({})?.textContent.includes({ARABIC_COPY_LINK:?})",
                inside(".folio")
            ),
        )
        .await;
        let facts = s
            .eval(&format!(
                "return [{}, window.__errors, window.__violations]",
                fetches(&strings)
            ))
            .await;
        assert_eq!(
            facts,
            json!([1, [], []]),
            "{browser:?}: [strings fetches, errors, violations]"
        );
        s.close().await;
    }
}

// Tampered strings are refused by fetch's integrity check: the reader draws the article with its interface in
// English, and reports no error (a console warning says why).
#[tokio::test(flavor = "multi_thread")]
async fn tampered_strings_leave_english() {
    refused(File::ArStrings).await;
}

// The build writes the hash of every file the loader pulls into folio.js, and they match the files.
#[test]
fn folio_js_pins_every_file_it_loads() {
    let dist = crate::support::dist();
    let loader = std::fs::read_to_string(dist.join("folio.js")).expect("folio.js");
    assert!(
        !loader.contains("__FOLIO_"),
        "a placeholder left in folio.js"
    );
    let sri = std::fs::read_to_string(dist.join("folio-sri.txt")).expect("folio-sri.txt");
    for file in [
        File::Glue,
        File::Wasm,
        File::Css,
        File::FullGlue,
        File::FullWasm,
        File::ArStrings,
    ] {
        let name = file.name(&dist);
        let hash = sri
            .lines()
            .find_map(|l| l.strip_suffix(&format!("  {name}")))
            .unwrap_or_else(|| panic!("{name} in folio-sri.txt"));
        assert!(
            loader.contains(&format!("{name:?}")) && loader.contains(&format!("{hash:?}")),
            "folio.js names {name} with its hash {hash}"
        );
    }
}
