//! Issue 13's additions to the mapping language, each on a fixture shaped like the real API: `where` on list items
//! (The Guardian's tags), strings split into lists, several `replace` pairs, transforms on one template
//! placeholder (`with`), flags combined with `any` / `all`, a comment flag compared with the article
//! (`equals_article`), and a `site` origin for relative links (a Strapi CMS on another host than its site).

use serde_json::json;

use super::tests_presets::fixture;
use super::*;
use crate::source::thread::{build_thread, SortOrder};

fn vec_of<T>(it: impl Iterator<Item = T>) -> Vec<T> {
    it.collect()
}

fn with_mapping(text: &str, mapping: &str, base: &str) -> MappedArticle {
    let choice = MappingChoice::from_settings(None, Some(mapping)).expect("valid mapping");
    map_article_text(text, Some(base), &choice).unwrap_or_else(|e| panic!("{e}"))
}

const GUARDIAN_API: &str = "https://content.guardianapis.com/science/2024/mar/01/seven-bridges-konigsberg-graph-theory?show-fields=all&show-tags=all&show-elements=image";

// The Guardian lists contributors, keywords and internal kinds (type, tone, publication, tracking) in one `tags`
// list: `where` makes the contributors the authors and the keywords the tags; the hero is the element whose
// relation is `main`, not the thumbnail listed first.
#[test]
fn where_keeps_the_guardian_tags_of_each_kind() {
    let m = with_mapping(
        fixture!("guardian/content.json"),
        fixture!("guardian/mapping.json"),
        GUARDIAN_API,
    );
    let a = &m.article;
    assert_eq!(
        vec_of(a.tags.iter().map(|t| &*t.label)),
        ["Mathematics", "History of science"]
    );
    assert_eq!(vec_of(a.authors.iter().map(|p| &*p.name)), ["Ian Sample"]);
    assert_eq!(
        a.authors[0].avatar.as_deref(),
        Some("https://uploads.guim.co.uk/2017/10/06/Ian-Sample.jpg")
    );
    let hero = a.hero.as_ref().expect("hero");
    assert_eq!(
        &*hero.src,
        "https://media.guim.co.uk/abc/0_0_2000_1200/1000.jpg"
    );
    assert_eq!(hero.credit.as_deref(), Some("Photograph: Matthäus Merian"));
    assert_eq!(
        a.standfirst.as_deref(),
        Some("Leonhard Euler’s answer to a Sunday puzzle founded a branch of mathematics")
    );
}

const CONTENTFUL_API: &str = "https://cdn.contentful.com/spaces/s9x7ab/environments/master/entries?content_type=blogPost&fields.slug=bridges-of-konigsberg&include=2";

// Contentful links are `{"sys": {"type": "Link", "id": …}}` objects: `lookup` compares the nested `sys.id` of the
// link with the nested `sys.id` of each entry and asset in `includes`; `then` reads the asset's file URL, and a
// protocol-relative `//images.ctfassets.net/…` is made https by a template.
#[test]
fn lookups_by_nested_key_resolve_contentful_links() {
    let m = with_mapping(
        fixture!("contentful/entries.json"),
        fixture!("contentful/mapping.json"),
        CONTENTFUL_API,
    );
    let a = &m.article;
    assert_eq!(vec_of(a.authors.iter().map(|p| &*p.name)), ["Ada Lovelace"]);
    assert_eq!(
        a.authors[0].avatar.as_deref(),
        Some("https://images.ctfassets.net/s9x7ab/2adaPortrait/ada.jpg")
    );
    assert_eq!(
        a.authors[0].url.as_deref(),
        Some("https://www.acme.example/authors/ada")
    );
    let hero = a.hero.as_ref().expect("hero");
    assert_eq!(
        &*hero.src,
        "https://images.ctfassets.net/s9x7ab/7mapAsset/bridges.jpg"
    );
    assert_eq!(&*hero.alt, "Merian's engraving of Königsberg");
    assert_eq!(hero.size, Some((1600, 900)));
    assert_eq!(
        a.published.as_ref().map(|d| &*d.iso),
        Some("2024-03-01T06:00:00Z")
    );
    assert_eq!(vec_of(a.tags.iter().map(|t| &*t.label)), ["graphTheory"]);
    assert_eq!(m.warnings, []);
}

