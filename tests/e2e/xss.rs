//! The XSS corpus (tests/xss/vectors.txt) rendered in real Chromium and Firefox, in both shells: the SPA and
//! `<folio-reader>` on a host page (two readers a page, audited inside their shadow roots).
//!
//! The vectors are packed, 50 per page, into every untrusted field of an article (HTML body on one page, Markdown
//! body on the next; title, label, standfirst, hero alt/caption/credit, section, authors with URLs and avatars,
//! related links, tags, canonical/comments/audio URLs) and of a comment list served beside it (each vector alone
//! in an HTML comment and a Markdown comment, with author name, URL and avatar). The documents are written into a
//! copy of the dist folder and served by the reference server. Every vector that tries to reach another origin
//! points at a canary server run here, which records every request.
//!
//! After each page has rendered (every "show more" of the threads opened), the test fails if: `window.__folio_xss`
//! is set (by a script, a handler or DOM clobbering), any element in the document or in any shadow root has an
//! `on*` attribute, any URL attribute holds a `javascript:`,
//! `vbscript:` or `data:` URL, the widget holds a script, style, frame, form control or foreign (SVG/MathML)
//! element or a `style`/`target`/`srcdoc` attribute, the text fields do not read back exactly as text, the page
//! loaded anything from another origin other than an `<img>` the widget drew from a checked http(s) URL, or the
//! canary saw a request that is not such an image.

use std::sync::{Arc, Mutex};
use std::time::Instant;

use serde_json::{json, Value};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

use crate::support::{root, Browser, Server, Session, TempSite};

const PER_PAGE: usize = 50;

fn vectors(canary: &str) -> Vec<String> {
    std::fs::read_to_string(root().join("tests/xss/vectors.txt"))
        .expect("tests/xss/vectors.txt")
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| {
            l.replace("{NUL}", "\0")
                .replace("https://evil.example", &format!("http://{canary}"))
                .replace("evil.example", canary)
        })
        .collect()
}

/// A server on another origin that answers 404 to everything and records every request line.
async fn canary() -> (String, Arc<Mutex<Vec<String>>>) {
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let addr = listener.local_addr().expect("addr").to_string();
    let seen = Arc::new(Mutex::new(Vec::new()));
    let log = seen.clone();
    tokio::spawn(async move {
        while let Ok((mut stream, _)) = listener.accept().await {
            let log = log.clone();
            tokio::spawn(async move {
                let mut buf = vec![0u8; 4096];
                let n = stream.read(&mut buf).await.unwrap_or(0);
                let head = String::from_utf8_lossy(&buf[..n]);
                let line = head.lines().next().unwrap_or("(connection)").to_string();
                if let Ok(mut l) = log.lock() {
                    l.push(line);
                }
                let _ = stream
                    .write_all(
                        b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
                    )
                    .await;
            });
        }
    });
    (addr, seen)
}

fn article_doc(chunk: &[String], format: &str) -> Value {
    let joined = chunk.join(" \u{2016} ");
    let first = &chunk[0];
    json!({
        "id": "xss", "title": joined, "label": joined, "standfirst": joined,
        "body": chunk.join("\n"), "body_format": format,
        "url": first, "comments": chunk.get(1).unwrap_or(first), "audio": chunk.get(2).unwrap_or(first),
        "published": "2026-01-01T00:00:00Z",
        "section": chunk.iter().map(|v| json!({"label": v, "url": v})).collect::<Vec<_>>(),
        "authors": chunk.iter().map(|v| json!({"name": v, "url": v, "avatar": v})).collect::<Vec<_>>(),
        "hero": {"src": "hero.png", "alt": joined, "caption": joined, "credit": joined},
        "related": chunk.iter().enumerate()
            .map(|(i, v)| json!({"title": v, "url": v, "after": i % 3})).collect::<Vec<_>>(),
        "tags": chunk.iter().map(|v| json!({"label": v, "url": v})).collect::<Vec<_>>(),
    })
}

