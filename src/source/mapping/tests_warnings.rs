//! Warnings (issue 13, point 7): mistakes in a mapping that do not stop the render are named, with the paths
//! tried; the presets give none on their own fixtures.

use serde_json::json;

use super::tests_presets::fixture;
use super::*;

/// Each preset with its article fixture and, when it has one, its comments fixture.
const CASES: [(&str, &str, Option<&str>); 17] = [
    (
        "wordpress",
        fixture!("wordpress/post.json"),
        Some(fixture!("wordpress/comments.json")),
    ),
    (
        "ghost",
        fixture!("ghost/post.json"),
        Some(fixture!("ghost/comments.json")),
    ),
    ("jsonfeed", fixture!("jsonfeed/feed.json"), None),
    (
        "drupal",
        fixture!("drupal/article.json"),
        Some(fixture!("drupal/comments.json")),
    ),
    (
        "hackernews",
        fixture!("hackernews/item.json"),
        Some(fixture!("hackernews/item.json")),
    ),
    (
        "hackernews-firebase",
        fixture!("hackernews-firebase/8863.json"),
        None,
    ),
    (
        "reddit",
        fixture!("reddit/post.json"),
        Some(fixture!("reddit/post.json")),
    ),
    (
        "mastodon",
        fixture!("mastodon/status.json"),
        Some(fixture!("mastodon/context.json")),
    ),
    (
        "discourse",
        fixture!("discourse/topic.json"),
        Some(fixture!("discourse/topic.json")),
    ),
    (
        "forem",
        fixture!("forem/article.json"),
        Some(fixture!("forem/comments.json")),
    ),
    (
        "realworld",
        fixture!("realworld/article.json"),
        Some(fixture!("realworld/comments.json")),
    ),
    (
        "folio",
        fixture!("folio/article.json"),
        Some(fixture!("folio/comments.json")),
    ),
    (
        "lemmy",
        fixture!("lemmy/post.json"),
        Some(fixture!("lemmy/comments.json")),
    ),
    (
        "bluesky",
        fixture!("bluesky/thread.json"),
        Some(fixture!("bluesky/thread.json")),
    ),
    (
        "strapi",
        fixture!("headless/article.json"),
        Some(fixture!("headless/comments.json")),
    ),
    (
        "strapi",
        fixture!("strapi/article-v5.json"),
        Some(fixture!("strapi/comments.json")),
    ),
    ("contentful", fixture!("contentful/entries.json"), None),
];

fn all_warnings(name: &str, article: &str, comments: Option<&str>) -> Vec<String> {
    // The preset's document itself (the widget reads `folio` with its built-in reader).
    let document = presets::preset(name).unwrap_or_else(|e| panic!("{name}: {e}"));
    let choice = MappingChoice::Document(std::rc::Rc::new(document));
    let m = map_article_text(article, Some("https://x.example/a"), &choice)
        .unwrap_or_else(|e| panic!("{name}: {e}"));
    let mut all: Vec<String> = m.warnings.iter().map(ToString::to_string).collect();
    if let Some(c) = comments {
        let w = comment_warnings_text(c, m.resolved.mapping.as_deref(), Some(&m.object));
        all.extend(w.iter().map(ToString::to_string));
    }
    all
}

// The presets are read against their platforms' documented responses: a path that reaches nothing there is a
// preset bug. Exceptions, named: Folio JSON's optional fields its demo article leaves out, and the Contentful
// preset's entry links, which need the site's URL pattern only a mapping of one's own can give.
#[test]
fn presets_warn_about_nothing_on_their_fixtures() {
    for (name, article, comments) in CASES {
        let all = all_warnings(name, article, comments);
        let expected: &[&str] = match name {
            "folio" => &[
                "`article.dir`: reached nothing in the response (looked for `dir`)",
                "`article.audio`: reached nothing in the response (looked for `audio`)",
                "`article.authors.avatar`: reached nothing in the response (looked for `avatar`)",
            ],
            "contentful" => &["`article.body`: links to entries need `entry_url` (a template read on the entry): shown as text"],
            _ => &[],
        };
        assert_eq!(all, expected, "{name}");
    }
}

fn mapped(doc: serde_json::Value, mapping: serde_json::Value) -> MappedArticle {
    let choice = MappingChoice::from_settings(None, Some(&mapping.to_string())).expect("valid");
    map_article_text(&doc.to_string(), None, &choice).expect("maps")
}

