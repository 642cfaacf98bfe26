//! The presets added by issue 13 on their fixtures: Lemmy, Bluesky, Strapi (v4 and v5) and Contentful.

use super::tests_presets::{article, comments, fixture};
use crate::model::{Comment, CommentList};

fn by_id<'a>(list: &'a CommentList, id: &str) -> &'a Comment {
    list.comments
        .iter()
        .find(|c| &*c.id == id)
        .unwrap_or_else(|| panic!("no comment {id}"))
}

fn body(blocks: &[crate::model::SafeHtml]) -> String {
    blocks
        .iter()
        .map(|b| b.as_str())
        .collect::<Vec<_>>()
        .join("\n")
}

// Lemmy: the post view (community as section, creator, thumbnail, Markdown body with a bare link), comments
// threaded by `path`, deleted *or* removed comments as placeholders keeping their replies, the author's badge,
// and the total from the post's counts (the comment list has none).
#[test]
fn lemmy_post_and_comments() {
    let base = "https://lemmy.ml/api/v3/post?id=1234";
    let m = article("lemmy", fixture!("lemmy/post.json"), base);
    let a = &m.article;
    assert_eq!((&*a.id, &*a.title), ("1234", "The Bridges of Königsberg"));
    assert_eq!(a.url.as_deref(), Some("https://lemmy.ml/post/1234"));
    assert_eq!(&*a.section[0].label, "Mathematics");
    assert_eq!(a.section[0].url.as_deref(), Some("https://lemmy.ml/c/math"));
    assert_eq!(&*a.authors[0].name, "Ada Lovelace");
    assert_eq!(
        a.published.as_ref().map(|d| &*d.iso),
        Some("2024-03-01T06:00:00Z")
    );
    assert!(a
        .hero
        .as_ref()
        .is_some_and(|h| h.src.ends_with("/bridges.jpg")));
    let b = body(&a.body);
    assert!(b.contains("<strong>seven</strong>"), "{b}");
    assert!(
        b.contains("href=\"https://en.wikipedia.org/wiki/Seven_Bridges_of_K%C3%B6nigsberg\""),
        "{b}"
    );
    let url = a.comments_url.as_deref().expect("comments url");
    assert_eq!(
        url,
        "https://lemmy.ml/api/v3/comment/list?post_id=1234&sort=Old&type_=All&limit=50"
    );
    let list = comments(&m, fixture!("lemmy/comments.json"), url);
    let ids: Vec<&str> = list.comments.iter().map(|c| &*c.id).collect();
    assert_eq!(ids, ["501", "502", "503", "504", "505"]);
    let parents: Vec<Option<&str>> = list.comments.iter().map(|c| c.parent.as_deref()).collect();
    // `0.501`: the parent `0` is no comment, so 501 is top-level.
    assert_eq!(
        parents,
        [Some("0"), Some("501"), Some("502"), Some("0"), Some("504")]
    );
    let thread = crate::source::thread::build_thread(
        list.comments.clone(),
        crate::source::thread::SortOrder::Oldest,
    );
    assert_eq!(thread.roots().len(), 2);
    let deleted: Vec<bool> = list.comments.iter().map(|c| c.deleted).collect();
    assert_eq!(deleted, [false, false, true, true, false]);
    assert!(by_id(&list, "502").by_article_author && !by_id(&list, "501").by_article_author);
    assert_eq!(by_id(&list, "504").score, Some(-3));
    assert_eq!(list.total, Some(5));
    assert_eq!(
        &*by_id(&list, "501").author.name,
        "carl",
        "no display name: the user name"
    );
}

