//! Every preset renders its fixture (tests/fixtures/<preset>/, shaped like the platform's documented responses)
//! in Chromium and Firefox: the fixtures are copied into a temporary copy of the build and served by the reference
//! server, and the SPA loads them with `?src=…&preset=…`. Also: auto-detection, a custom mapping document given by
//! URL, the playground, and Ghost's "more replies" button against a loopback server answering like Ghost.

use tokio::net::TcpStream;

use crate::support::loopback::{response, send, Loopback, Request};
use crate::support::paths::fixture;
use crate::support::thread::wait_article;
use crate::support::{root, Browser, Server, Session, SiteServer};

/// The server on a temporary copy of the build with the fixtures under /fixtures/.
fn fixture_server() -> SiteServer {
    SiteServer::start("presets", &[("tests/fixtures", "fixtures")])
}

/// One preset's page: (preset, article file, comments file, title, visible comment count).
struct Case {
    preset: &'static str,
    src: &'static str,
    comments: Option<&'static str>,
    title: &'static str,
    count: Option<u64>,
    /// Some comments are replies (drawn nested).
    threaded: bool,
}

const CASES: [Case; 16] = [
    Case {
        preset: "folio",
        src: "folio/article.json",
        comments: Some("folio/comments.json"),
        title: "Night trains",
        count: Some(50),
        threaded: true,
    },
    Case {
        preset: "wordpress",
        src: "wordpress/post.json",
        comments: Some("wordpress/comments.json"),
        title: "Night Trains – Europe’s Sleeper Comeback",
        count: Some(3),
        threaded: true,
    },
    Case {
        preset: "ghost",
        src: "ghost/post.json",
        comments: Some("ghost/comments.json"),
        title: "Welcome to Ghost",
        // Nine comments, the hidden and the deleted one kept as placeholders (uncounted); Ghost's own total (4)
        // counts top-level comments only.
        count: Some(7),
        threaded: true,
    },
    Case {
        preset: "jsonfeed",
        src: "jsonfeed/feed.json",
        comments: None,
        title: "Sleepers, Revisited",
        count: None,
        threaded: false,
    },
    Case {
        preset: "drupal",
        src: "drupal/article.json",
        comments: Some("drupal/comments.json"),
        title: "Nachtzüge kehren zurück",
        count: Some(2),
        threaded: true,
    },
    Case {
        preset: "hackernews",
        src: "hackernews/item.json",
        comments: None,
        title: "Ask HN: The Arc Effect",
        count: Some(3),
        threaded: true,
    },
    Case {
        preset: "hackernews-firebase",
        src: "hackernews-firebase/8863.json",
        comments: None,
        title: "My YC app: Dropbox - Throw away your USB drive",
        count: Some(2),
        threaded: true,
    },
    Case {
        preset: "reddit",
        src: "reddit/post.json",
        comments: None,
        title: "Show & Tell: a reader widget in Yew & WebAssembly",
        count: Some(3),
        threaded: true,
    },
    Case {
        preset: "mastodon",
        src: "mastodon/status.json",
        comments: Some("mastodon/context.json"),
        title: "\"I lost my inheritance",
        count: Some(2),
        threaded: true,
    },
    Case {
        preset: "discourse",
        src: "discourse/topic.json",
        comments: None,
        title: "Night trains are back – what’s next?",
        count: Some(2),
        threaded: true,
    },
    Case {
        preset: "forem",
        src: "forem/article.json",
        comments: Some("forem/comments.json"),
        title: "Byte Sized Episode 2: The Creation of Graph Theory",
        // The fixture gained a deleted and a hidden comment (issue 13): kept as placeholders, the deleted one
        // uncounted.
        count: Some(4),
        threaded: true,
    },
    Case {
        preset: "realworld",
        src: "realworld/article.json",
        comments: Some("realworld/comments.json"),
        title: "How to train your dragon",
        count: Some(2),
        threaded: false,
    },
    // The presets issue 13 added. Lemmy's total is the post's `counts.comments` (5, two of them deleted or removed
    // placeholders); Bluesky's replies are inside the thread (five, one gone and one blocked: placeholders).
    Case {
        preset: "lemmy",
        src: "lemmy/post.json",
        comments: Some("lemmy/comments.json"),
        title: "The Bridges of Königsberg",
        count: Some(5),
        threaded: true,
    },
    Case {
        preset: "bluesky",
        src: "bluesky/thread.json",
        comments: None,
        title: "Königsberg 🌉 had seven bridges.",
        count: Some(3),
        threaded: true,
    },
    Case {
        preset: "strapi",
        src: "strapi/article-v5.json",
        comments: Some("strapi/comments.json"),
        title: "The Bridges of Königsberg",
        count: Some(5),
        threaded: true,
    },
    // Contentful's Delivery API has no comments.
    Case {
        preset: "contentful",
        src: "contentful/entries.json",
        comments: None,
        title: "The Bridges of Königsberg",
        count: None,
        threaded: false,
    },
];

