//! Faulty servers: the SPA (served by the real reference server) loads its article from a small HTTP server written
//! here that misbehaves on purpose, on another port (so the request is cross-origin, as an API usually is). Each
//! fault must end in the widget's error state: `role=alert`, the reason in words, the technical detail and a retry
//! button, in both browsers. The slow-but-complete answer must render the article.

use std::time::Duration;

use tokio::io::AsyncWriteExt;
use tokio::net::TcpStream;

use crate::support::loopback::{response, send, Loopback, Request};
use crate::support::thread::TRAINS;
use crate::support::{article_url, Browser, Server, Session, SiteServer};

const ARTICLE: &str = r#"{"id":"f","title":"Fault-free article","body":"<p>It arrived.</p>"}"#;

/// A server that misbehaves according to the first path segment of each request.
struct FaultyServer(Loopback);

impl FaultyServer {
    async fn start() -> FaultyServer {
        FaultyServer(Loopback::start(answer).await)
    }

    /// The SPA URL that loads the article at `/<case>/article.json` from this server.
    /// `down` points at a port where nothing listens (port 9, discard, is closed on test machines).
    fn page(&self, spa: &Server, case: &str) -> String {
        format!("{}?src={}", spa.url, self.src(case))
    }

    /// The article URL of `case`.
    fn src(&self, case: &str) -> String {
        match case {
            "down" => "http://127.0.0.1:9/article.json".to_string(),
            _ => format!("{}/{case}/article.json", self.0.origin),
        }
    }
}

