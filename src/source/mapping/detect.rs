//! Telling JSON shapes apart: each preset's `detect` signature, kept here as static data so that detection parses
//! no mapping document, and so that a build without the `mapping` feature (the embed's lite module) still knows a
//! WordPress post from a Folio JSON article. The presets' own `detect` lists stay the documentation; a test checks
//! that this table says the same, in the same order.

use serde_json::Value;

use super::path::Path;

/// Every preset's signature, by the name the `preset` setting takes: the paths that must all reach a non-null value
/// (`a|b`: either path, one preset for two versions of an API).
/// In the order of `PRESETS` (`presets.rs`), which breaks ties.
pub const SIGNATURES: [(&str, &[&str]); 16] = [
    (
        "wordpress",
        &["title.rendered", "content.rendered", "guid.rendered"],
    ),
    ("ghost", &["posts[0].id", "posts[0].title", "posts[0].uuid"]),
    ("jsonfeed", &["version", "items[0].id"]),
    (
        "drupal",
        &[
            "jsonapi",
            "data.type",
            "data.attributes",
            "data.relationships",
        ],
    ),
    ("hackernews", &["created_at_i", "story_id", "children"]),
    ("hackernews-firebase", &["by", "time", "type", "title"]),
    (
        "reddit",
        &["[0].data.children[0].data.subreddit", "[1].data.children"],
    ),
    (
        "mastodon",
        &["account.acct", "content", "created_at", "visibility"],
    ),
    (
        "discourse",
        &["post_stream.posts", "fancy_title", "posts_count"],
    ),
    (
        "forem",
        &[
            "type_of",
            "body_html",
            "user.username",
            "reading_time_minutes",
        ],
    ),
    (
        "realworld",
        &["article.slug", "article.body", "article.tagList"],
    ),
    (
        "lemmy",
        &[
            "post_view.post.ap_id",
            "post_view.creator.actor_id",
            "post_view.community.actor_id",
        ],
    ),
    (
        "bluesky",
        &[
            "thread.post.uri",
            "thread.post.record.text",
            "thread.post.author.did",
        ],
    ),
    (
        "strapi",
        &[
            "data.id|data.documentId",
            "data.attributes.createdAt|data.documentId",
            "meta",
        ],
    ),
    (
        "contentful",
        &[
            "sys.type",
            "items[0].sys.contentType.sys.id",
            "items[0].fields",
        ],
    ),
    ("folio", &["title", "body"]),
];

/// The preset whose signature fits `v`: all its paths reach a non-null value; among those, the one with the most
/// paths (the most specific); ties go to the earlier preset. `Some("folio")` is Folio JSON.
pub fn detect(v: &Value) -> Option<&'static str> {
    let mut best: Option<(&'static str, usize)> = None;
    for (name, paths) in SIGNATURES {
        let fits = paths.iter().all(|alts| {
            alts.split('|')
                .any(|p| Path::parse(p).is_ok_and(|p| p.select(v, v).iter().any(|x| !x.is_null())))
        });
        if fits && best.is_none_or(|(_, n)| paths.len() > n) {
            best = Some((name, paths.len()));
        }
    }
    best.map(|(n, _)| n)
}
