//! The article benchmark (issue 11, item 5, and issue 15, item 5; not a timed test): how long until the seed
//! article's text is visible, and until its comment form takes input, from navigation start, (a) as static HTML,
//! (b) through `<folio-reader>`, (c) as the SPA page `folio-server` renders (`GET /read/{id}`) and the SPA then
//! hydrates, and (d) as the client-only SPA (`index.html?src=…`), in headless Chromium. Run it with
//! `scripts/bench-article.sh`, which prints the Markdown this writes to stdout (lines starting `@@ `).
//!
//! - "Interactive": the frame in which the compose form's textarea (for a list that takes no comments, as on the
//!   bench's static server: the drawn comment section) exists and, in the SPA, `#folio-root` carries
//!   `data-folio-ready` (set by the reader once its article is in and its handlers are attached; a server's page
//!   has the textarea long before the SPA has taken it over). Static HTML has no form: "–".
//! - The pages are written into a private copy of the build under `/bench/` (the client-only SPA is the build's
//!   own `index.html`): `rendered.html` is made by `folio::shells::page::render_page`, the function behind
//!   `GET /read/{id}`, from the build's `index.html` and the seed's JSON and comment list; `static.html` is the article
//!   (breadcrumb, kicker, title, standfirst, byline, hero, body with its related box, tags) rendered here from the
//!   same JSON by Folio's own reader (`folio::source::folio_json::parse_article`, sanitised body blocks) into the
//!   widget's markup, linking the widget's own stylesheet (the one `folio.js` links in its shadow root), no script;
//!   `embed.html` is one `<script type="module" src="/folio.js">` and one
//!   `<folio-reader src=… loading="eager">`.
//! - One server serves both, the same way. By default it is the small static server below, which sends a file's
//!   brotli copy (`brotli -q 11`, made beforehand) with `Content-Encoding: br` whenever the browser accepts `br`,
//!   as a CDN would, so the bytes on the wire are the compressed ones. `FOLIO_BENCH_SERVER=folio-server` uses the
//!   reference server (`FOLIO_SERVER_BIN`) instead, which compresses nothing: the output says which.
//! - Every run is a new Chromium with a fresh profile, the cache disabled (CDP `Network.setCacheDisabled`), and a
//!   probe added to every new document (CDP `Page.addScriptToEvaluateOnNewDocument`): a `requestAnimationFrame`
//!   loop records `performance.now()` (milliseconds since navigation start) when `article h1` (inside the
//!   element's shadow root for the embed) has text and a non-zero box; paint observers record first contentful
//!   paint and largest contentful paint. Bytes are the `transferSize` of the document and every resource (body as
//!   sent plus headers), counted once the page has settled: loaded, images and stylesheets done, the widget's
//!   comment section drawn.
//! - The variants alternate (a, b, c, d, a, b, …) after one discarded warm-up round, `FOLIO_BENCH_RUNS` (default 7) runs
//!   each, first on plain loopback, then throttled with CDP `Network.emulateNetworkConditions` to "Fast 3G"
//!   (150 ms latency, 1.6 Mbit/s down = 200,000 B/s, 750 kbit/s up = 93,750 B/s). Medians are reported.
//!
//! Chromium's DevTools protocol is reached through chromedriver's `POST /session/{id}/goog/cdp/execute`; the
//! WebDriver calls are made here over plain HTTP (a handful of endpoints), so no extra crate is needed.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use serde_json::{json, Value};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

use crate::support::browser::chromium_options;
use crate::support::loopback::read_request;
use crate::support::paths::copy_dir;
use crate::support::paths::which;
use crate::support::{dist, Server};

const SEED: &str = "cuba-china-military-cooperation";
const SEED_TITLE: &str = "Cuba and China Agree to Strengthen Military Cooperation";

/// Runs before anything of the page: records when the article's h1 is visible, and the paint timings.
const PROBE: &str = r#"(() => {
  if (window.__bench) return;
  const b = (window.__bench = { visible: 0, interactive: 0, fcp: 0, lcp: 0, title: "" });
  const root = () => {
    const r = document.querySelector("folio-reader");
    return r ? r.shadowRoot : document;
  };
  const h1 = () => root() && root().querySelector("article h1");
  // The compose form takes input: in the embed, once its textarea exists (Yew draws it with its handlers); in the
  // SPA, once the textarea exists and the reader has marked the page ready (a server's page has the textarea before
  // the SPA has taken it over).
  const interactive = () => {
    const r = root();
    // The comment form, or, for a list that takes no comments (the bench's static server has nowhere to post), the
    // comment section drawn.
    if (!r || !r.querySelector(".folio-compose textarea, .folio-comments__count, .folio-comments__empty")) return false;
    const spa = document.getElementById("folio-root");
    return !spa || spa.hasAttribute("data-folio-ready");
  };
  const tick = () => {
    const h = h1();
    if (!b.visible && h && h.textContent.trim() !== "") {
      const box = h.getBoundingClientRect();
      if (box.width > 0 && box.height > 0) {
        b.visible = performance.now();
        b.title = h.textContent.trim();
      }
    }
    if (!b.interactive && interactive()) b.interactive = performance.now();
    // A page without a reader (the static one) has nothing to become interactive.
    const reader = document.querySelector("folio-reader, #folio-root");
    if (!b.visible || (!b.interactive && reader)) {
      requestAnimationFrame(tick);
    }
  };
  requestAnimationFrame(tick);
  const watch = (type, f) => {
    try { new PerformanceObserver((l) => l.getEntries().forEach(f)).observe({ type, buffered: true }); } catch (e) {}
  };
  watch("paint", (e) => { if (e.name === "first-contentful-paint") b.fcp = e.startTime; });
  watch("largest-contentful-paint", (e) => { b.lcp = e.renderTime || e.startTime; });
})();"#;

