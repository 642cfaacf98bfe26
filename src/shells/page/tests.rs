use serde_json::Value;

use super::*;

const TEMPLATE: &str = include_str!("../../../index.html");
const SEED_ID: &str = "cuba-china-military-cooperation";
const TRAINS_ID: &str = "night-trains-return";

fn input(id: &str, article: &str, comments: &str) -> PageInput {
    PageInput {
        template: TEMPLATE.to_string(),
        article: (
            article.to_string(),
            format!("https://folio.example/demo/articles/{id}.json"),
        ),
        comments: Some((
            comments.to_string(),
            format!("https://folio.example/demo/comments/{id}.json"),
        )),
        comment_headers: Vec::new(),
        preset: None,
        mapping: None,
        comments_setting: None,
        lang: None,
    }
}

fn seed() -> PageInput {
    input(
        SEED_ID,
        include_str!("../../../demo/articles/cuba-china-military-cooperation.json"),
        include_str!("../../../demo/comments/cuba-china-military-cooperation.json"),
    )
}

fn trains() -> PageInput {
    input(
        TRAINS_ID,
        include_str!("../../../demo/articles/night-trains-return.json"),
        include_str!("../../../demo/comments/night-trains-return.json"),
    )
}

/// The page's JSON-LD, parsed.
fn json_ld(page: &str) -> Value {
    let open = "<script type=\"application/ld+json\">";
    let start = page.find(open).expect("a JSON-LD script") + open.len();
    let end = start + page[start..].find("</script>").expect("closed");
    serde_json::from_str(&page[start..end]).expect("valid JSON")
}

// The seed page, as `curl` sees it: head tags for crawlers and the whole article and thread in the body.
#[tokio::test]
async fn seed_page_has_head_tags_and_the_article() {
    let page = render_page(seed()).await.expect("a page");
    let title = "Cuba and China Agree to Strengthen Military Cooperation";
    assert!(page.contains(&format!("<title>{title}</title>")), "{page}");
    assert_eq!(
        page.matches("<title>").count(),
        1,
        "the template's title is replaced"
    );
    assert_eq!(page.matches("<meta name=\"description\"").count(), 1);
    assert!(
        page.contains("<meta name=\"description\" content=\"China's defense minister said"),
        "{page}"
    );
    assert!(
        !page.contains("<noscript>"),
        "the article is there without script: no 'needs JavaScript'"
    );
    assert!(page.contains("<link rel=\"canonical\" href=\"https://news.example/latin-america/cuba-china-military-cooperation\">"), "{page}");
    assert!(page.contains(&format!("<meta property=\"og:title\" content=\"{title}\">")));
    assert!(page.contains("<meta property=\"og:image\" content=\"https://folio.example/demo/images/havana-meeting.svg\">"));
    assert!(page.contains("<meta name=\"twitter:card\" content=\"summary_large_image\">"));
    // The body: the reader, drawn.
    let root = &page[page.find("<div id=\"folio-root\" data-src=\"https://folio.example/demo/articles/cuba-china-military-cooperation.json\" data-lang=\"en\">").expect("root with the reader's src and language")..];
    for text in [
        &format!(">{title}</h1>"),
        "China's defense minister said he placed great value",
        "Cuban president Raul Castro (L) meets",
        "Photo: AFP",
        "During an official state visit to Beijing this week",
        ">Related</p>",
        "https://x.com/intent/post?text=",
        "https://bsky.app/intent/compose?text=",
        "Post with no comments.",
    ] {
        assert!(root.contains(text), "{text} missing from {root}");
    }
    // The SPA's own script and styles are still there to take over.
    assert!(page.contains("data-trunk rel=\"rust\""));
    // JSON-LD: what a NewsArticle needs.
    let ld = json_ld(&page);
    assert_eq!(ld["@type"], "NewsArticle");
    assert_eq!(ld["headline"], title);
    assert_eq!(ld["datePublished"], "2017-03-31");
    assert_eq!(ld["author"][0]["name"], "teleSUR");
    assert!(ld["image"][0]
        .as_str()
        .is_some_and(|s| s.ends_with("havana-meeting.svg")));
    assert_eq!(ld["commentCount"], 0);
    // The SPA's chrome around it: its masthead, and the reader in the page's `main`.
    assert!(page.contains("<a class=\"spa-masthead__back\" href=\"/\">All articles</a></header><main class=\"spa-main\" id=\"main\"><div id=\"folio-root\""));
    // Beside the root, after it: what the page was drawn from, for the SPA to take it over with.
    let data = page_data(&page);
    assert!(page.find("id=\"folio-page-data\"") > page.find("id=\"folio-root\""));
    assert_eq!(
        data.article.url,
        "https://folio.example/demo/articles/cuba-china-military-cooperation.json"
    );
    assert!(data.article.text.contains(title));
    assert_eq!(data.lang.as_deref(), Some("en"));
    assert!(data.preloaded().is_ok());
}