// `not` drops matching items, `exists` tests presence, several conditions must all hold, and a `where` that keeps
// nothing lets the field fall back to its `or`.
#[test]
fn where_not_exists_and_fallback() {
    let doc = json!({"title": "t", "body": "b", "images": [
        {"rel": "thumb", "src": "/t.png"},
        {"rel": "lead", "src": "/draft.png", "draft": true},
        {"rel": "lead", "src": "/l.png", "draft": null},
    ], "labels": [{"n": "a", "hidden": true}, {"n": "b"}, {"n": "c", "hidden": false}]});
    let mapping = json!({"article": {"title": "title", "body": "body",
        "hero": {"at": {"path": "images", "where": [{"path": "rel", "equals": ["lead", "main"]}, {"path": "draft", "exists": false}]}, "src": "src"},
        "tags": {"each": {"path": "labels", "where": {"path": "hidden", "not": true}}, "label": "n"},
        "label": {"path": "labels", "where": {"path": "n", "equals": "z"}, "or": {"const": "none"}}}});
    let m = with_mapping(
        &doc.to_string(),
        &mapping.to_string(),
        "https://api.example/a",
    );
    let a = &m.article;
    assert_eq!(
        a.hero.as_ref().map(|h| &*h.src),
        Some("https://api.example/l.png")
    );
    assert_eq!(vec_of(a.tags.iter().map(|t| &*t.label)), ["b", "c"]);
    assert_eq!(a.label.as_deref(), Some("none"));
}