/// True once the page has finished what it set out to load: the document, its images and stylesheets, and for the
/// widget its comment section (the last request it makes).
const SETTLED: &str = r#"const r = document.querySelector("folio-reader");
const root = r ? r.shadowRoot : document;
const reader = r || document.getElementById("folio-root");
return document.readyState === "complete" && !!root
  && [...root.querySelectorAll("img")].every((i) => i.complete)
  && [...root.querySelectorAll("link[rel=stylesheet]")].every((l) => !!l.sheet)
  && (!reader || !!root.querySelector(".folio-comments__count, .folio-comments__empty, [role=alert]"))
  && (!reader || window.__bench.interactive > 0);"#;

/// What one run measured.
const MEASURE: &str = r#"const b = window.__bench;
const all = [...performance.getEntriesByType("navigation"), ...performance.getEntriesByType("resource")];
const sum = (l) => l.reduce((s, e) => s + (e.transferSize || 0), 0);
return [b.visible, b.fcp, b.lcp, sum(all), sum(all.filter((e) => e.responseEnd <= b.visible)), all.length, b.title,
        all.map((e) => [e.name.replace(location.origin, ""), e.transferSize, Math.round(e.responseEnd)]), b.interactive];"#;

/// "Fast 3G" for `Network.emulateNetworkConditions`: latency in ms, throughputs in bytes per second.
const FAST_3G: (f64, f64, f64) = (150.0, 200_000.0, 93_750.0);

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Variant {
    Static,
    Embed,
    Rendered,
    ClientSpa,
}

impl Variant {
    const ALL: [Variant; 4] = [
        Variant::Static,
        Variant::Embed,
        Variant::Rendered,
        Variant::ClientSpa,
    ];
    fn page(self) -> String {
        match self {
            Variant::Static => "bench/static.html".into(),
            Variant::Embed => "bench/embed.html".into(),
            Variant::Rendered => "bench/rendered.html".into(),
            Variant::ClientSpa => format!("index.html?src=/demo/articles/{SEED}.json"),
        }
    }
    fn label(self) -> &'static str {
        match self {
            Variant::Static => "(a) static HTML",
            Variant::Embed => "(b) `<folio-reader>`",
            Variant::Rendered => "(c) SPA, server-rendered and hydrated",
            Variant::ClientSpa => "(d) SPA, client-only",
        }
    }
    fn short(self) -> &'static str {
        match self {
            Variant::Static => "a",
            Variant::Embed => "b",
            Variant::Rendered => "c",
            Variant::ClientSpa => "d",
        }
    }
}

/// One run's figures.
#[derive(Clone, Debug, Default)]
struct Sample {
    visible: f64,
    interactive: f64,
    fcp: f64,
    lcp: f64,
    bytes: f64,
    bytes_by_visible: f64,
    requests: f64,
}