/// The page's data script, read back.
fn page_data(page: &str) -> crate::shells::island::PageData {
    let open = "<script type=\"application/json\" id=\"folio-page-data\">";
    let start = page.find(open).expect("the data script") + open.len();
    let end = start + page[start..].find("</script>").expect("its end");
    crate::shells::island::PageData::from_json(&page[start..end]).expect("the data reads back")
}

// The threaded demo: its first comments nested in the markup, and each as a schema.org Comment.
#[tokio::test]
async fn threaded_page_has_nested_comments_and_comment_items() {
    let page = render_page(trains()).await.expect("a page");
    let c1 = page.find("id=\"comment-c1\"").expect("c1");
    let c2 = page.find("id=\"comment-c2\"").expect("c2");
    assert!(page[c1..c2].contains("<ol"), "c2 nests under c1");
    let ld = json_ld(&page);
    assert_eq!(ld["commentCount"], 50);
    // The comments the page shows travel with it, so the browser draws the same ones without fetching.
    let comments = page_data(&page)
        .comments
        .expect("the first page of comments");
    assert!(comments
        .url
        .ends_with("/demo/comments/night-trains-return.json"));
    assert!(comments.text.contains("\"c1\""));
    let comments = ld["comment"].as_array().expect("comments");
    assert!(comments.len() >= 10);
    for c in comments {
        assert_eq!(c["@type"], "Comment");
        assert!(
            c["author"]["name"].as_str().is_some_and(|n| !n.is_empty()),
            "{c}"
        );
        assert!(c["datePublished"].as_str().is_some(), "{c}");
        assert!(c["text"].as_str().is_some_and(|t| !t.is_empty()), "{c}");
    }
    let c2 = comments.iter().find(|c| {
        c["@id"]
            .as_str()
            .is_some_and(|i| i.ends_with("#comment-c2"))
    });
    let c2 = c2.expect("c2 in the JSON-LD");
    assert!(c2["parentItem"]["@id"]
        .as_str()
        .is_some_and(|i| i.ends_with("#comment-c1")));
    assert!(c2["text"]
        .as_str()
        .is_some_and(|t| t.starts_with("How was the noise?")));
}

// A hostile title cannot leave its attribute, its `<title>` or the JSON-LD script.
#[tokio::test]
async fn hostile_text_stays_text() {
    let evil = "A \"quoted\" </title></script><script>alert(1)</script> & <b>title</b>";
    let article = serde_json::json!({
        "folio": "1", "id": "x", "title": evil, "standfirst": evil,
        "url": "https://news.example/x", "body": "<p>Hi</p>"
    })
    .to_string();
    let mut i = input("x", &article, "{\"folio\":\"1\",\"comments\":[]}");
    i.comments = None;
    let page = render_page(i).await.expect("a page");
    assert!(!page.contains("<script>alert(1)"), "{page}");
    assert!(!page.contains("<b>title</b>"), "{page}");
    assert_eq!(
        json_ld(&page)["headline"],
        evil,
        "the JSON-LD keeps the exact text"
    );
}