/// The presets detection must tell apart from one another (of [`CASES`]: Ghost's post and the
/// presets issue 13 added), read again without a `preset`.
const DETECTED: [&str; 5] = ["ghost", "lemmy", "bluesky", "strapi", "contentful"];

async fn wait_count(s: &Session) -> u64 {
    s.wait_for(
        "the comment count",
        "document.querySelector('.folio-comments__count') || document.querySelector('.folio-comments [role=alert]')",
    )
    .await;
    let n = s
        .eval("const c = document.querySelector('.folio-comments__count'); return c ? Number(c.textContent) : -1")
        .await;
    n.as_u64().unwrap_or(u64::MAX)
}

/// Load `case` (with its preset, or left to detection) and check what it draws: no error, the title, a body, no
/// script, and the comment count with replies drawn nested, or no comment section.
async fn check_case(s: &Session, server: &SiteServer, case: &Case, with_preset: bool) {
    let browser = s.browser;
    let mut url = format!("{}?src=fixtures/{}", server.url, case.src);
    if with_preset {
        url.push_str(&format!("&preset={}", case.preset));
    }
    if let Some(c) = case.comments {
        url.push_str(&format!("&comments=fixtures/{c}"));
    }
    s.goto(&url).await;
    wait_article(s).await;
    let alert = s.eval("const a = document.querySelector('article.folio-article [role=alert], .folio > [role=alert]'); return a ? a.textContent : ''").await;
    assert_eq!(alert, "", "{browser:?} {}: no error", case.preset);
    let h1 = s.text("article.folio-article h1").await;
    assert!(
        h1.starts_with(case.title),
        "{browser:?} {}: title {h1:?}",
        case.preset
    );
    let paragraphs = s.eval("return document.querySelectorAll('article.folio-article .folio-body > *, article.folio-article p').length").await;
    assert!(
        paragraphs.as_u64().unwrap_or(0) > 0,
        "{browser:?} {}: body drawn",
        case.preset
    );
    assert_eq!(
        s.eval("return document.querySelectorAll('article.folio-article script').length")
            .await,
        0
    );
    if let Some(want) = case.count {
        assert_eq!(
            wait_count(s).await,
            want,
            "{browser:?} {}: visible comments",
            case.preset
        );
        let replies = s.eval("return document.querySelectorAll('.folio-thread__replies .folio-thread__item').length").await;
        assert_eq!(
            replies.as_u64().unwrap_or(0) > 0,
            case.threaded,
            "{browser:?} {}: threaded",
            case.preset
        );
    } else {
        assert_eq!(
            s.eval("return document.querySelectorAll('.folio-comments').length")
                .await,
            0,
            "{}",
            case.preset
        );
    }
}

// Each preset renders its fixture article (title, body) and its threaded comments, in both browsers.
#[tokio::test(flavor = "multi_thread")]
async fn every_preset_renders_its_fixture() {
    let server = fixture_server();
    for browser in Browser::ALL {
        let s = Session::start(browser).await;
        for case in &CASES {
            check_case(&s, &server, case, true).await;
        }
        // Ghost sends three of the first comment's five replies: the other two are a button under it.
        s.goto(&format!(
            "{}?src=fixtures/ghost/post.json&preset=ghost&comments=fixtures/ghost/comments.json",
            server.url
        ))
        .await;
        wait_article(&s).await;
        s.wait_for(
            "Ghost's more-replies stub",
            "document.querySelector('button.folio-thread__more-stub')",
        )
        .await;
        assert_eq!(
            s.text("button.folio-thread__more-stub").await.trim(),
            "2 more replies",
            "{browser:?}"
        );
        s.close().await;
    }
}