/// The benchmark: see the module documentation. Run: `scripts/bench-article.sh [dist]`.
#[tokio::test(flavor = "multi_thread")]
#[ignore = "a benchmark: run with scripts/bench-article.sh"]
async fn bench_article() {
    let runs: usize = std::env::var("FOLIO_BENCH_RUNS")
        .ok()
        .and_then(|v| v.parse().ok())
        .filter(|&n| n > 0)
        .unwrap_or(7);
    let reference = std::env::var("FOLIO_BENCH_SERVER").is_ok_and(|v| v == "folio-server");

    // A private copy of the build, with brotli copies of everything compressible and the two pages.
    let site = BenchDir::new();
    let loader = std::fs::read_to_string(site.0.join("folio.js")).expect("folio.js in the build");
    let wasm = loader_file(&loader, "wasm").expect("folio.js names its wasm (FILES.wasm)");
    let css = loader_file(&loader, "css").expect("folio.js names its stylesheet (FILES.css)");
    precompress(&site.0);
    let wasm_raw = file_len(&site.0.join(&wasm));
    let wasm_br = file_len(&site.0.join(format!("{wasm}.br")));

    let statics;
    let reference_server;
    let (origin, serving) = if reference {
        let s = Server::start_serving(site.0.clone());
        let origin = s.url.trim_end_matches('/').to_string();
        reference_server = Some(s);
        statics = None;
        (
            origin,
            "the reference server (`folio-server --dist`), which sends no `Content-Encoding`: every byte is uncompressed"
                .to_string(),
        )
    } else {
        let s = StaticServer::start(site.0.clone()).await;
        let origin = s.origin.clone();
        statics = Some(s);
        reference_server = None;
        (
            origin,
            "a small static server in the test that sends each file's precompressed brotli copy (`brotli -q 11`) with \
             `Content-Encoding: br` when the browser accepts it (Chromium does on loopback), the same for both variants"
                .to_string(),
        )
    };
    let rendered = rendered_page(&site.0, &origin).await;
    write_pages(&site.0, &origin, &css, rendered);

    let load_before = load_average();
    let driver = Driver::start().await;
    let mut version = String::new();
    let mut tables = Vec::new();
    for (short, name, throttle) in [
        ("loopback", "Loopback, unthrottled", None),
        (
            "Fast 3G",
            "Fast 3G (CDP `Network.emulateNetworkConditions`: 150 ms latency, 200,000 B/s down, 93,750 B/s up)",
            Some(FAST_3G),
        ),
    ] {
        let mut samples: Vec<(Variant, Sample)> = Vec::new();
        // Round 0 is a warm-up pair (the operating system's file cache, Chromium's first start): not reported.
        for round in 0..=runs {
            for variant in Variant::ALL {
                if let Some(s) = &statics {
                    s.clear_log();
                }
                let (sample, browser) = driver
                    .run(&format!("{origin}/{}", variant.page()), throttle, round == 0)
                    .await;
                version = browser;
                eprintln!(
                    "{short}: run {round}{} ({}): text visible {:.0} ms, interactive {:.0} ms, FCP {:.0} ms, LCP {:.0} ms, {:.0} B in {:.0} requests",
                    if round == 0 { " (warm-up)" } else { "" },
                    variant.short(),
                    sample.visible,
                    sample.interactive,
                    sample.fcp,
                    sample.lcp,
                    sample.bytes,
                    sample.requests
                );
                if let Some(s) = &statics {
                    let log = s.take_log();
                    if round == 0 {
                        eprintln!("  served: {log:?}");
                    }
                    // The server must have sent brotli wherever it had it; else the figures are not what they claim.
                    assert!(
                        log.iter().all(|(path, enc, _)| enc == "br" || !compressible(path)),
                        "a compressible file was sent without brotli: {log:?}"
                    );
                }
                if round > 0 {
                    samples.push((variant, sample));
                }
            }
        }
        tables.push(table(name, runs, &samples));
    }
    driver.stop().await;
    drop(statics);
    drop(reference_server);

    let label = std::env::var("FOLIO_BENCH_LABEL")
        .ok()
        .filter(|l| !l.trim().is_empty())
        .unwrap_or_else(|| format!("{}, wasm {} B brotli", today(), thousands(wasm_br)));
    let mut out = vec![
        format!("### {label}"),
        String::new(),
        format!(
            "- Run {} on {}; headless Chromium {version}; `{}` from `{}`.",
            today(),
            machine(),
            wasm,
            dist().display()
        ),
        format!(
            "- The build's wasm: {} B raw, {} B brotli (`brotli -q 11`).",
            thousands(wasm_raw),
            thousands(wasm_br)
        ),
        format!("- Served from 127.0.0.1 by {serving}."),
        format!(
            "- Load average (1 min) {load_before} before the runs, {} after: other work on the machine skews every figure.",
            load_average()
        ),
        format!(
            "- {runs} runs per variant, alternating (a, b, c, d, a, b, …) after one discarded warm-up round; each run a new \
             Chromium with a fresh profile and the cache disabled. Times are from navigation start. \"Text \
             visible\": the `requestAnimationFrame` in which the article's h1 first has text and a non-zero box (the \
             frame that paints it starts then); first and largest contentful paint are Chromium's paint timings, \
             which are presentation times and come later on this software-rendered headless browser. \"Bytes\": the \
             `transferSize` of the document and every resource once the page has settled (body as sent, plus the \
             flat 300 B per response Chromium counts for headers); \"by text visible\": only the responses \
             finished before then. `/favicon.ico` (404) is requested by every page. \"Interactive\": the frame in \
             which the comment form's textarea (here, with nowhere to post: the comment section) exists and, in the SPA, the reader has marked `#folio-root` \
             `data-folio-ready` (its handlers attached: drawn, or the server's page taken over)."
        ),
        String::new(),
    ];
    for t in tables {
        out.extend(t);
        out.push(String::new());
    }
    for line in out {
        println!("@@ {line}");
    }
}

