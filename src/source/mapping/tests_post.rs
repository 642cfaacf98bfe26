//! Posting through the presets: the request each one builds from the compose form (URL, method, headers, body, as
//! the platform documents it) and how each platform's documented answer is read back into a comment.

use super::tests_presets::{article as read, comments as list, fixture};
use super::*;

const WP_POST: &str = "https://news.example.com/wp-json/wp/v2/posts/4217?_embed";
const WP_COMMENTS: &str = "https://news.example.com/wp-json/wp/v2/comments?post=4217&per_page=100";

fn mapping(a: &MappedArticle) -> &Mapping {
    a.resolved.mapping.as_deref().expect("a mapping")
}

fn form(parent: Option<&str>) -> PostForm {
    PostForm {
        text: "Took it **twice**.".into(),
        name: "Eva".into(),
        email: "eva@example.org".into(),
        parent: parent.map(Into::into),
    }
}

fn request(a: &MappedArticle, parent: Option<&str>, base: &str) -> PostRequest {
    post_request(mapping(a), &a.object, &form(parent), Some(base))
        .expect("a valid post mapping")
        .expect("the preset posts")
}

// WordPress: POST wp/v2/comments with post (a number), parent (0 at top level), author_name, author_email and the
// Markdown rendered as HTML in content; no extra headers, so the REST API's CORS list is enough.
#[test]
fn wordpress_builds_its_documented_request() {
    let a = read("wordpress", fixture!("wordpress/post.json"), WP_POST);
    assert!(posts_template(mapping(&a)));
    let reply = request(&a, Some("12"), WP_COMMENTS);
    assert_eq!(reply.url, "https://news.example.com/wp-json/wp/v2/comments");
    assert_eq!(reply.method, "POST");
    assert!(reply.headers.is_empty(), "{:?}", reply.headers);
    assert_eq!(
        reply.body,
        serde_json::json!({"post": 4217, "parent": 12, "author_name": "Eva", "author_email": "eva@example.org",
                           "content": "<p>Took it <strong>twice</strong>.</p>"})
    );
    assert_eq!(request(&a, None, WP_COMMENTS).body["parent"], 0);
    // The compose form is offered, at the URL the request goes to.
    let target = list(&a, fixture!("wordpress/comments.json"), WP_COMMENTS).post;
    assert_eq!(target.map(|t| t.url.to_string()), Some(reply.url));
}

// WordPress answers 201 with the comment in its own shape; "status": "hold" means it awaits moderation.
#[test]
fn wordpress_answer_is_read_back() {
    let a = read("wordpress", fixture!("wordpress/post.json"), WP_POST);
    // As documented for POST /wp/v2/comments (context "edit" is not given to anonymous posters).
    let answer = r#"{"id": 31, "post": 4217, "parent": 12, "author": 0, "author_name": "Eva",
        "author_url": "", "date": "2024-05-04T12:00:00", "date_gmt": "2024-05-04T10:00:00",
        "content": {"rendered": "<p>Took it <strong>twice</strong>.</p>\n"},
        "link": "https://news.example.com/2024/05/02/night-trains-return/#comment-31",
        "status": "approved", "type": "comment",
        "author_avatar_urls": {"96": "https://secure.gravatar.com/avatar/e?s=96"}}"#;
    let c = post_response(mapping(&a), answer, Some(WP_COMMENTS)).expect("maps");
    assert_eq!(&*c.id, "31");
    assert_eq!(&*c.author.name, "Eva");
    assert_eq!(
        c.date.as_ref().map(|d| &*d.iso),
        Some("2024-05-04T10:00:00Z")
    );
    assert_eq!(
        c.body.as_str().trim_end(),
        "<p>Took it <strong>twice</strong>.</p>"
    );
    assert!(!post_held(mapping(&a), answer));
    let held = answer.replace("\"approved\"", "\"hold\"");
    assert!(post_held(mapping(&a), &held));
}