fn comments_doc(chunk: &[String]) -> Value {
    let mut comments = Vec::new();
    for (i, v) in chunk.iter().enumerate() {
        let author = json!({"name": v, "url": v, "avatar": v});
        comments.push(
            json!({"id": format!("h{i}"), "body": v, "format": "html", "author": author,
                              "date": "2026-01-01T00:00:00Z"}),
        );
        comments.push(json!({"id": format!("m{i}"), "parent": format!("h{i}"), "body": v,
                              "format": "markdown", "author": author, "date": "2026-01-01T00:00:01Z"}));
    }
    json!({ "comments": comments })
}

/// The widget roots of the page, as a JS array: each `<folio-reader>`'s shadow root in the embed (the element
/// itself if it has none, which the audit then reports), the document in the SPA.
const SCOPES: &str = "(document.querySelector('folio-reader') ? \
     [...document.querySelectorAll('folio-reader')].map(e => e.shadowRoot || e) : [document])";

/// The shells under test: the SPA (one document a page) and the embed (a host page with [`PER_HOST`] readers).
const SHELLS: [&str; 2] = ["spa", "embed"];

/// A generated document: its id, its title as the widget must show it, how many comments it holds.
type Doc = (String, String, usize);

/// Readers on one embed host page: the HTML and the Markdown document of one chunk of vectors.
const PER_HOST: usize = 2;

/// Everything the test checks in the page, in one script; returns a list of problems (empty when clean).
fn audit_script() -> String {
    format!("const scopes = {SCOPES};\n{AUDIT}")
}

const AUDIT: &str = r#"
const problems = [];
if (typeof window.__folio_xss !== 'undefined') problems.push('window.__folio_xss is set: ' + String(window.__folio_xss));
const urlAttrs = ['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'poster', 'background', 'cite',
                  'srcset', 'lowsrc', 'dynsrc', 'ping', 'codebase'];
// Every element of the document and of every shadow root in it, however deep.
const all = [];
const walk = (root) => { for (const el of root.querySelectorAll('*')) { all.push(el); if (el.shadowRoot) walk(el.shadowRoot); } };
walk(document);
for (const el of all) {
  for (const a of el.attributes) {
    const name = a.name.toLowerCase();
    if (name.startsWith('on')) problems.push('handler ' + name + ' on <' + el.localName + '>');
    if (urlAttrs.includes(name)) {
      const v = a.value.replace(/[\u0000-\u0020]/g, '').toLowerCase();
      if (/^(javascript|vbscript|data|livescript|mocha):/.test(v)) problems.push(name + '=' + a.value.slice(0, 60));
    }
  }
  // The page's own scripts: in its head, and the SPA page's early request (index.html), a child of the body itself.
  const own = el.getRootNode() === document &&
    (el.parentNode === document.head || (el.parentNode === document.body && el.id === 'folio-early'));
  if (el.localName === 'script' && !own)
    problems.push('script element in ' + (el.getRootNode() === document ? 'the document body' : 'a shadow root'));
}
for (const scope of scopes) {
  const folio = scope.querySelector('.folio');
  if (!folio) problems.push('no .folio');
  else {
    const banned = 'script,style,iframe,frame,object,embed,applet,base,meta,link,template,noscript,svg,math,' +
                   'input,select,textarea,option,portal,video,audio:not(.folio-audio),source,track,canvas,dialog,marquee';
    for (const el of folio.querySelectorAll('.folio-body *, .folio-comment__body *, .folio-article h1 *, .folio-standfirst *'))
      if (el.matches(banned)) problems.push('element <' + el.localName + '> in the widget');
    for (const el of folio.querySelectorAll('script, form:not(.folio-compose), iframe, object, embed, base, meta'))
      problems.push('element <' + el.localName + '> in .folio');
    // The reading-progress bar's own custom property, set by Folio through the CSSOM, is the one style allowed.
    for (const el of folio.querySelectorAll('[style]:not(.folio-progress), [srcdoc], [formaction], [id^=__folio]'))
      problems.push('attribute on <' + el.localName + '>: ' + el.outerHTML.slice(0, 80));
    const bodies = ['.folio-body', '.folio-comment__body'];
    for (const el of folio.querySelectorAll(bodies.flatMap(b => [b + ' [target]', b + ' [id]', b + ' [name]']).join(',')))
      problems.push('attribute in a body on <' + el.localName + '>: ' + el.outerHTML.slice(0, 80));
    for (const a of folio.querySelectorAll('.folio-body a[href^=http], .folio-comment__body a[href^=http]'))
      if (a.origin !== location.origin && !/noopener/.test(a.rel)) problems.push('link without noopener: ' + a.href);
    for (const img of folio.querySelectorAll('.folio-comment__body img')) problems.push('image in a comment body: ' + img.src);
  }
}
const here = location.origin;
const imgs = new Set(scopes.flatMap(scope => [...scope.querySelectorAll('.folio img')].map(i => i.src)));
for (const e of performance.getEntriesByType('resource')) {
  if (e.name.startsWith(here)) continue;
  if (e.initiatorType === 'img' && imgs.has(e.name)) continue;
  problems.push('foreign ' + e.initiatorType + ' request: ' + e.name);
}
return { problems, imgs: [...imgs] };
"#;