// A `where` needs exactly one test, and says so.
#[test]
fn where_without_a_test_is_refused() {
    let e =
        parse_mapping(r#"{"article": {"tags": {"each": {"path": "t", "where": {"path": "x"}}}}}"#)
            .expect_err("refused")
            .to_string();
    assert!(
        e.contains("`article.tags.each.where` needs exactly one of `equals`, `not`, `exists`"),
        "{e}"
    );
}

const STRAPI_API: &str = "https://cms.acme.example/api/articles/1?populate=*";
const STRAPI_COMMENTS: &str = "https://cms.acme.example/api/comments/api::article.article:1/flat";

fn strapi() -> MappedArticle {
    with_mapping(
        fixture!("headless/article.json"),
        fixture!("headless/mapping.json"),
        STRAPI_API,
    )
}

// A headless CMS whose API is on another host than its site: relative links (the article, its author, its topic,
// links in the body) resolve against `site`; the comments URL, an API address, against the API; uploads are
// built on the CMS host by a template.
#[test]
fn site_resolves_relative_links_the_api_host_would_get_wrong() {
    let m = strapi();
    let a = &m.article;
    assert_eq!(
        a.url.as_deref(),
        Some("https://www.acme.example/articles/bridges-of-konigsberg")
    );
    assert_eq!(
        a.authors[0].url.as_deref(),
        Some("https://www.acme.example/authors/ada")
    );
    assert_eq!(
        a.section[0].url.as_deref(),
        Some("https://www.acme.example/topics/science")
    );
    let body: String = a.body.iter().map(|b| b.as_str()).collect();
    assert!(
        body.contains("href=\"https://www.acme.example/guides/maps\""),
        "{body}"
    );
    assert_eq!(
        a.comments_url.as_deref(),
        Some("https://cms.acme.example/api/comments/api::article.article:1/flat")
    );
    assert_eq!(
        a.hero.as_ref().map(|h| &*h.src),
        Some("https://cms.acme.example/uploads/seven_bridges_1652_3f2a1c.jpg")
    );
}

// `"keywords": "graphs, history ,, Euler "` becomes three tags (trimmed, empty parts dropped); the hero's missing
// alt text is built from the file name by a template whose one placeholder has its own `replace` pairs, applied
// in order.
#[test]
fn split_replace_pairs_and_placeholder_transforms() {
    let a = strapi().article;
    assert_eq!(
        vec_of(a.tags.iter().map(|t| &*t.label)),
        ["graphs", "history", "Euler"]
    );
    assert_eq!(
        a.hero.as_ref().map(|h| &*h.alt),
        Some("Picture: seven bridges, 1652")
    );
    assert_eq!(&*a.title, "The Bridges of Königsberg");
}

// strapi-plugin-comments marks a comment `removed` or `blocked`: either makes a placeholder (`any`), kept with its
// replies; the article author's reply gets the badge by comparing the comment's email with the article's
// (`equals_article`); relative avatars resolve against the site.
#[test]
fn any_flags_and_a_comment_flag_compared_with_the_article() {
    let a = strapi();
    let list = map_comments_text(
        fixture!("headless/comments.json"),
        Some(STRAPI_COMMENTS),
        a.resolved.mapping.as_deref(),
        Some(&a.object),
    )
    .expect("maps");
    let by_id = |id: &str| {
        list.comments
            .iter()
            .find(|c| &*c.id == id)
            .expect("comment")
    };
    assert_eq!(
        vec_of(list.comments.iter().filter(|c| c.deleted).map(|c| &*c.id)),
        ["13", "14"]
    );
    assert!(!by_id("15").deleted, "`removed: false` is not a removal");
    assert_eq!(
        vec_of(
            list.comments
                .iter()
                .filter(|c| c.by_article_author)
                .map(|c| &*c.id)
        ),
        ["12"]
    );
    assert_eq!(
        by_id("11").author.avatar.as_deref(),
        Some("https://www.acme.example/avatars/carl.png")
    );
    assert_eq!(by_id("15").parent.as_deref(), Some("14"));
    assert_eq!(list.total, Some(5));
    let thread = build_thread(list.comments, SortOrder::Oldest);
    assert_eq!(
        thread.roots().len(),
        2,
        "the blocked comment keeps its replies"
    );
}

// `all` needs every flag; `equals_article` is false without an article, or when the article has no such value.
#[test]
fn all_flags_and_equals_article_without_an_article() {
    let mapping = parse_mapping(
        &json!({"article": {"title": "t", "body": "b"}, "comments": {"items": "c", "comment": {
            "id": "id",
            "deleted": {"all": ["gone", {"path": "state", "equals": "removed"}]},
            "by_article_author": {"path": "who", "equals_article": "owner"}}}})
        .to_string(),
    )
    .expect("valid");
    let doc = json!({"c": [
        {"id": 1, "gone": true, "state": "removed", "who": "ann"},
        {"id": 2, "gone": true, "state": "hidden", "who": "bob"},
        {"id": 3, "who": null}]});
    let article = json!({"owner": "ann"});
    let list = map_comments(&mapping, &doc, Some(&article), None).expect("maps");
    assert_eq!(
        vec_of(list.comments.iter().map(|c| c.deleted)),
        [true, false, false]
    );
    assert_eq!(
        vec_of(list.comments.iter().map(|c| c.by_article_author)),
        [true, false, false]
    );
    let none = map_comments(&mapping, &doc, None, None).expect("maps");
    assert!(none.comments.iter().all(|c| !c.by_article_author));
    let other = json!({"owner": null});
    let list = map_comments(&mapping, &doc, Some(&other), None).expect("maps");
    assert!(
        list.comments.iter().all(|c| !c.by_article_author),
        "a null on both sides is no match"
    );
}

// `site` must be an absolute http(s) URL.
#[test]
fn site_must_be_absolute() {
    let e = parse_mapping(r#"{"site": "/www", "article": {}}"#)
        .expect_err("refused")
        .to_string();
    assert!(e.contains("`site` must be an absolute http(s) URL"), "{e}");
}
