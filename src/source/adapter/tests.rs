//! The adapter answers every question the widget asks of a source, the same way for Folio JSON and for a mapped
//! platform: pages and the next page, live events and polls, posting and its answer.

use super::*;
use crate::source::mapping::PostForm;

macro_rules! fixture {
    ($p:literal) => {
        include_str!(concat!("../../../tests/fixtures/", $p))
    };
}

const FOLIO_ARTICLE: &str = "http://127.0.0.1:8080/demo/articles/night-trains-return.json";
const WP_POST: &str = "https://news.example.com/wp-json/wp/v2/posts/4217?_embed";
const WP_COMMENTS: &str = "https://news.example.com/wp-json/wp/v2/comments?post=4217&per_page=100";

fn read(choice: MappingChoice, text: &str, base: &str) -> (Article, Adapter) {
    Adapter::read_article(text, Some(base), &choice).unwrap_or_else(|e| panic!("{e}"))
}

fn wordpress() -> Adapter {
    read(
        MappingChoice::Preset("wordpress".into()),
        fixture!("wordpress/post.json"),
        WP_POST,
    )
    .1
}

fn header(name: &str, value: &str) -> Vec<(String, String)> {
    vec![(name.to_string(), value.to_string())]
}

fn form(parent: Option<&str>) -> PostForm {
    PostForm {
        text: "Took it **twice**.".into(),
        name: "Eva".into(),
        email: String::new(),
        parent: parent.map(Into::into),
    }
}

// Folio JSON is detected and read by the built-in reader; a platform by its preset, named for messages.
#[test]
fn article_builds_the_adapter() {
    let (a, folio) = read(
        MappingChoice::Auto,
        fixture!("folio/article.json"),
        FOLIO_ARTICLE,
    );
    assert_eq!((folio.name(), folio.detected()), ("folio", true));
    assert_eq!(folio.sliceable_items(), Some("comments"));
    assert!(a.comments_url.is_some());
    let wp = wordpress();
    assert_eq!(
        (wp.name(), wp.detected(), wp.sliceable_items()),
        ("wordpress", false, None)
    );
    assert_eq!(
        wp.read_only_preset(),
        None,
        "WordPress takes anonymous comments"
    );
    let (_, hn) = read(
        MappingChoice::Preset("hackernews-firebase".into()),
        fixture!("hackernews-firebase/8863.json"),
        "https://hacker-news.firebaseio.com/v0/item/8863.json",
    );
    assert_eq!(hn.read_only_preset(), Some("hackernews-firebase"));
}