// Without a preset, the shape is detected; a custom mapping document given by URL reads an API no preset knows.
#[tokio::test(flavor = "multi_thread")]
async fn detection_and_custom_mapping() {
    let server = fixture_server();
    for browser in Browser::ALL {
        let s = Session::start(browser).await;
        s.goto(&format!("{}?src=fixtures/reddit/post.json", server.url))
            .await;
        wait_article(&s).await;
        assert!(
            s.text("article.folio-article h1")
                .await
                .starts_with("Show & Tell"),
            "{browser:?}: detected reddit"
        );
        assert_eq!(wait_count(&s).await, 3, "{browser:?}");
        // Ghost and the presets issue 13 added, each told apart from the others (three of them share a title:
        // only the right preset draws the article and its count without an error).
        for case in CASES.iter().filter(|c| DETECTED.contains(&c.preset)) {
            check_case(&s, &server, case, false).await;
        }

        s.goto(&format!(
            "{}?src=fixtures/custom/article.json&mapping=fixtures/custom/mapping.json",
            server.url
        ))
        .await;
        wait_article(&s).await;
        assert_eq!(
            s.text("article.folio-article h1").await,
            "The Bridges of Königsberg",
            "{browser:?}"
        );
        assert_eq!(wait_count(&s).await, 2, "{browser:?}: one removed of three");

        // A mismatch is explained in the widget: the missing field, the paths tried, the preset.
        s.goto(&format!(
            "{}?src=fixtures/ghost/post.json&preset=wordpress",
            server.url
        ))
        .await;
        wait_article(&s).await;
        let alert = s.text("[role=alert]").await;
        assert!(
            alert.contains("title")
                && alert.contains("title.rendered")
                && alert.contains("wordpress"),
            "{browser:?}: {alert}"
        );
        s.close().await;
    }
}

// The playground maps a pasted document live, shows mapping warnings and errors beside it, and builds the embed
// snippet.
#[tokio::test(flavor = "multi_thread")]
async fn playground_maps_live() {
    let server = fixture_server();
    let doc = std::fs::read_to_string(root().join("tests/fixtures/hackernews/item.json"))
        .expect("fixture");
    for browser in Browser::ALL {
        let s = Session::start(browser).await;
        s.goto(&format!("{}?playground", server.url)).await;
        s.wait_for("the playground", "document.querySelector('#pg-source')")
            .await;
        let set = |id: &str, value: &str| {
            format!(
                "const e = document.getElementById('{id}'); e.value = {}; e.dispatchEvent(new Event('{}', {{bubbles: true}})); return true",
                serde_json::to_string(value).unwrap_or_default(),
                if id == "pg-preset" { "change" } else { "input" }
            )
        };
        s.eval(&set("pg-source", &doc)).await;
        s.wait_for(
            "the preview",
            "document.querySelector('.playground__result article.folio-article h1')",
        )
        .await;
        assert_eq!(
            s.text(".playground__result h1").await,
            "Ask HN: The Arc Effect",
            "{browser:?}"
        );
        assert!(
            s.text(".playground__status").await.contains("hackernews"),
            "{browser:?}: says what it detected"
        );
        s.wait_for(
            "the thread",
            "document.querySelectorAll('.playground__comment').length === 4",
        )
        .await;

        // A mistake in an optional field is a warning beside the render, which still draws.
        s.eval(&set(
            "pg-mapping",
            r#"{"name": "mine", "article": {"title": "title", "body": "text", "standfirst": "sumary"}}"#,
        ))
        .await;
        s.wait_for(
            "the warning",
            "document.querySelector('.playground__result .playground__warnings')",
        )
        .await;
        let warnings = s.text(".playground__result .playground__warnings").await;
        assert!(
            warnings.contains("`article.standfirst`") && warnings.contains("`sumary`"),
            "{browser:?}: {warnings}"
        );
        assert_eq!(
            s.text(".playground__result h1").await,
            "Ask HN: The Arc Effect",
            "{browser:?}: the article still renders"
        );

        s.eval(&set(
            "pg-mapping",
            r#"{"name": "mine", "article": {"title": "headline", "body": "text"}}"#,
        ))
        .await;
        s.wait_for(
            "the error",
            "document.querySelector('.playground__result [role=alert]')",
        )
        .await;
        let alert = s.text(".playground__result [role=alert]").await;
        assert!(
            alert.contains("`headline`") && alert.contains("mine"),
            "{browser:?}: {alert}"
        );

        s.eval(&set("pg-preset", "reddit")).await;
        s.wait_for(
            "the preset's mapping",
            "document.getElementById('pg-mapping').value.includes('\"reddit\"')",
        )
        .await;
        let snippet = s
            .eval("return document.getElementById('pg-snippet').value")
            .await;
        assert!(
            snippet.as_str().unwrap_or("").contains("preset=\"reddit\""),
            "{browser:?}: {snippet}"
        );
        s.close().await;
    }
}