/// Answers one request according to its path; returns the stream when it must be left hanging.
async fn answer(req: Request, mut stream: TcpStream) -> Option<TcpStream> {
    let path = req.path;
    let case = path.trim_start_matches('/').split('/').next().unwrap_or("");
    // Retry-After is not a CORS-safelisted header: an API must expose it, or the page cannot read it.
    let cors = "Access-Control-Allow-Origin: *\r\nAccess-Control-Expose-Headers: Retry-After\r\n";
    let reply = |status: &str, extra: &str, ctype: &str, body: &str| {
        response(status, &format!("{cors}{extra}"), ctype, body)
    };
    let json = "application/json";
    let out = match case {
        "hang" => return Some(stream),
        "slow" => {
            let head = format!(
                "HTTP/1.1 200 OK\r\n{cors}Content-Type: {json}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                ARTICLE.len()
            );
            for b in head.bytes().chain(ARTICLE.bytes()) {
                if stream.write_all(&[b]).await.is_err() {
                    return None;
                }
                let _ = stream.flush().await;
                tokio::time::sleep(Duration::from_millis(15)).await;
            }
            return None;
        }
        "close" => {
            // Promises 10,000 bytes, sends a few, then closes the connection.
            let partial = format!(
                "HTTP/1.1 200 OK\r\n{cors}Content-Type: {json}\r\nContent-Length: 10000\r\n\r\n{{\"title\":\"Cut"
            );
            let _ = stream.write_all(partial.as_bytes()).await;
            let _ = stream.flush().await;
            tokio::time::sleep(Duration::from_millis(200)).await;
            return None;
        }
        "404" => reply("404 Not Found", "", json, r#"{"error":{"message":"no such article"}}"#),
        "410" => reply("410 Gone", "", "text/plain", "gone"),
        "429" => reply("429 Too Many Requests", "Retry-After: 30\r\n", json, "{}"),
        "500" => reply(
            "500 Internal Server Error",
            "",
            "text/html",
            "<html><body><h1>Internal Server Error</h1></body></html>",
        ),
        "503" => reply("503 Service Unavailable", "Retry-After: 120\r\n", "text/plain", "maintenance"),
        "html200" => reply(
            "200 OK",
            "",
            "text/html",
            "<!DOCTYPE html><html><head><title>Error</title></head><body>Something went wrong</body></html>",
        ),
        "empty" => reply("200 OK", "", json, ""),
        // Everything right except the CORS header: the browser must refuse to hand the answer to the page.
        "nocors" => response("200 OK", "", json, ARTICLE),
        _ => reply("200 OK", "", json, ARTICLE),
    };
    send(stream, &out).await
}

/// The SPA's document, where its reader draws.
const SPA_ROOT: &str = "document";

/// The embed's reader draws in the `<folio-reader>`'s shadow root.
const EMBED_ROOT: &str = "document.querySelector('folio-reader')?.shadowRoot";

/// Wait for the error state in `root` (a JavaScript expression) and return its full text, having checked its parts.
async fn error_state(s: &Session, root: &str, case: &str, secs: u64) -> String {
    let alert = format!("{root}?.querySelector('.folio [role=alert]')");
    s.wait_for_secs("the alert", &alert, secs).await;
    let parts = s
        .eval(&format!(
            "const a = {alert};
             return [a.textContent,
                     !!a.querySelector('.folio-error__reason') && a.querySelector('.folio-error__reason').textContent.length > 0,
                     !!a.querySelector('.folio-error__detail') && a.querySelector('.folio-error__detail').textContent.length > 0,
                     !!a.querySelector('button')]"
        ))
        .await;
    let text = parts[0].as_str().unwrap_or("").to_string();
    assert_eq!(
        parts[1], true,
        "{:?} {case}: a reason in words: {text}",
        s.browser
    );
    assert_eq!(
        parts[2], true,
        "{:?} {case}: the technical detail: {text}",
        s.browser
    );
    assert_eq!(
        parts[3], true,
        "{:?} {case}: a retry button: {text}",
        s.browser
    );
    text
}

/// Each fault, with words its alert must contain.
const CASES: [(&str, &[&str]); 11] = [
    ("404", &["Nothing was found", "404"]),
    ("410", &["Nothing was found"]),
    ("429", &["Too many requests", "30 s"]),
    ("500", &["server had a problem", "500"]),
    ("503", &["server had a problem", "503"]),
    ("html200", &["not JSON", "<!DOCTYPE html>"]),
    ("empty", &["not JSON", "empty"]),
    ("close", &["closed before", "answer"]),
    // A refused origin and a server that is not there are told apart, each with what to do.
    (
        "nocors",
        &[
            "answered",
            "does not allow this page's origin",
            "Access-Control-Allow-Origin",
        ],
    ),
    ("down", &["could not be reached"]),
    ("hang", &["did not answer in time", "15 s"]),
];

/// Check every fault of [`CASES`] at `page(case)`, whose reader draws in `root`.
async fn check_faults(s: &Session, root: &str, page: impl Fn(&str) -> String) {
    let browser = s.browser;
    for (case, words) in CASES {
        s.goto(&page(case)).await;
        // The client gives up after folio::net::DEFAULT_TIMEOUT_MS (15 s); allow margin for slow machines.
        let text = error_state(s, root, case, 40).await;
        for w in words {
            assert!(
                text.contains(w),
                "{browser:?} {case}: {w:?} missing from {text:?}"
            );
        }
        if case == "down" {
            assert!(
                !text.contains("CORS"),
                "{browser:?}: a server that is not there is no CORS problem: {text:?}"
            );
        }
    }
    // The retry button really retries: after a fault, pressing it reaches the server again and shows the alert
    // anew (the server still fails), without reloading the page.
    s.goto(&page("503")).await;
    error_state(s, root, "503", 20).await;
    s.eval(&format!(
        "window.__folio_marker = 1; {root}.querySelector('.folio [role=alert] button').click()"
    ))
    .await;
    error_state(s, root, "503 retried", 20).await;
    assert_eq!(
        s.eval("return window.__folio_marker").await,
        1,
        "{browser:?}: no reload"
    );
}

// Every kind of failing answer ends in the error state with a reason that names it and a retry button; an answer
// that trickles in byte by byte still renders.
#[tokio::test(flavor = "multi_thread")]
async fn faulty_servers_give_clear_errors() {
    let spa = Server::start();
    let faulty = FaultyServer::start().await;
    for browser in Browser::ALL {
        let s = Session::start(browser).await;
        check_faults(&s, SPA_ROOT, |case| faulty.page(&spa, case)).await;

        // Slow, byte by byte, but complete within the time limit: the article is shown.
        s.goto(&faulty.page(&spa, "slow")).await;
        s.wait_for_secs(
            "the slow article",
            "document.querySelector('article.folio-article h1')",
            40,
        )
        .await;
        assert_eq!(
            s.text("article.folio-article h1").await,
            "Fault-free article"
        );
        s.close().await;
    }
}

/// A host page whose `<folio-reader>` reads the `src` of its own query (written by an external script: the page is
/// the embed's, not the SPA's).
const EMBED_HOST: &str = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Faults</title>\
    <script type=\"module\" src=\"/folio.js\"></script><script type=\"module\" src=\"/faults/host.js\"></script>\
    </head><body></body></html>";
const EMBED_HOST_JS: &str = "const r = document.createElement('folio-reader');\n\
    r.setAttribute('loading', 'eager');\n\
    r.setAttribute('src', new URLSearchParams(location.search).get('src'));\n\
    document.body.append(r);\n";

// The same faults on a `<folio-reader>`, whose first request for the article is the one its loader started beside
// the module (src/net/fetch/early.rs): the same error states, in words, with a retry (which sends its own request).
#[tokio::test(flavor = "multi_thread")]
async fn faulty_servers_give_clear_errors_in_the_embed() {
    let site = SiteServer::start("faults", &[]);
    let dir = site.site.dir.join("faults");
    std::fs::create_dir_all(&dir).expect("faults/");
    std::fs::write(dir.join("host.html"), EMBED_HOST).expect("host page");
    std::fs::write(dir.join("host.js"), EMBED_HOST_JS).expect("host script");
    let faulty = FaultyServer::start().await;
    let page = |case: &str| format!("{}faults/host.html?src={}", site.url, faulty.src(case));
    for browser in Browser::ALL {
        let s = Session::start(browser).await;
        check_faults(&s, EMBED_ROOT, page).await;
        s.close().await;
    }
}

// A panic inside the WebAssembly module (through the exported `folio_test_panic`) turns into an alert inside the
// widget and a `folio:error` event with kind "panic"; the host page's own scripts keep working.
#[tokio::test(flavor = "multi_thread")]
async fn panic_becomes_an_error_in_the_widget() {
    let spa = Server::start();
    for browser in Browser::ALL {
        let s = Session::start(browser).await;
        s.goto(&article_url(&spa, TRAINS)).await;
        s.wait_for(
            "the article",
            "document.querySelector('article.folio-article h1')",
        )
        .await;
        let thrown = s
            .eval(
                "window.__folio_events = [];
                 document.addEventListener('folio:error', e => window.__folio_events.push(e.detail));
                 try { window.wasmBindings.folio_test_panic(); return 'no error'; }
                 catch (e) { return String(e); }",
            )
            .await;
        assert_ne!(
            thrown, "no error",
            "{browser:?}: the panic reached JavaScript"
        );
        s.wait_for(
            "the panic alert",
            "document.querySelector('.folio [role=alert] .folio-error__title')",
        )
        .await;
        assert_eq!(
            s.text(".folio [role=alert] .folio-error__title").await,
            folio::shells::PANIC_TITLE,
            "{browser:?}"
        );
        assert!(
            s.text(".folio [role=alert] .folio-error__detail")
                .await
                .contains("internal error"),
            "{browser:?}: the detail names the panic"
        );
        let events = s.eval("return window.__folio_events").await;
        assert_eq!(events[0]["kind"], "panic", "{browser:?}: {events}");
        // The host page is unaffected: its DOM and its timers still work.
        s.eval("setTimeout(() => { const p = document.createElement('p'); p.id = 'host-alive'; document.body.append(p); }, 10)")
            .await;
        s.wait_for(
            "the host page's own timer",
            "document.getElementById('host-alive')",
        )
        .await;
        s.close().await;
    }
}