/// The Markdown table of one network condition.
fn table(name: &str, runs: usize, samples: &[(Variant, Sample)]) -> Vec<String> {
    let of = |v: Variant, f: fn(&Sample) -> f64| -> Vec<f64> {
        samples
            .iter()
            .filter(|(w, _)| *w == v)
            .map(|(_, s)| f(s))
            .collect()
    };
    let mut lines = vec![
        format!("#### {name}, median of {runs} runs"),
        String::new(),
        "| variant | text visible (ms) | min–max (ms) | interactive (ms) | first contentful paint (ms) | largest contentful paint (ms) | bytes transferred | bytes by text visible | requests |".to_string(),
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|".to_string(),
    ];
    let mut medians = Vec::new();
    for v in Variant::ALL {
        let visible = of(v, |s| s.visible);
        let (lo, hi) = visible
            .iter()
            .fold((f64::MAX, f64::MIN), |(lo, hi), &x| (lo.min(x), hi.max(x)));
        let m = (
            median(&visible),
            median(&of(v, |s| s.bytes)),
            median(&of(v, |s| s.bytes_by_visible)),
        );
        let interactive = median(&of(v, |s| s.interactive));
        lines.push(format!(
            "| {} | {:.0} | {:.0}–{:.0} | {} | {:.0} | {:.0} | {} | {} | {:.0} |",
            v.label(),
            m.0,
            lo,
            hi,
            if interactive > 0.0 {
                format!("{interactive:.0}")
            } else {
                "–".to_string()
            },
            median(&of(v, |s| s.fcp)),
            median(&of(v, |s| s.lcp)),
            thousands(m.1 as u64),
            thousands(m.2 as u64),
            median(&of(v, |s| s.requests)),
        ));
        medians.push(m);
    }
    let ratio = |b: f64, a: f64| {
        if a > 0.0 {
            format!("{:.2}×", b / a)
        } else {
            "–".to_string()
        }
    };
    for (i, v) in Variant::ALL.iter().enumerate().skip(1) {
        lines.push(format!(
            "| ratio {}/a | {} | | | | | {} | {} | |",
            v.short(),
            ratio(medians[i].0, medians[0].0),
            ratio(medians[i].1, medians[0].1),
            ratio(medians[i].2, medians[0].2)
        ));
    }
    lines
}

fn median(values: &[f64]) -> f64 {
    let mut v = values.to_vec();
    v.sort_by(f64::total_cmp);
    match v.len() {
        0 => 0.0,
        n if n % 2 == 1 => v[n / 2],
        n => (v[n / 2 - 1] + v[n / 2]) / 2.0,
    }
}

/// 357670 → "357,670".
fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn file_len(path: &Path) -> u64 {
    std::fs::metadata(path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .len()
}

/// Today's date (UTC) as YYYY-MM-DD.
fn today() -> String {
    let ms = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or(0);
    folio_time::format_date(ms)
}

/// "AMD EPYC, 2 cores, Linux 6.1.0" from /proc.
fn machine() -> String {
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|t| {
            t.lines()
                .find(|l| l.starts_with("model name"))
                .and_then(|l| l.split_once(':'))
                .map(|(_, v)| v.trim().to_string())
        })
        .unwrap_or_else(|| "an unknown CPU".to_string());
    let cores = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1);
    let kernel = std::fs::read_to_string("/proc/sys/kernel/osrelease")
        .map(|k| format!(", Linux {}", k.trim()))
        .unwrap_or_default();
    format!("{cpu}, {cores} cores{kernel}")
}

/// The one-minute load average, from /proc/loadavg.
fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|l| l.split_whitespace().next().map(str::to_string))
        .unwrap_or_else(|| "?".to_string())
}

/// A file name from folio.js's `FILES` table (`wasm: "folio-….wasm",`).
fn loader_file(loader: &str, key: &str) -> Option<String> {
    // The first `key:"…"` of FILES (for `wasm`, the lite module's: listed first, and what a Folio JSON page loads);
    // the release build's loader is minified (no spaces), the source has `key: "…"`.
    let at = [format!("{key}:\""), format!("{key}: \"")]
        .iter()
        .filter_map(|p| Some(loader.find(p.as_str())? + p.len()))
        .min()?;
    let len = loader[at..].find('"')?;
    Some(loader[at..at + len].to_string())
}

/// Files a server or CDN would compress.
fn compressible(path: &str) -> bool {
    let path = path.split('?').next().unwrap_or("");
    [".html", ".js", ".css", ".wasm", ".json", ".svg", ".txt"]
        .iter()
        .any(|e| path.ends_with(e))
        || path.ends_with('/')
}

/// `brotli -q 11` next to every compressible file of `dir` (`name.br`).
fn precompress(dir: &Path) {
    let mut files = Vec::new();
    collect_files(dir, &mut files);
    for f in files {
        let name = f.to_string_lossy().to_string();
        if !compressible(&name) {
            continue;
        }
        let status = std::process::Command::new("brotli")
            .args(["-q", "11", "-f", "-k"])
            .arg(&f)
            .status()
            .expect("brotli (scripts/install-tools.sh installs it)");
        assert!(status.success(), "brotli {name}");
    }
}

fn collect_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("read dir").flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect_files(&path, out);
        } else {
            out.push(path);
        }
    }
}