// A Folio page: its stream and next page resolved against the list's URL; without `next` in the body, the `Link`
// header says where the next page is, and `X-Total-Count` gives the total.
#[test]
fn folio_page_events_next_and_headers() {
    let url = "http://127.0.0.1:8080/api/articles/a/comments";
    let text = r#"{"comments": [{"id": "1", "author": "A", "body": "x"}], "events": "a/events"}"#;
    let headers = vec![
        ("link".to_string(), r#"<?page=2>; rel="next""#.to_string()),
        ("x-total-count".to_string(), "41".to_string()),
    ];
    let page = Adapter::folio()
        .read_page(text, url, 1, &headers)
        .expect("page");
    assert_eq!(page.list.comments.len(), 1);
    assert_eq!(
        page.events.as_deref(),
        Some("http://127.0.0.1:8080/api/articles/a/a/events")
    );
    assert_eq!(
        page.list.next.as_deref(),
        Some("http://127.0.0.1:8080/api/articles/a/comments?page=2")
    );
    assert_eq!(page.list.total, Some(41));
    let bad = Adapter::folio().read_page(r#"{"comments": 3}"#, url, 1, &[]);
    assert!(matches!(bad, Err(SourceError::WrongType { .. })), "{bad:?}");
    // The stream's URL gets the check every link gets before it reaches `EventSource` (issue 12, finding 11).
    for hostile in [
        "javascript:alert(1)",
        "data:text/event-stream,x",
        "  JavaScript:alert(1)",
        "java\tscript:alert(1)",
    ] {
        let text = format!(
            r#"{{"comments": [], "events": {}}}"#,
            serde_json::json!(hostile)
        );
        let page = Adapter::folio()
            .read_page(&text, url, 1, &[])
            .expect("page");
        assert_eq!(page.events, None, "{hostile}");
    }
}

// A WordPress page through the preset: threaded by `parent`, and paged by `X-WP-TotalPages` (a poll of the first
// page reads exactly the same way, which is what keeps a WordPress thread live).
#[test]
fn wordpress_page_and_next_page_by_header() {
    let wp = wordpress();
    let page = wp
        .read_page(
            fixture!("wordpress/comments.json"),
            WP_COMMENTS,
            1,
            &header("x-wp-totalpages", "2"),
        )
        .expect("page");
    let ids: Vec<&str> = page.list.comments.iter().map(|c| &*c.id).collect();
    assert_eq!(ids, ["11", "12", "13"]);
    assert_eq!(page.list.comments[1].parent.as_deref(), Some("11"));
    assert_eq!(
        page.list.next.as_deref(),
        Some("https://news.example.com/wp-json/wp/v2/comments?post=4217&page=2&per_page=100")
    );
    let last = wp
        .read_page(
            fixture!("wordpress/comments.json"),
            WP_COMMENTS,
            2,
            &header("x-wp-totalpages", "2"),
        )
        .expect("page");
    assert_eq!(last.list.next, None);
    assert!(page.events.is_none() && page.children.is_empty());
}

// Child-id threads: the story lists its kids, each fetched from the item URL and read as a reply with its own kids.
#[test]
fn child_ids_are_listed_fetched_and_read() {
    let story = "https://hacker-news.firebaseio.com/v0/item/8863.json";
    let (_, hn) = read(
        MappingChoice::Preset("hackernews-firebase".into()),
        fixture!("hackernews-firebase/8863.json"),
        story,
    );
    let page = hn
        .read_page(fixture!("hackernews-firebase/8863.json"), story, 1, &[])
        .expect("page");
    assert_eq!(page.children, ["9224", "8952", "8917"]);
    assert_eq!(
        hn.child_url("9224", Some(story)).as_deref(),
        Some("https://hacker-news.firebaseio.com/v0/item/9224.json")
    );
    assert!(hn.max_children() > 0);
    let (c, kids) = hn
        .read_child(
            fixture!("hackernews-firebase/9224.json"),
            Some("8863".into()),
            Some(story),
        )
        .expect("an item");
    assert_eq!((&*c.id, c.parent.as_deref()), ("9224", Some("8863")));
    assert_eq!(kids, ["9272"]);
    assert!(hn.read_child("{not json", None, Some(story)).is_none());
}

// Posting in Folio's format carries the idempotency key and the honeypot; WordPress's template carries neither,
// and a filled honeypot sends nothing to a platform.
#[test]
fn post_requests_in_each_format() {
    let url = "http://127.0.0.1:8080/api/articles/a/comments";
    let folio = Adapter::folio()
        .post_request(&form(Some("c1")), url, "k1", None)
        .expect("a request");
    assert_eq!(
        (folio.method.as_str(), folio.idempotency_key.as_deref()),
        ("POST", Some("k1"))
    );
    assert_eq!(folio.body["parent"], "c1");
    assert_eq!(folio.body["author"]["name"], "Eva");
    assert!(
        folio.body["author"].get("email").is_none(),
        "an empty e-mail is left out"
    );
    assert_eq!(folio.body["format"], "markdown");
    assert!(folio.body.get("website").is_none());
    let trapped = Adapter::folio().post_request(&form(None), url, "k2", Some("spam".into()));
    assert_eq!(trapped.expect("told to the server").body["website"], "spam");

    let wp_url = "https://news.example.com/wp-json/wp/v2/comments";
    let wp = wordpress()
        .post_request(&form(Some("12")), wp_url, "k3", None)
        .expect("a request");
    assert_eq!(
        (wp.url.as_str(), wp.idempotency_key.as_deref()),
        (wp_url, None)
    );
    assert_eq!(wp.body["post"], 4217);
    assert_eq!(wp.body["parent"], 12);
    assert!(wp.body["content"]
        .as_str()
        .is_some_and(|h| h.contains("<strong>twice</strong>")));
    assert_eq!(
        wordpress().post_request(&form(None), wp_url, "k4", Some("x".into())),
        None
    );
}

// A post's answer: the stored comment, placed under the comment answered when the answer does not say, and held
// for review by 202, by `Folio-Status: pending`, or by WordPress's `"status": "hold"`.
#[test]
fn post_answers_and_held_comments() {
    let folio = Adapter::folio();
    let stored = r#"{"id": "c9", "author": "Eva", "body": "Hi"}"#;
    let a = folio.read_post_answer(201, &[], stored, None, Some("c1".into()));
    assert_eq!(
        a.comment.as_ref().and_then(|c| c.parent.as_deref()),
        Some("c1")
    );
    assert!(!a.held);
    assert!(folio.read_post_answer(202, &[], stored, None, None).held);
    assert!(
        folio
            .read_post_answer(201, &header("folio-status", "pending"), stored, None, None)
            .held
    );
    assert_eq!(
        folio
            .read_post_answer(201, &[], "<html>", None, None)
            .comment,
        None
    );

    let wp_answer = r#"{"id": 99, "post": 4217, "parent": 0, "author_name": "Eva", "date_gmt": "2024-05-03T08:00:00",
        "content": {"rendered": "<p>Hi</p>"}, "status": "hold"}"#;
    let a = wordpress().read_post_answer(201, &[], wp_answer, None, None);
    assert_eq!(a.comment.map(|c| c.id), Some("99".into()));
    assert!(a.held, "WordPress holds it for moderation");
}

// One comment on its own (a stream event, an edit's answer) and a stub's answer read in the list's shape.
#[test]
fn single_comments_and_stub_answers() {
    let folio = Adapter::folio();
    let c = folio
        .read_comment(r#"{"id": "7", "author": "A", "body": "x"}"#, None)
        .expect("a comment");
    assert_eq!(&*c.id, "7");
    assert_eq!(folio.read_comment(r#"{"author": "no id"}"#, None), None);
    assert_eq!(folio.read_comment("data: not json", None), None);
    let stub = folio
        .read_stub(r#"[{"id": "8", "author": "B", "body": "y"}]"#, None)
        .expect("a list");
    assert_eq!(stub.comments.len(), 1);
    assert_eq!(
        folio
            .read_item(r#"{"id": "9", "author": "C", "body": "z"}"#, 3, None)
            .map(|c| c.id),
        Ok("9".into())
    );
    let e = folio
        .read_item(r#"{"author": "C"}"#, 3, None)
        .expect_err("no id");
    assert!(e.to_string().contains("/comments/3"), "{e}");
}

// The widget logs the warnings of the publisher's own mapping document, for the article and the first comment
// page; a shipped preset's are not the publisher's to fix (the playground and `folio-map` still show them), so
// the adapter carries none for it.
#[test]
fn warnings_are_carried_for_own_mappings_only() {
    let mut doc: serde_json::Value =
        serde_json::from_str(fixture!("headless/mapping.json")).expect("json");
    doc["article"]["standfirst"] = "attributes.summary".into();
    doc["comments"]["comment"]["score"] = "likes".into();
    let choice = MappingChoice::from_settings(None, Some(&doc.to_string())).expect("valid");
    let (_, own) = read(
        choice,
        fixture!("headless/article.json"),
        "https://cms.acme.example/api/articles/1",
    );
    let text: Vec<String> = own.warnings().iter().map(ToString::to_string).collect();
    assert_eq!(
        text,
        ["`article.standfirst`: reached nothing in the response (looked for `attributes.summary`)"]
    );
    let url = "https://cms.acme.example/api/comments/api::article.article:1/flat";
    let first = own
        .read_page(fixture!("headless/comments.json"), url, 1, &[])
        .expect("page");
    assert_eq!(
        first
            .warnings
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>(),
        ["`comments.comment.score`: reached nothing in the response (looked for `likes`)"]
    );
    let second = own
        .read_page(fixture!("headless/comments.json"), url, 2, &[])
        .expect("page");
    assert!(
        second.warnings.is_empty(),
        "once per thread: the first page"
    );

    let (_, forem) = read(
        MappingChoice::Preset("forem".into()),
        fixture!("forem/article.json"),
        "https://dev.to/api/articles/1",
    );
    let page = forem
        .read_page(
            fixture!("forem/comments.json"),
            "https://dev.to/api/comments?a_id=1",
            1,
            &[],
        )
        .expect("page");
    assert!(forem.warnings().is_empty() && page.warnings.is_empty());
}