// No vector, in any field, runs script, leaves a handler or dangerous URL in the DOM, or loads anything but a
// checked image from another origin — in Chromium and Firefox.
#[tokio::test(flavor = "multi_thread")]
async fn xss_corpus_renders_inert_in_both_browsers() {
    let (canary_addr, canary_log) = canary().await;
    let vectors = vectors(&canary_addr);
    assert!(vectors.len() >= 300, "{} vectors", vectors.len());
    let chunks: Vec<&[String]> = vectors.chunks(PER_PAGE).collect();

    let started = Instant::now();
    let site = TempSite::new("xss", &[]);
    // (document id, its title as the widget must show it, how many comments it holds), per chunk.
    let mut docs: Vec<Doc> = Vec::new();
    for (n, chunk) in chunks.iter().enumerate() {
        for format in ["html", "markdown"] {
            let id = format!("xss-{n}-{format}");
            let write = |dir: &str, v: &Value| {
                let p = site.dir.join("demo").join(dir).join(format!("{id}.json"));
                std::fs::create_dir_all(p.parent().expect("parent")).expect("mkdir");
                std::fs::write(p, v.to_string()).expect("write");
            };
            write("articles", &article_doc(chunk, format));
            // Served as a static file, byte for byte what the widget will read (the live comment route of the
            // server only covers articles it imported at start, and would normalise the documents).
            write("xss", &comments_doc(chunk));
            docs.push((id, chunk.join(" \u{2016} "), 2 * chunk.len()));
        }
    }
    // The pages to visit: (shell, label, URL, the documents it shows).
    let mut pages: Vec<(usize, String, String, &[Doc])> = Vec::new();
    for (n, shell) in SHELLS.into_iter().enumerate() {
        let per_page = if shell == "embed" { PER_HOST } else { 1 };
        for group in docs.chunks(per_page) {
            let label = format!("{} ({shell})", group[0].0);
            let url = if shell == "spa" {
                let id = &group[0].0;
                format!("?src=demo/articles/{id}.json&comments=demo/xss/{id}.json")
            } else {
                let readers: String = group
                    .iter()
                    .map(|(id, ..)| {
                        format!(
                            "<folio-reader src=\"demo/articles/{id}.json\" comments=\"demo/xss/{id}.json\" \
                             loading=\"eager\"></folio-reader>"
                        )
                    })
                    .collect();
                let host = format!(
                    "<!doctype html><html lang=en><head><meta charset=utf-8><title>Host page</title>\
                     <script type=module src=\"/folio.js\"></script></head><body><h1>A host page</h1>\
                     {readers}</body></html>"
                );
                let name = format!("xss-host-{}.html", group[0].0);
                std::fs::write(site.dir.join(&name), host).expect("host page");
                name
            };
            pages.push((n, label, url, group));
        }
    }
    let server = Server::start_serving(site.dir.clone());

    let mut rendered = [0usize; SHELLS.len()];
    let mut allowed: Vec<String> = Vec::new();
    for browser in Browser::ALL {
        let s = Session::start(browser).await;
        for (shell, label, path, group) in &pages {
            s.goto(&format!("{}{path}", server.url)).await;
            s.wait_for(
                "the articles",
                &format!("{SCOPES}.length === {} && {SCOPES}.every(r => r.querySelector('article.folio-article h1, .folio [role=alert]'))", group.len()),
            )
            .await;
            // Open every "show more" of the threads, so that every comment (and its vector) is drawn.
            s.wait_for(
                "the whole threads",
                &format!(
                    "(() => {{ const more = {SCOPES}.flatMap(r => [...r.querySelectorAll('.folio-thread__show-more, .folio-thread__more-replies')]); \
                     more.forEach(b => b.click()); \
                     return more.length === 0 && {SCOPES}.every(r => r.querySelector('.folio-comment, .folio-comments [role=alert]')); }})()"
                ),
            )
            .await;
            let alerts = s
                .eval(&format!(
                    "return {SCOPES}.map(r => r.querySelector('.folio [role=alert]')?.textContent).filter(Boolean)"
                ))
                .await;
            assert_eq!(
                alerts,
                json!([]),
                "{browser:?} {label}: the page shows an error"
            );
            // Scroll through the page so lazy images and anything bound to visibility get their chance.
            s.eval("window.scrollTo(0, document.body.scrollHeight)")
                .await;
            s.wait_for(
                "images to settle",
                // Lazy images out of view never load; their handlers, if any survived, are caught by the audit.
                &format!("document.readyState === 'complete' && [...document.images, ...{SCOPES}.flatMap(r => [...r.querySelectorAll('img')])].every(i => i.complete || i.loading === 'lazy')"),
            )
            .await;
            let shown = s
                .eval(&format!(
                    "return {SCOPES}.map(r => [r.querySelector('article.folio-article h1').textContent, \
                     r.querySelectorAll('.folio-comment').length])"
                ))
                .await;
            let want: Vec<Value> = group
                .iter()
                .map(|(_, title, comments)| json!([title.trim(), comments]))
                .collect();
            assert_eq!(
                shown,
                json!(want),
                "{browser:?} {label}: [the title as text, every comment drawn]"
            );
            let audit = s.eval(&audit_script()).await;
            let problems = audit["problems"].as_array().cloned().unwrap_or_default();
            if !problems.is_empty() {
                s.screenshot(&format!("xss-{label}")).await;
            }
            assert!(problems.is_empty(), "{browser:?} {label}: {problems:#?}");
            // Lazy images may load after the audit: the canary is checked against every image drawn so far.
            allowed.extend(
                audit["imgs"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter_map(|v| {
                        v.as_str()
                            .map(|u| u.replacen(&format!("http://{canary_addr}"), "", 1))
                    }),
            );
            let seen: Vec<String> = canary_log
                .lock()
                .map(|mut l| l.drain(..).collect())
                .unwrap_or_default();
            for line in seen {
                let path = line.split_whitespace().nth(1).unwrap_or("").to_string();
                assert!(
                    line.starts_with("GET ") && allowed.contains(&path),
                    "{browser:?} {label}: the canary saw {line:?}, which is not an image the widget drew"
                );
            }
            rendered[*shell] += group.len();
        }
        // The audit can fail: a handler that ran and its attribute are both reported, here inside the last
        // page's shadow root (an embed page).
        s.eval(&format!("{SCOPES}[0].querySelector('.folio-body').insertAdjacentHTML('beforeend', '<img src=x onerror=\"window.__folio_xss=1\">')"))
            .await;
        s.wait_for("the planted handler", "window.__folio_xss === 1")
            .await;
        let planted = s.eval(&audit_script()).await["problems"].to_string();
        assert!(
            planted.contains("__folio_xss is set") && planted.contains("handler onerror"),
            "{browser:?}: the audit missed a planted handler: {planted}"
        );
        s.close().await;
    }
    assert_eq!(rendered, [docs.len() * Browser::ALL.len(); SHELLS.len()]);
    eprintln!(
        "xss corpus: {} vectors through 22 fields each (+3 URL fields taking one vector a document), {} documents \
         ({} html, {} markdown) in each of {} shells ({} SPA pages, {} embed host pages), {} browsers: {:.0} s",
        vectors.len(),
        docs.len(),
        docs.len() / 2,
        docs.len() / 2,
        SHELLS.len(),
        docs.len(),
        docs.len().div_ceil(PER_HOST),
        Browser::ALL.len(),
        started.elapsed().as_secs_f64()
    );
}