// Drupal JSON:API: POST /jsonapi/comment/comment with the JSON:API media type, the article as entity_id, and pid
// null for a top-level comment (an object with a null id would be refused).
#[test]
fn drupal_builds_its_documented_request() {
    let base = "https://drupal.example.com/jsonapi/node/article/6a1571e0-26c7-4ceb-a7da-7a5ddd8d1f8e?include=uid";
    let a = read("drupal", fixture!("drupal/article.json"), base);
    let curl = a.article.comments_url.as_deref().expect("comments url");
    let top = request(&a, None, curl);
    assert_eq!(
        top.url,
        "https://drupal.example.com/jsonapi/comment/comment"
    );
    assert_eq!(
        top.headers.get("Content-Type").map(String::as_str),
        Some("application/vnd.api+json")
    );
    let data = &top.body["data"];
    assert_eq!(data["type"], "comment--comment");
    assert_eq!(data["attributes"]["name"], "Eva");
    assert_eq!(data["attributes"]["mail"], "eva@example.org");
    assert_eq!(
        data["attributes"]["comment_body"]["value"],
        "Took it **twice**."
    );
    assert_eq!(
        data["relationships"]["pid"],
        serde_json::json!({"data": null})
    );
    let reply = request(&a, Some("c0000000-0000-4000-8000-000000000001"), curl);
    assert_eq!(
        reply.body["data"]["relationships"]["pid"],
        serde_json::json!({"data": {"type": "comment--comment", "id": "c0000000-0000-4000-8000-000000000001"}})
    );
}

// Drupal answers 201 with a JSON:API document; an unpublished comment ("status": false) awaits approval.
#[test]
fn drupal_answer_is_read_back() {
    let base = "https://drupal.example.com/jsonapi/node/article/6a1571e0-26c7-4ceb-a7da-7a5ddd8d1f8e?include=uid";
    let a = read("drupal", fixture!("drupal/article.json"), base);
    let answer = r#"{"jsonapi": {"version": "1.0"}, "data": {"type": "comment--comment",
        "id": "c0000000-0000-4000-8000-000000000009", "attributes": {"status": false, "name": "Eva",
        "created": "2024-03-05T08:00:00+00:00", "comment_body": {"value": "Gut", "format": "plain_text",
        "processed": "<p>Gut</p>\n"}}, "relationships": {"pid": {"data": null}}},
        "links": {"self": {"href": "https://drupal.example.com/jsonapi/comment/comment/c0000000-0000-4000-8000-000000000009"}}}"#;
    let c = post_response(mapping(&a), answer, Some(base)).expect("maps");
    assert_eq!(&*c.id, "c0000000-0000-4000-8000-000000000009");
    assert_eq!(&*c.author.name, "Eva");
    assert_eq!(c.body.as_str().trim_end(), "<p>Gut</p>");
    assert_eq!(
        c.date.as_ref().map(|d| &*d.iso),
        Some("2024-03-05T08:00:00Z")
    );
    assert!(post_held(mapping(&a), answer));
    assert!(!post_held(mapping(&a), &answer.replace("false", "true")));
}

// The folio preset posts Folio's own format (no template) to the URL the comment list names, with its limit.
#[test]
fn folio_posts_its_own_format_where_the_list_says() {
    let base = "http://127.0.0.1:8080/demo/articles/night-trains-return.json";
    let a = read("folio", fixture!("folio/article.json"), base);
    assert!(!posts_template(mapping(&a)));
    // The reference server's list names where to post and its limit (the fixture, a static file, does not).
    let mut doc: serde_json::Value =
        serde_json::from_str(fixture!("folio/comments.json")).expect("json");
    doc["post"] = serde_json::json!({"url": "/api/articles/night-trains-return/comments", "max_length": 2000});
    let target = list(&a, &doc.to_string(), base).post.expect("posts");
    assert_eq!(
        &*target.url,
        "http://127.0.0.1:8080/api/articles/night-trains-return/comments"
    );
    assert_eq!(target.max_length, 2000);
    // Folio's answer is a Folio comment.
    let c = post_response(
        mapping(&a),
        r#"{"id": "c9", "author": {"name": "Eva"}, "body": "Hi", "format": "text"}"#,
        Some(base),
    )
    .expect("maps");
    assert_eq!((&*c.id, &*c.author.name), ("c9", "Eva"));
}

// Platforms without anonymous posting are read-only: no request, no compose form.
#[test]
fn read_only_platforms_build_no_request() {
    for name in [
        "hackernews",
        "hackernews-firebase",
        "reddit",
        "mastodon",
        "discourse",
        "forem",
        "realworld",
    ] {
        let m = preset(name).expect("preset");
        assert!(!posts_template(&m), "{name}");
        let none = post_request(&m, &serde_json::json!({"id": 1}), &form(None), None);
        assert_eq!(none.ok().flatten(), None, "{name}");
        let target =
            comments::post_target(&m, &serde_json::json!({}), None, Some("https://x.example/"));
        assert_eq!(target.ok().flatten(), None, "{name}");
    }
}