/// Ghost's answers, from tests/fixtures/ghost: the Content API post, the members API's comments of the post, and
/// the replies of comment …1001 (all five).
async fn ghost(req: Request, stream: TcpStream) -> Option<TcpStream> {
    let file = |name: &str| fixture("ghost", name);
    let cors = "Access-Control-Allow-Origin: *\r\n";
    let out = match req.route() {
        "/ghost/api/content/posts/slug/welcome/" => {
            response("200 OK", cors, "application/json", &file("post.json"))
        }
        "/members/api/comments/post/5ddc9141c35e7700383b2937/" => {
            response("200 OK", cors, "application/json", &file("comments.json"))
        }
        "/members/api/comments/6602b1f3c9e77a0001a41001/replies/" => {
            response("200 OK", cors, "application/json", &file("replies.json"))
        }
        _ => response("404 Not Found", cors, "application/json", "{}"),
    };
    send(stream, &out).await
}

// Ghost sends three of the first comment's five replies and counts five: "2 more replies" under it is a button
// that fetches the replies endpoint, whose answer lists the five at its top level; they go under the comment, the
// three already drawn not doubled, and the button goes.
#[tokio::test(flavor = "multi_thread")]
async fn ghost_more_replies_load() {
    let spa = Server::start();
    let api = Loopback::start(ghost).await;
    let url = format!(
        "{}?src={}/ghost/api/content/posts/slug/welcome/&preset=ghost&lang=en",
        spa.url, api.origin
    );
    let c = |n: &str| format!("#comment-6602b1f3c9e77a0001a4{n}");
    let stub = format!("{} button.folio-thread__more-stub", c("1001"));
    for browser in Browser::ALL {
        let s = Session::start(browser).await;
        s.goto(&url).await;
        s.wait_for("the stub", &format!("document.querySelector('{stub}')"))
            .await;
        assert_eq!(s.text(&stub).await, "2 more replies", "{browser:?}");
        assert_eq!(
            s.eval(&format!("return !!document.querySelector('{}')", c("1005")))
                .await,
            false
        );
        s.click(&stub).await;
        s.wait_for(
            "the left-out replies under the comment",
            &format!(
                "document.querySelector('{} {}') && document.querySelector('{} {}')",
                c("1001"),
                c("1005"),
                c("1001"),
                c("1006")
            ),
        )
        .await;
        assert_eq!(
            s.eval(&format!(
                "return [document.querySelectorAll('{}').length, document.querySelectorAll('{} .folio-thread__item').length, !!document.querySelector('{stub}')]",
                c("1002"),
                c("1001")
            ))
            .await,
            serde_json::json!([1, 5, false]),
            "{browser:?}: each reply once, five under the comment, the stub gone"
        );
        s.close().await;
    }
}