// Bluesky: the thread's post (text cut for the title, facets as links at byte offsets after `ö` and an emoji,
// the image embed as hero), replies nested under `replies`, gone and blocked replies as placeholders.
#[test]
fn bluesky_post_thread() {
    let base = "https://public.api.bsky.app/xrpc/app.bsky.feed.getPostThread?uri=at://did:plc:ada4lovelace7x2k3m/app.bsky.feed.post/3kbridges7a2";
    let m = article("bluesky", fixture!("bluesky/thread.json"), base);
    let a = &m.article;
    assert!(
        a.title.starts_with("Königsberg 🌉 had seven bridges.") && a.title.ends_with('…'),
        "{}",
        a.title
    );
    assert_eq!(
        a.url.as_deref(),
        Some("https://bsky.app/profile/ada.bsky.social/post/3kbridges7a2")
    );
    assert_eq!(&*a.authors[0].name, "Ada Lovelace");
    assert_eq!(
        a.authors[0].url.as_deref(),
        Some("https://bsky.app/profile/ada.bsky.social")
    );
    let hero = a.hero.as_ref().expect("hero");
    assert_eq!(
        (&*hero.alt, hero.size),
        ("Merian's engraving of Königsberg", Some((1600, 900)))
    );
    let b = body(&a.body);
    let rel = "rel=\"noopener noreferrer\"";
    assert!(
        b.contains(&format!("<a href=\"https://bsky.app/profile/did:plc:carl9gauss1q2w3e\" {rel}>@gauss.bsky.social</a>")),
        "{b}"
    );
    assert!(
        b.contains(&format!(
            "<a href=\"https://en.wikipedia.org/wiki/Seven_Bridges_of_K%C3%B6nigsberg\" {rel}>en.wikipedia.org/wiki/Seven_Br...</a>"
        )),
        "{b}"
    );
    assert!(
        b.contains(&format!(
            "<a href=\"https://bsky.app/hashtag/graphtheory\" {rel}>#graphtheory</a>"
        )),
        "{b}"
    );
    assert_eq!(a.lang.as_deref(), Some("en"));

    let list = comments(&m, fixture!("bluesky/thread.json"), base);
    let ids: Vec<&str> = list
        .comments
        .iter()
        .map(|c| c.id.rsplit('/').next().unwrap_or(""))
        .collect();
    assert_eq!(
        ids,
        [
            "3kreply1aa",
            "3kreply2bb",
            "3kgone00",
            "3kblock00",
            "3kreply3cc"
        ]
    );
    let second = &list.comments[1];
    assert_eq!(second.parent.as_deref(), Some(&*list.comments[0].id));
    assert_eq!(
        &*second.author.name, "noether.bsky.social",
        "an empty display name: the handle"
    );
    assert!(second
        .body
        .as_str()
        .contains("href=\"https://bsky.app/profile/did:plc:ada4lovelace7x2k3m\""));
    assert!(list.comments[2].deleted && list.comments[3].deleted);
    assert!(!list.comments[0].deleted);
    assert_eq!(list.comments[0].score, Some(5));
    assert!(list.comments[4]
        .body
        .as_str()
        .contains("href=\"https://example.org/walk\""));
}

// Strapi v4 (`data.attributes`, Markdown body, relations under `data.attributes`) with strapi-plugin-comments, and
// v5 (flat document, Blocks body), through one preset.
#[test]
fn strapi_v4_and_v5() {
    let base = "https://cms.acme.example/api/articles/1?populate=*";
    let m = article("strapi", fixture!("headless/article.json"), base);
    let a = &m.article;
    assert_eq!((&*a.id, &*a.title), ("1", "The Bridges of Königsberg"));
    assert_eq!(&*a.authors[0].name, "Ada Lovelace");
    assert!(body(&a.body).contains("<p>"), "Markdown read");
    assert_eq!(
        a.hero.as_ref().map(|h| &*h.src),
        Some("https://cms.acme.example/uploads/seven_bridges_1652_3f2a1c.jpg")
    );
    let url = a.comments_url.as_deref().expect("comments url");
    assert_eq!(
        url,
        "https://cms.acme.example/api/comments/api::article.article:1/flat"
    );
    let list = comments(&m, fixture!("headless/comments.json"), url);
    assert_eq!(list.comments.len(), 5);
    assert_eq!(list.total, Some(5));
    assert_eq!(by_id(&list, "12").parent.as_deref(), Some("11"));
    assert!(
        by_id(&list, "13").deleted && by_id(&list, "14").deleted && !by_id(&list, "15").deleted
    );

    let v5 = article(
        "strapi",
        fixture!("strapi/article-v5.json"),
        "https://cms.acme.example/api/articles/hgv1vny5cebq2l3czil1rpb3?populate=*",
    );
    let a = &v5.article;
    assert_eq!(
        (&*a.id, &*a.title),
        ("hgv1vny5cebq2l3czil1rpb3", "The Bridges of Königsberg")
    );
    assert_eq!(&*a.authors[0].name, "Ada Lovelace");
    assert_eq!(&*a.section[0].label, "Mathematics");
    assert_eq!(a.body[0].as_str(), "<h2>Seven bridges</h2>");
    assert_eq!(a.body.len(), 7);
    let hero = a.hero.as_ref().expect("hero");
    assert_eq!(
        &*hero.src,
        "https://cms.acme.example/uploads/bridges_5c1e.jpg"
    );
    assert_eq!(&*hero.alt, "Merian's engraving of Königsberg");
    // strapi-plugin-comments on Strapi v5 names the entry by its documentId (v4: the numeric id, above).
    let url = a.comments_url.as_deref().expect("comments url");
    assert_eq!(
        url,
        "https://cms.acme.example/api/comments/api::article.article:hgv1vny5cebq2l3czil1rpb3/flat"
    );
    let list = comments(&v5, fixture!("strapi/comments.json"), url);
    assert_eq!((list.comments.len(), list.total), (5, Some(5)));
    assert_eq!(by_id(&list, "32").parent.as_deref(), Some("31"));
    assert_eq!(by_id(&list, "35").parent.as_deref(), Some("34"));
    assert!(by_id(&list, "33").deleted && by_id(&list, "34").deleted);
    assert!(!by_id(&list, "35").deleted);
}