// A typo in an optional field, a `where` that keeps nothing, a lookup that resolves nothing, an unknown format on
// a body fallback and list fields no item has: each a warning naming the key and the paths tried, while the
// article still renders. A key that is there with `null` is not a mistake, nor is a field some items lack.
#[test]
fn mistakes_in_optional_fields_are_warnings() {
    let doc = json!({"t": "Title", "html": "<p>b</p>", "summary": null,
        "tags": [{"kind": "topic", "name": "a"}], "author_ids": [7], "people": [{"id": 8, "name": "Bo"}],
        "writers": [{"name": "Ann", "page": "/ann"}, {"name": "Bob"}]});
    let mapping = json!({"article": {
        "title": "t",
        "body": {"path": "html", "or": {"path": "md", "format": "markdwon"}},
        "standfirst": "sumary",
        "label": "summary",
        "tags": {"each": {"path": "tags", "where": {"path": "kind", "equals": "keyword"}}, "label": "name"},
        "section": {"each": {"path": "author_ids", "lookup": {"in": "$.people", "key": "id"}}, "label": "name"},
        "id": {"path": "people", "where": {"path": "name", "equals": "Bo"}, "then": "uid"},
        "authors": {"each": "writers", "name": "name", "url": "page", "avatar": "photo"}}});
    let m = mapped(doc, mapping);
    assert_eq!(&*m.article.title, "Title");
    let w: Vec<String> = m.warnings.iter().map(ToString::to_string).collect();
    assert_eq!(
        w,
        [
            "`article.id`: `then` kept nothing of the values at `people`",
            "`article.standfirst`: reached nothing in the response (looked for `sumary`)",
            "`article.body`: the format `markdwon` is unknown (known: html, markdown, text, contentful, portable_text, strapi_blocks, bluesky)",
            "`article.section.each`: `lookup` kept nothing of the values at `author_ids`",
            "`article.authors.avatar`: reached nothing in the response (looked for `photo`)",
            "`article.tags.each`: `where` kept nothing of the values at `tags`",
        ]
    );
}

// Comments: a field no comment reaches is named once (not once per comment), a per-comment format Folio does not
// know is read as Markdown and said so, an `items` path that reaches nothing is named, and `equals_article`
// pointing at nothing in the article is named.
#[test]
fn comment_mistakes_are_warnings() {
    let mapping = parse_mapping(
        &json!({"article": {"title": "t", "body": "b"}, "comments": {"items": "list", "comment": {
            "id": "id", "author": "who", "avatar": "pic",
            "body": {"path": "text", "format_from": "kind", "format": "markdown"},
            "by_article_author": {"path": "who", "equals_article": "owner.name"}}}})
        .to_string(),
    )
    .expect("valid");
    let doc = json!({"list": [
        {"id": 1, "who": "ann", "text": "a", "kind": "html"},
        {"id": 2, "who": "bob", "text": "b", "kind": "asciidoc"}]});
    let article = json!({"owner": {"id": 3}});
    let w: Vec<String> = comment_warnings(&mapping, &doc, Some(&article))
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        w,
        [
            "`comments.comment.avatar`: reached nothing in the response (looked for `pic`)",
            "`comments.comment.by_article_author`: `equals_article` looks for `owner.name` in the article, which has no such value",
            "`comments.comment.body`: the format `asciidoc` of comment 1 is unknown: read as Markdown",
        ]
    );
    let w = comment_warnings(&mapping, &json!({"items": []}), None);
    assert_eq!(
        w.iter().map(ToString::to_string).collect::<Vec<_>>(),
        ["`comments.items`: reached nothing in the response (looked for `list`)"]
    );
}

// The fixtures of the mapping guide's new features map without a warning.
#[test]
fn the_new_fixtures_map_cleanly() {
    for (article, mapping, comments) in [
        (
            fixture!("guardian/content.json"),
            fixture!("guardian/mapping.json"),
            None,
        ),
        (
            fixture!("headless/article.json"),
            fixture!("headless/mapping.json"),
            Some(fixture!("headless/comments.json")),
        ),
        (
            fixture!("custom/article.json"),
            fixture!("custom/mapping.json"),
            Some(fixture!("custom/article.json")),
        ),
    ] {
        let choice = MappingChoice::from_settings(None, Some(mapping)).expect("valid");
        let m = map_article_text(article, None, &choice).expect("maps");
        assert_eq!(m.warnings, [], "{}", m.resolved.name);
        if let Some(c) = comments {
            let w = comment_warnings_text(c, m.resolved.mapping.as_deref(), Some(&m.object));
            assert_eq!(w, [], "{} comments", m.resolved.name);
        }
    }
}
