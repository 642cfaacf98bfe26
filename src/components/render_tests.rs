//! Server rendering (issue 15, point 1): every component renders natively under `yew::ServerRenderer`, from an
//! article and a first page of comments read by the same adapter as in the browser ([`Preloaded`]). These tests
//! render the seed article and the threaded demo article and check the markup contract of docs/architecture.md.

use std::rc::Rc;

use yew::LocalServerRenderer;

use crate::config::ReaderConfig;
use crate::hooks::Preloaded;
use crate::source::mapping::MappingChoice;
use crate::{Reader, ReaderProps};

const BASE: &str = "https://folio.example/demo/articles/";

/// The demo article `id` and its comment list, read as the reference server would serve them.
fn preloaded(id: &str, article: &str, comments: &str) -> Rc<Preloaded> {
    let url = format!("{BASE}{id}.json");
    let list_url = format!("https://folio.example/demo/comments/{id}.json");
    Rc::new(
        Preloaded::read(
            article,
            &url,
            &MappingChoice::Auto,
            Some((comments, &list_url, &[])),
        )
        .expect("the demo article and its comments read"),
    )
}

/// Render the reader for `pre` to HTML, as a server would (no hydration markers, to read it plainly).
fn render(pre: Rc<Preloaded>) -> String {
    let mut config = ReaderConfig::new(format!("{BASE}x.json"));
    config.lang = Some("en".into());
    let props = ReaderProps {
        config,
        on_loaded: Default::default(),
        on_error: Default::default(),
        on_comment_posted: Default::default(),
        preloaded: Some(pre),
    };
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a runtime");
    let local = tokio::task::LocalSet::new();
    local.block_on(
        &rt,
        LocalServerRenderer::<Reader>::with_props(props)
            .hydratable(false)
            .render(),
    )
}

fn seed() -> String {
    render(preloaded(
        "cuba-china-military-cooperation",
        include_str!("../../demo/articles/cuba-china-military-cooperation.json"),
        include_str!("../../demo/comments/cuba-china-military-cooperation.json"),
    ))
}

fn threaded() -> String {
    render(preloaded(
        "night-trains-return",
        include_str!("../../demo/articles/night-trains-return.json"),
        include_str!("../../demo/comments/night-trains-return.json"),
    ))
}

/// The text between the first `open` and the next `close` after it.
fn between<'a>(html: &'a str, open: &str, close: &str) -> &'a str {
    let start = html.find(open).map_or(html.len(), |i| i + open.len());
    let end = html[start..].find(close).map_or(html.len(), |i| start + i);
    &html[start..end]
}

/// The comment section (the share bar is a `<section>` too).
fn comments(html: &str) -> &str {
    between(
        html,
        "<section aria-labelledby=\"folio-comments-heading\"",
        "</section>",
    )
}

// The seed article: title, standfirst, breadcrumb, dates, hero with caption and credit, body with its related
// block, tags, share links, and the empty thread's heading and message — all in the first HTML.
#[test]
fn seed_article_renders_on_a_server() {
    let html = seed();
    assert!(html.contains("<article"), "{html}");
    assert!(
        html.contains(">Cuba and China Agree to Strengthen Military Cooperation</h1>"),
        "{html}"
    );
    assert!(html.contains("<nav aria-label=\"Breadcrumb\""), "{html}");
    assert!(
        html.contains("<time datetime=\"2017-03-31\">2017-03-31</time>"),
        "{html}"
    );
    let figure = between(&html, "<figure", "</figure>");
    assert!(figure.contains("<figcaption"), "{figure}");
    assert!(figure.contains("Photo: AFP"), "{figure}");
    assert!(
        html.contains("China's defense minister, Chang Wanquan"),
        "{html}"
    );
    assert!(html.to_lowercase().contains(">related<"), "{html}");
    assert!(html.contains("Share this article"), "share bar: {html}");
    // Reader controls (issue 14): the reading time, the settings as plain buttons (the host's theme pressed, as
    // nothing is stored on a server), an empty progress bar; Mastodon waits for a server, so it is a button.
    assert!(html.contains(" min read</p>"), "reading time: {html}");
    assert!(
        html.contains("data-theme=\"auto\" data-text-size=\"medium\""),
        "{html}"
    );
    assert!(
        html.contains("aria-pressed=\"true\" class=\"folio-display__option\">Auto</button>"),
        "{html}"
    );
    assert!(html.contains("role=\"progressbar\""), "{html}");
    assert!(html.contains("aria-valuenow=\"0\""), "{html}");
    assert!(
        html.contains(
            "<button type=\"button\" aria-haspopup=\"dialog\" aria-label=\"Share on Mastodon\""
        ),
        "{html}"
    );
    assert!(
        html.contains("href=\"https://www.threads.net/intent/post?text="),
        "{html}"
    );
    let section = comments(&html);
    assert!(section.contains("Post with no comments."), "{section}");
    assert!(
        !html.contains("folio-loading"),
        "nothing is left loading: {html}"
    );
}

// The threaded demo: the comment section's heading counts the thread, and each comment is an `li` holding an
// `article`, replies nested in an `ol` inside their parent's `li`.
#[test]
fn threaded_article_renders_its_first_comments_nested() {
    let html = threaded();
    let section = comments(&html);
    assert!(
        section.contains("<h2 id=\"folio-comments-heading\""),
        "{section}"
    );
    assert!(section.contains(": 50 comments</span></h2>"), "{section}");
    assert!(section.contains("Jonas Weber"), "{section}");
    assert!(
        section.contains("Slept <em>surprisingly</em> well"),
        "{section}"
    );
    // c2 answers c1: c1's `li` opens, then its replies' `ol`, before c1's `li` closes.
    let c1 = section.find("id=\"comment-c1\"").expect("c1 is drawn");
    let c2 = section.find("id=\"comment-c2\"").expect("c2 is drawn");
    let between_them = &section[c1..c2];
    assert!(
        between_them.contains("<ol"),
        "c2 sits in a list inside c1: {between_them}"
    );
    assert!(
        !between_them.contains("</li>"),
        "c1's item is still open at c2: {between_them}"
    );
    assert!(section.matches("<article").count() >= 10, "{section}");
    // Dates: ISO 8601 in UTC on a server (no reader, no time zone), with the machine-readable value.
    assert!(
        section.contains("<time datetime=\"2026-02-12T06:22:00Z\" title=\"2026-02-12 06:22 UTC\">2026-02-12 06:22 UTC</time>"),
        "{section}"
    );
}

// The player (issue 14): read aloud needs the browser's voices, so a server draws no player for an article without
// an audio edition; an audio edition is plain markup and is drawn, `preload="none"`, with its "Audio only" switch.
#[test]
fn player_renders_neutrally_on_a_server() {
    assert!(
        !seed().contains("folio-listen"),
        "no read-aloud player natively"
    );
    let with_audio = include_str!("../../demo/articles/cuba-china-military-cooperation.json")
        .replacen(
            "\"live\"",
            "\"audio\": \"https://folio.example/audio/seed.ogg\", \"live\"",
            1,
        );
    let html = render(preloaded(
        "cuba-china-military-cooperation",
        &with_audio,
        include_str!("../../demo/comments/cuba-china-military-cooperation.json"),
    ));
    let player = between(&html, "class=\"folio-listen\">", "</section>");
    assert!(
        player.contains("<audio preload=\"none\" src=\"https://folio.example/audio/seed.ogg\" controls=\"controls\""),
        "{player}"
    );
    assert!(
        player.contains("aria-pressed=\"false\" class=\"folio-listen__only\">Audio only</button>"),
        "{player}"
    );
}