/// The private copy of the build, deleted when dropped.
struct BenchDir(PathBuf);

impl BenchDir {
    fn new() -> BenchDir {
        let dir = std::env::temp_dir().join(format!("folio-bench-article-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let from = dist();
        assert!(
            from.join("folio.js").exists(),
            "no build with folio.js in {} (scripts/build.sh)",
            from.display()
        );
        copy_dir(&from, &dir);
        BenchDir(dir)
    }
}

impl Drop for BenchDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Text for HTML content and double-quoted attributes.
fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// "2017-03-31" → "31 March 2017" (what the widget shows for `en`, near enough: the text is not measured).
fn long_date(iso: &str) -> String {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let mut parts = iso.get(..10).unwrap_or(iso).split('-');
    let (y, m, d) = (parts.next(), parts.next(), parts.next());
    match (
        y,
        m.and_then(|m| m.parse::<usize>().ok()),
        d.and_then(|d| d.parse::<u32>().ok()),
    ) {
        (Some(y), Some(m @ 1..=12), Some(d)) => format!("{d} {} {y}", MONTHS[m - 1]),
        _ => iso.to_string(),
    }
}

/// The seed article as static HTML in the widget's own markup (`src/components/article/`), read from the JSON by
/// Folio's reader so the body is the same sanitised HTML the widget draws; the share bar and the comment section
/// (the widget's, not the article's) are left out.
fn static_page(json: &str, base: &str, css: &str) -> String {
    let a = folio::source::folio_json::parse_article(json, Some(base))
        .expect("the seed article parses");
    let mut h = String::new();
    let lang = a.lang.as_deref().unwrap_or("en");
    h.push_str(&format!(
        "<!doctype html>\n<html lang=\"{}\">\n<head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{}</title>\n<link rel=\"stylesheet\" href=\"/{css}\"></head>\n<body>\n\
         <div class=\"folio\" data-theme=\"auto\" lang=\"{}\" dir=\"ltr\">\n\
         <article class=\"folio-article\" lang=\"{}\" dir=\"{}\">\n<header class=\"folio-article__header\">\n",
        esc(lang),
        esc(&a.title),
        esc(lang),
        esc(lang),
        a.dir.as_attr()
    ));
    if !a.section.is_empty() {
        h.push_str("<nav class=\"folio-breadcrumb\" aria-label=\"Breadcrumb\"><ol>");
        let last = a.section.len() - 1;
        for (i, c) in a.section.iter().enumerate() {
            match &c.url {
                Some(url) => h.push_str(&format!(
                    "<li><a href=\"{}\"{}>{}</a></li>",
                    esc(url),
                    if i == last {
                        " aria-current=\"location\""
                    } else {
                        ""
                    },
                    esc(&c.label)
                )),
                None => h.push_str(&format!("<li><span>{}</span></li>", esc(&c.label))),
            }
        }
        h.push_str("</ol></nav>\n");
    }
    if let Some(label) = &a.label {
        h.push_str(&format!(
            "<p class=\"folio-kicker\"><span class=\"folio-kicker__label\">{}</span></p>\n",
            esc(label)
        ));
    }
    h.push_str(&format!(
        "<h1 class=\"folio-title\">{}</h1>\n",
        esc(&a.title)
    ));
    if let Some(s) = &a.standfirst {
        h.push_str(&format!("<p class=\"folio-standfirst\">{}</p>\n", esc(s)));
    }
    h.push_str("<div class=\"folio-meta\">");
    if !a.authors.is_empty() {
        let names: Vec<String> = a
            .authors
            .iter()
            .map(|au| {
                format!(
                    "<span class=\"folio-byline__author\">{}</span>",
                    esc(&au.name)
                )
            })
            .collect();
        h.push_str(&format!(
            "<p class=\"folio-byline\">By {}</p>",
            names.join(", ")
        ));
    }
    if let Some(p) = &a.published {
        h.push_str(&format!(
            "<p class=\"folio-dates\"><span class=\"folio-dates__published\">Published <time datetime=\"{}\">{}</time></span></p>",
            esc(&p.iso),
            esc(&long_date(&p.iso))
        ));
    }
    h.push_str("</div>\n</header>\n");
    if let Some(hero) = &a.hero {
        let size = hero
            .size
            .map(|(w, ht)| format!(" width=\"{w}\" height=\"{ht}\""))
            .unwrap_or_default();
        h.push_str(&format!(
            "<figure class=\"folio-hero\"><img class=\"folio-hero__image\" src=\"{}\" alt=\"{}\"{size} decoding=\"async\">",
            esc(&hero.src),
            esc(&hero.alt)
        ));
        if hero.caption.is_some() || hero.credit.is_some() {
            h.push_str("<figcaption class=\"folio-hero__caption\">");
            if let Some(c) = &hero.caption {
                h.push_str(&format!(
                    "<span class=\"folio-hero__text\">{}</span>",
                    esc(c)
                ));
            }
            if let Some(c) = &hero.credit {
                h.push_str(&format!(
                    " <span class=\"folio-hero__credit\">{}</span>",
                    esc(c)
                ));
            }
            h.push_str("</figcaption>");
        }
        h.push_str("</figure>\n");
    }
    h.push_str("<div class=\"folio-body\">\n");
    let n = a.body.len();
    for i in 0..=n {
        if i > 0 {
            h.push_str(a.body[i - 1].as_str());
            h.push('\n');
        }
        let here: Vec<_> = a
            .related
            .iter()
            .filter(|r| r.after.map_or(i == n, |at| at.min(n) == i))
            .collect();
        if !here.is_empty() {
            h.push_str("<aside class=\"folio-related\"><p class=\"folio-related__label\">Related</p><ul class=\"folio-related__list\">");
            for r in here {
                h.push_str(&format!(
                    "<li><a class=\"folio-related__link\" href=\"{}\">{}</a></li>",
                    esc(&r.url),
                    esc(&r.title)
                ));
            }
            h.push_str("</ul></aside>\n");
        }
    }
    h.push_str("</div>\n");
    if !a.tags.is_empty() {
        h.push_str("<footer class=\"folio-article__footer\"><div class=\"folio-tags\"><p class=\"folio-tags__label\">Tags</p><ul class=\"folio-tags__list\" aria-label=\"Tags\">");
        for t in a.tags.iter() {
            match &t.url {
                Some(url) => h.push_str(&format!(
                    "<li class=\"folio-tag\"><a href=\"{}\">{}</a></li>",
                    esc(url),
                    esc(&t.label)
                )),
                None => h.push_str(&format!("<li class=\"folio-tag\">{}</li>", esc(&t.label))),
            }
        }
        h.push_str("</ul></div></footer>\n");
    }
    h.push_str("</article>\n</div>\n</body>\n</html>\n");
    h
}

/// The host page: one module script, one eager element.
fn embed_page() -> String {
    format!(
        "<!doctype html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{SEED_TITLE}</title>\n<script type=\"module\" src=\"/folio.js\"></script></head>\n<body>\n\
         <folio-reader src=\"/demo/articles/{SEED}.json\" loading=\"eager\"></folio-reader>\n</body>\n</html>\n"
    )
}

/// Write `bench/static.html`, `bench/embed.html` and `bench/rendered.html` (and their brotli copies) into the site.
fn write_pages(dir: &Path, origin: &str, css: &str, rendered: String) {
    let json = std::fs::read_to_string(dir.join(format!("demo/articles/{SEED}.json")))
        .expect("the seed article in the build's demo/");
    let base = format!("{origin}/demo/articles/{SEED}.json");
    let bench = dir.join("bench");
    std::fs::create_dir_all(&bench).expect("bench dir");
    std::fs::write(bench.join("static.html"), static_page(&json, &base, css)).expect("static.html");
    std::fs::write(bench.join("embed.html"), embed_page()).expect("embed.html");
    std::fs::write(bench.join("rendered.html"), rendered).expect("rendered.html");
    precompress(&bench);
}

/// The page `folio-server` answers for the seed article (`GET /read/{id}`), made by the same function
/// (`folio::shells::page::render_page`) from the build's `index.html`, the seed's JSON and its comment list, all
/// under this run's origin: the article and comments in the HTML, the SPA's module to take it over.
async fn rendered_page(dir: &Path, origin: &str) -> String {
    let read =
        |p: &str| std::fs::read_to_string(dir.join(p)).unwrap_or_else(|e| panic!("{p}: {e}"));
    let input = folio::shells::page::PageInput {
        template: read("index.html"),
        article: (
            read(&format!("demo/articles/{SEED}.json")),
            format!("{origin}/demo/articles/{SEED}.json"),
        ),
        comments: Some((
            read(&format!("demo/comments/{SEED}.json")),
            format!("{origin}/demo/comments/{SEED}.json"),
        )),
        comment_headers: Vec::new(),
        preset: None,
        mapping: None,
        comments_setting: None,
        lang: None,
    };
    folio::shells::page::render_page(input)
        .await
        .expect("the seed article rendered")
}

/// A static file server on a free loopback port: keep-alive, `index.html` for folders, and a file's `.br` copy
/// with `Content-Encoding: br` when the request accepts `br`. It logs what it sent (path, encoding, bytes).
struct StaticServer {
    origin: String,
    log: Arc<Mutex<Vec<(String, String, usize)>>>,
    task: tokio::task::JoinHandle<()>,
}

impl StaticServer {
    async fn start(dir: PathBuf) -> StaticServer {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
        let origin = format!("http://{}", listener.local_addr().expect("addr"));
        let log = Arc::new(Mutex::new(Vec::new()));
        let (dir, shared) = (Arc::new(dir), log.clone());
        let task = tokio::spawn(async move {
            while let Ok((mut stream, _)) = listener.accept().await {
                let (dir, log) = (dir.clone(), shared.clone());
                tokio::spawn(async move {
                    while let Some(req) = read_request(&mut stream).await {
                        let accepts_br = req
                            .header("accept-encoding")
                            .is_some_and(|v| v.split(',').any(|e| e.trim().starts_with("br")));
                        let (head, body, encoding) = answer(&dir, req.route(), accepts_br);
                        let out = if req.method == "HEAD" {
                            &[][..]
                        } else {
                            &body[..]
                        };
                        if let Ok(mut l) = log.lock() {
                            l.push((
                                req.path.clone(),
                                encoding.to_string(),
                                head.len() + out.len(),
                            ));
                        }
                        if stream.write_all(head.as_bytes()).await.is_err()
                            || stream.write_all(out).await.is_err()
                        {
                            break;
                        }
                    }
                });
            }
        });
        StaticServer { origin, log, task }
    }

    fn clear_log(&self) {
        if let Ok(mut l) = self.log.lock() {
            l.clear();
        }
    }

    fn take_log(&self) -> Vec<(String, String, usize)> {
        self.log
            .lock()
            .map(|mut l| std::mem::take(&mut *l))
            .unwrap_or_default()
    }
}

impl Drop for StaticServer {
    fn drop(&mut self) {
        self.task.abort();
    }
}

/// The response head, body and content encoding for a GET of `route`.
fn answer(dir: &Path, route: &str, accepts_br: bool) -> (String, Vec<u8>, &'static str) {
    let mut rel = route.trim_start_matches('/').to_string();
    if rel.is_empty() || rel.ends_with('/') {
        rel.push_str("index.html");
    }
    let file = dir.join(&rel);
    if rel.split('/').any(|s| s == "..") || !file.is_file() {
        let body = b"Not found".to_vec();
        let head = format!(
            "HTTP/1.1 404 Not Found\r\nContent-Type: text/plain\r\nContent-Length: {}\r\n\r\n",
            body.len()
        );
        return (head, body, "identity");
    }
    let kind = match rel.rsplit('.').next().unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "wasm" => "application/wasm",
        "json" => "application/json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "txt" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    };
    let br = dir.join(format!("{rel}.br"));
    let (body, encoding) = if accepts_br && br.is_file() {
        (std::fs::read(&br).expect("read .br"), "br")
    } else {
        (std::fs::read(&file).expect("read file"), "identity")
    };
    let head = format!(
        "HTTP/1.1 200 OK\r\nContent-Type: {kind}\r\nContent-Length: {}\r\nCache-Control: no-cache\r\n{}\r\n",
        body.len(),
        if encoding == "br" {
            "Content-Encoding: br\r\nVary: Accept-Encoding\r\n"
        } else {
            ""
        }
    );
    (head, body, encoding)
}

/// chromedriver on a free loopback port; each run starts its own session (a new Chromium, a fresh profile).
struct Driver {
    child: std::process::Child,
    port: u16,
}

impl Driver {
    async fn start() -> Driver {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .map(|a| a.port())
            .expect("a free port");
        let bin = which(&["chromedriver"]).expect("chromedriver (scripts/install-tools.sh)");
        let child = std::process::Command::new(bin)
            .arg(format!("--port={port}"))
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("chromedriver starts");
        let driver = Driver { child, port };
        let deadline = Instant::now() + Duration::from_secs(30);
        while driver.call("GET", "/status", None).await.is_err() {
            assert!(Instant::now() < deadline, "chromedriver did not answer");
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        driver
    }

    async fn stop(mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }

    /// One WebDriver call; the `value` of its answer, or the error it reported.
    async fn call(&self, method: &str, path: &str, body: Option<&Value>) -> Result<Value, String> {
        let body = body.map(Value::to_string).unwrap_or_default();
        let request = format!(
            "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{}\r\nContent-Type: application/json; charset=utf-8\r\n\
             Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
            self.port,
            body.len()
        );
        let exchange = async {
            let mut stream = TcpStream::connect(("127.0.0.1", self.port))
                .await
                .map_err(|e| e.to_string())?;
            stream
                .write_all(request.as_bytes())
                .await
                .map_err(|e| e.to_string())?;
            read_response(&mut stream).await
        };
        let text = tokio::time::timeout(Duration::from_secs(120), exchange)
            .await
            .map_err(|_| format!("{method} {path}: no answer in 120 s"))??;
        let v: Value = serde_json::from_str(&text).map_err(|e| format!("{e}: {text}"))?;
        let value = v.get("value").cloned().unwrap_or(Value::Null);
        if value.get("error").is_some() {
            return Err(format!("{method} {path}: {value}"));
        }
        Ok(value)
    }

    /// A CDP command on the session's page.
    async fn cdp(&self, session: &str, cmd: &str, params: Value) -> Value {
        self.call(
            "POST",
            &format!("/session/{session}/goog/cdp/execute"),
            Some(&json!({"cmd": cmd, "params": params})),
        )
        .await
        .unwrap_or_else(|e| panic!("CDP {cmd}: {e}"))
    }

    async fn script(&self, session: &str, script: &str) -> Value {
        self.call(
            "POST",
            &format!("/session/{session}/execute/sync"),
            Some(&json!({"script": script, "args": []})),
        )
        .await
        .unwrap_or_else(|e| panic!("script failed: {e}"))
    }

    /// Poll `script` (which returns a boolean) until true; panics with `what` after `secs`.
    async fn wait(&self, session: &str, what: &str, script: &str, secs: u64) {
        let deadline = Instant::now() + Duration::from_secs(secs);
        while self.script(session, script).await != Value::Bool(true) {
            assert!(Instant::now() < deadline, "timed out waiting for {what}");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// One measured page load in a new browser; the figures and the browser's version.
    async fn run(
        &self,
        url: &str,
        throttle: Option<(f64, f64, f64)>,
        verbose: bool,
    ) -> (Sample, String) {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or(0);
        let profile = std::env::temp_dir().join(format!(
            "folio-bench-profile-{}-{nanos}",
            std::process::id()
        ));
        std::fs::create_dir_all(&profile).expect("profile dir");
        let caps = json!({"capabilities": {"alwaysMatch": {
            "browserName": "chrome",
            "pageLoadStrategy": "normal",
            "goog:chromeOptions": chromium_options(&profile),
        }}});
        let created = self
            .call("POST", "/session", Some(&caps))
            .await
            .unwrap_or_else(|e| panic!("new Chromium session: {e}"));
        let id = created["sessionId"]
            .as_str()
            .expect("a session id")
            .to_string();
        let version = created["capabilities"]["browserVersion"]
            .as_str()
            .unwrap_or("?")
            .to_string();

        self.cdp(&id, "Network.enable", json!({})).await;
        self.cdp(
            &id,
            "Network.setCacheDisabled",
            json!({"cacheDisabled": true}),
        )
        .await;
        if let Some((latency, down, up)) = throttle {
            self.cdp(
                &id,
                "Network.emulateNetworkConditions",
                json!({"offline": false, "latency": latency, "downloadThroughput": down, "uploadThroughput": up}),
            )
            .await;
        }
        self.cdp(
            &id,
            "Page.addScriptToEvaluateOnNewDocument",
            json!({"source": PROBE}),
        )
        .await;

        self.call(
            "POST",
            &format!("/session/{id}/url"),
            Some(&json!({"url": url})),
        )
        .await
        .unwrap_or_else(|e| panic!("open {url}: {e}"));
        self.wait(
            &id,
            "the article text",
            "return !!(window.__bench && window.__bench.visible > 0)",
            90,
        )
        .await;
        self.wait(&id, "the page to settle", SETTLED, 90).await;
        // Nothing new for half a second: the last responses are in the resource timeline.
        let count = "return performance.getEntriesByType('resource').length";
        let mut seen = self.script(&id, count).await;
        loop {
            tokio::time::sleep(Duration::from_millis(500)).await;
            let now = self.script(&id, count).await;
            if now == seen {
                break;
            }
            seen = now;
        }
        let m = self.script(&id, MEASURE).await;
        let f = |i: usize| m[i].as_f64().unwrap_or(-1.0);
        assert_eq!(
            m[6].as_str().unwrap_or(""),
            SEED_TITLE,
            "{url}: the visible h1"
        );
        if verbose {
            eprintln!("  {url}: [name, transferSize, responseEnd ms] {}", m[7]);
        }
        let sample = Sample {
            visible: f(0),
            interactive: f(8),
            fcp: f(1),
            lcp: f(2),
            bytes: f(3),
            bytes_by_visible: f(4),
            requests: f(5),
        };
        let _ = self.call("DELETE", &format!("/session/{id}"), None).await;
        let _ = std::fs::remove_dir_all(&profile);
        (sample, version)
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Read an HTTP/1.1 response's body (Content-Length, or up to the end of the stream).
async fn read_response(stream: &mut TcpStream) -> Result<String, String> {
    let mut buf = Vec::new();
    let mut chunk = [0u8; 16_384];
    let mut length = None;
    let mut head_end = None;
    loop {
        if head_end.is_none() {
            if let Some(i) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
                let head = String::from_utf8_lossy(&buf[..i]).to_ascii_lowercase();
                length = head
                    .lines()
                    .find_map(|l| l.strip_prefix("content-length:"))
                    .and_then(|v| v.trim().parse::<usize>().ok());
                head_end = Some(i + 4);
            }
        }
        if let (Some(h), Some(n)) = (head_end, length) {
            if buf.len() >= h + n {
                return Ok(String::from_utf8_lossy(&buf[h..h + n]).into_owned());
            }
        }
        match stream.read(&mut chunk).await {
            Ok(0) => break,
            Ok(n) => buf.extend_from_slice(&chunk[..n]),
            Err(e) => return Err(e.to_string()),
        }
    }
    match head_end {
        Some(h) => Ok(String::from_utf8_lossy(&buf[h..]).into_owned()),
        None => Err("the connection closed before an answer".to_string()),
    }
}