// A template without the SPA's root, or an article that cannot be read, is an error, not a half page.
#[tokio::test]
async fn errors_are_reported() {
    let mut bad = seed();
    bad.template = "<html><head></head><body></body></html>".into();
    assert!(matches!(
        render_page(bad).await,
        Err(PageError::Template(_))
    ));
    let mut broken = seed();
    broken.article.0 = "{not json".into();
    let e = render_page(broken).await.expect_err("malformed JSON");
    assert!(matches!(e, PageError::Source(_)));
    assert!(!e.to_string().is_empty());
}

// The embed snippet: `<folio-reader>` around a plain copy of the article and its thread, nested, escaped.
#[test]
fn embed_snippet_holds_a_plain_copy() {
    let snippet = embed_snippet(&trains()).expect("a snippet");
    assert!(snippet.starts_with(
        "<folio-reader src=\"https://folio.example/demo/articles/night-trains-return.json\">"
    ));
    assert!(snippet.trim_end().ends_with("</folio-reader>"));
    assert!(snippet
        .contains("<h1>Night trains are back across Europe — and the sleeper cars are full</h1>"));
    assert!(snippet.contains("<h2>Comments (50)</h2>"));
    assert!(
        snippet.contains("loading=\"lazy\""),
        "undrawn images are never fetched"
    );
    let c1 = snippet.find("<strong>Jonas Weber</strong>").expect("c1");
    let c2 = snippet
        .find("<strong>Priya Natarajan</strong>")
        .expect("c2");
    assert!(
        snippet[c1..c2].contains("<ol>") && !snippet[c1..c2].contains("</li>"),
        "c2 nests in c1"
    );
    assert!(
        !snippet.contains("<button") && !snippet.contains("<textarea"),
        "nothing that needs script"
    );
    let seed = embed_snippet(&seed()).expect("a snippet");
    assert!(seed.contains("<p>Post with no comments.</p>"));
    assert!(seed.contains("Photo: AFP"));
}

// A hostile title and author stay text in the snippet.
#[test]
fn embed_snippet_escapes() {
    let article = serde_json::json!({
        "folio": "1", "id": "x", "title": "<script>alert(1)</script>\"", "body": "<p>Hi</p>",
        "authors": [{"name": "<img src=x onerror=alert(1)>"}]
    })
    .to_string();
    let mut i = input("x", &article, "{\"folio\":\"1\",\"comments\":[]}");
    i.article.1 = "https://x.example/a.json?\"><script>".into();
    let snippet = embed_snippet(&i).expect("a snippet");
    assert!(
        !snippet.contains("<script>") && !snippet.contains("<img src=x"),
        "{snippet}"
    );
}

// The module's preload leaves the rendered page's head (the page reads without it; its download waits for the
// script), the rest of Trunk's head stays: the stylesheet, the module preload of the glue, the script.
#[test]
fn the_rendered_head_does_not_preload_the_module() {
    let head = "<head><title>Folio</title><link rel=\"stylesheet\" href=\"/f.css\"/>\
        <script type=\"module\">import init from '/f.js';</script>\
        <link rel=\"modulepreload\" href=\"/f.js\" crossorigin=\"anonymous\">\
        <link rel=\"preload\" href=\"/f_bg.wasm\" crossorigin=\"anonymous\" as=\"fetch\" type=\"application/wasm\">";
    let out = head::without_own_tags(head);
    assert!(!out.contains("f_bg.wasm"), "{out}");
    assert!(!out.contains("<title>"), "{out}");
    for kept in ["/f.css", "modulepreload", "import init from '/f.js'"] {
        assert!(out.contains(kept), "{kept}: {out}");
    }
}