// Contentful: the first entry of a Delivery API answer, its author and hero resolved in `includes`, the Rich
// Text body with its embedded asset drawn; entry links stay text without `entry_url` (the preset knows no site).
#[test]
fn contentful_delivery_entry() {
    let base = "https://cdn.contentful.com/spaces/s9x7ab/environments/master/entries?content_type=blogPost&include=2";
    let m = article("contentful", fixture!("contentful/entries.json"), base);
    let a = &m.article;
    assert_eq!(
        (&*a.id, &*a.title),
        ("3Rk1bridges", "The Bridges of Königsberg")
    );
    assert_eq!(&*a.authors[0].name, "Ada Lovelace");
    assert_eq!(
        a.hero.as_ref().map(|h| &*h.src),
        Some("https://images.ctfassets.net/s9x7ab/7mapAsset/bridges.jpg")
    );
    let b = body(&a.body);
    assert!(
        b.contains(
            "<figure><img src=\"https://images.ctfassets.net/s9x7ab/7mapAsset/bridges.jpg\""
        ),
        "{b}"
    );
    assert!(
        b.contains("Euler answered in <em>his 1736 paper</em> (read <a"),
        "{b}"
    );
    assert!(b.contains("<aside><p><strong>Solutio problematis"), "{b}");
    assert_eq!(m.warnings.len(), 1);
    // A long-text field holding Markdown reads as Markdown.
    let md = fixture!("contentful/entries.json").replacen(
        "\"body\": {",
        "\"body\": \"Can one *walk*?\", \"unused\": {",
        1,
    );
    let m = article("contentful", &md, base);
    assert_eq!(m.article.body[0].as_str(), "<p>Can one <em>walk</em>?</p>");
}

// A credit folded into the caption is cut from it (with its label) when the API gives the credit on its own; a
// caption that does not end with the credit is left alone, and one that is only the credit is dropped.
#[test]
fn credit_is_not_repeated_in_the_caption() {
    let hero = |caption: &str, credit: &str| {
        let doc = serde_json::json!({"t": "T", "b": "x", "img": {"src": "/a.jpg", "cap": caption, "by": credit}});
        let mapping = r#"{"article": {"title": "t", "body": "b",
            "hero": {"at": "img", "src": "src", "caption": "cap", "credit": "by"}}}"#;
        let choice = super::MappingChoice::from_settings(None, Some(mapping)).expect("valid");
        let m = super::map_article_text(&doc.to_string(), Some("https://x.example/"), &choice)
            .expect("maps");
        m.article
            .hero
            .as_ref()
            .and_then(|h| h.caption.as_deref().map(str::to_string))
    };
    assert_eq!(
        hero("A bridge (Photo: Ann Lee)", "Ann Lee").as_deref(),
        Some("A bridge")
    );
    assert_eq!(
        hero("A bridge. © Ann Lee", "Ann Lee").as_deref(),
        Some("A bridge")
    );
    assert_eq!(
        hero("A bridge by Ann Lee at dusk", "Ann Lee").as_deref(),
        Some("A bridge by Ann Lee at dusk")
    );
    assert_eq!(hero("Photo: Ann Lee", "Ann Lee"), None);
}

// `merge`: comments in two lists of one response (pinned ones first) read as one list, each with its own path;
// the total read on the article when the comments document has none (`article_total`).
#[test]
fn merged_item_lists_and_the_article_total() {
    let doc = serde_json::json!({"pinned": [{"id": 1, "text": "Pinned"}],
        "page": {"comments": [{"id": 2, "text": "Second"}, {"id": 3, "text": "Third", "re": 2}]}});
    let mapping = r#"{"article": {"title": "t", "body": "b"}, "comments": {
        "items": {"merge": ["pinned", "page.comments"]},
        "threading": {"model": "flat", "parent": "re"},
        "comment": {"id": "id", "body": {"path": "text", "format": "text"}},
        "article_total": "count"}}"#;
    let choice = super::MappingChoice::from_settings(None, Some(mapping)).expect("valid");
    let a = super::map_article_text(
        r#"{"t": "T", "b": "x", "count": 7}"#,
        Some("https://x.example/a"),
        &choice,
    )
    .expect("article");
    let list = comments(&a, &doc.to_string(), "https://x.example/c");
    let ids: Vec<&str> = list.comments.iter().map(|c| &*c.id).collect();
    assert_eq!(ids, ["1", "2", "3"]);
    assert_eq!(by_id(&list, "3").parent.as_deref(), Some("2"));
    assert_eq!(list.total, Some(7));
    let w = super::comment_warnings_text(
        &doc.to_string(),
        a.resolved.mapping.as_deref(),
        Some(&a.object),
    );
    assert_eq!(w, []);
}
