//! Rich-text bodies on fixtures shaped like the real APIs (issue 13, point 3): Contentful references resolved
//! through `includes`, Sanity Portable Text with images and nested lists, Strapi Blocks.

use super::tests_presets::fixture;
use super::*;

fn with_mapping(text: &str, mapping: &str, base: &str) -> MappedArticle {
    let choice = MappingChoice::from_settings(None, Some(mapping)).expect("valid mapping");
    map_article_text(text, Some(base), &choice).unwrap_or_else(|e| panic!("{e}"))
}

fn blocks(m: &MappedArticle) -> Vec<&str> {
    m.article.body.iter().map(|b| b.as_str()).collect()
}

// Contentful: an embedded image asset is a figure, an embedded file a link to it, an embedded entry a card linked
// by `entry_url`, `entry-hyperlink` and `asset-hyperlink` links — all resolved by `sys.id` in `includes`.
#[test]
fn contentful_references_resolve_through_includes() {
    let m = with_mapping(
        fixture!("contentful/entries.json"),
        fixture!("contentful/mapping.json"),
        "https://cdn.contentful.com/spaces/s9x7ab/environments/master/entries",
    );
    let b = blocks(&m);
    assert_eq!(b.len(), 5, "{b:#?}");
    assert_eq!(
        b[1],
        "<figure><img src=\"https://images.ctfassets.net/s9x7ab/7mapAsset/bridges.jpg\" \
         alt=\"Merian&#39;s engraving of Königsberg\" width=\"1600\" height=\"900\" loading=\"lazy\" \
         decoding=\"async\"><figcaption>Königsberg in 1652, by Matthäus Merian</figcaption></figure>"
            .replace("&#39;", "'")
    );
    assert_eq!(
        b[2],
        "<p>Euler answered in <a href=\"https://www.acme.example/blog/solutio-problematis\" \
         rel=\"noopener noreferrer\"><em>his 1736 \
         paper</em></a> (read <a href=\"https://assets.ctfassets.net/s9x7ab/8letterPdf/marinoni.pdf\" \
         rel=\"noopener noreferrer\">the letter to Marinoni</a>).</p>"
    );
    assert_eq!(
        b[3],
        "<aside><p><strong><a href=\"https://www.acme.example/blog/solutio-problematis\" rel=\"noopener noreferrer\">Solutio problematis ad \
         geometriam situs pertinentis</a></strong></p><p>Euler's 1736 paper, read today.</p></aside>"
    );
    assert_eq!(
        b[4],
        "<p><a href=\"https://assets.ctfassets.net/s9x7ab/8letterPdf/marinoni.pdf\" rel=\"noopener noreferrer\">\
         Letter to Marinoni (1736)</a></p>"
    );
    assert_eq!(m.warnings, []);
}

// A reference missing from `includes`, or an entry link without `entry_url`, keeps its text and is one warning.
#[test]
fn contentful_unresolved_references_are_warnings() {
    let mut doc: serde_json::Value =
        serde_json::from_str(fixture!("contentful/entries.json")).expect("json");
    doc["includes"]["Entry"]
        .as_array_mut()
        .expect("entries")
        .retain(|e| e["sys"]["id"] != "4eulerPost");
    let mapping =
        fixture!("contentful/mapping.json").replace(", \"entry_url\": \"/blog/{fields.slug}\"", "");
    let m = with_mapping(&doc.to_string(), &mapping, "https://cdn.contentful.com/x");
    let b = blocks(&m);
    assert!(
        b[2].contains("Euler answered in <em>his 1736 paper</em> (read"),
        "{}",
        b[2]
    );
    assert_eq!(
        b.len(),
        4,
        "the card of the missing entry is not drawn: {b:#?}"
    );
    assert_eq!(m.warnings.len(), 1, "{:?}", m.warnings);
    assert_eq!(m.warnings[0].at, "article.body");
    assert!(
        m.warnings[0]
            .message
            .contains("`4eulerPost` is not in `includes`"),
        "{}",
        m.warnings[0]
    );
}

// Sanity: an image block's asset `_ref` becomes a CDN URL by `image_url`; a link annotation and decorators nest;
// a second list level sits inside the item before it; code blocks are `<pre>`.
#[test]
fn sanity_portable_text_with_images_and_nested_lists() {
    let m = with_mapping(
        fixture!("sanity/post.json"),
        fixture!("sanity/mapping.json"),
        "https://zp7mbokg.api.sanity.io/v2021-10-21/data/query/production",
    );
    let b = blocks(&m);
    assert_eq!(b[0], "<h2>Seven bridges</h2>");
    assert!(
        b[1].contains("<strong>all seven</strong>")
            && b[1].contains(
                "<a href=\"https://en.wikipedia.org/wiki/Seven_Bridges_of_K%C3%B6nigsberg\" \
                 rel=\"noopener noreferrer\"><em>The problem</em></a>"
            ),
        "{}",
        b[1]
    );
    assert_eq!(
        b[2],
        "<figure><img src=\"https://cdn.sanity.io/images/zp7mbokg/production/Tb9Ew8CXIwaY6R1kjMvI0uRR-2000x3000.jpg\" \
         alt=\"The seven bridges, drawn by Euler\" loading=\"lazy\" decoding=\"async\">\
         <figcaption>Euler's figure, 1736</figcaption></figure>"
    );
    assert_eq!(
        b[3],
        "<ul><li>Land masses<ul><li>Kneiphof island</li><li>Lomse island</li></ul></li><li>Bridges</li></ul>"
    );
    assert_eq!(b[4], "<ol><li>Count the odd vertices</li></ol>");
    assert_eq!(
        b[5],
        "<pre><code>odd = [v for v in graph if degree(v) % 2]</code></pre>"
    );
    assert_eq!(b[6], "<blockquote>This question is so banal.</blockquote>");
    let hero = m.article.hero.as_ref().expect("hero");
    assert_eq!(
        &*hero.src,
        "https://cdn.sanity.io/images/zp7mbokg/production/Tb9Ew8CXIwaY6R1kjMvI0uRR-1600x900.jpg"
    );
    assert_eq!(m.warnings, []);
}

// Strapi Blocks (v5): headings, modifiers, links, a nested list inside its item, quotes, code, images (uploads on
// the CMS, resolved against `site`).
#[test]
fn strapi_blocks_v5() {
    let mapping = r#"{"name": "strapi-blocks", "site": "https://cms.acme.example",
        "article": {"root": "data", "title": "title", "body": {"path": "content", "format": "strapi_blocks"}}}"#;
    let m = with_mapping(
        fixture!("strapi/article-v5.json"),
        mapping,
        "https://cms.acme.example/api/articles/hgv1vny5cebq2l3czil1rpb3",
    );
    let b = blocks(&m);
    assert_eq!(
        b,
        [
            "<h2>Seven bridges</h2>",
            "<p>Can one walk over <strong>all seven</strong> bridges <em><u>exactly</u></em> once? See \
             <a href=\"https://en.wikipedia.org/wiki/Seven_Bridges_of_K%C3%B6nigsberg\" rel=\"noopener noreferrer\">\
             the problem</a>.</p>",
            "<ul><li>Land masses<ol><li>Kneiphof</li><li>Lomse</li></ol></li><li><s>Bridges</s></li></ul>",
            "<blockquote>This question is so banal.</blockquote>",
            "<pre><code>odd = [v for v in graph if degree(v) % 2]</code></pre>",
            "<figure><img src=\"https://cms.acme.example/uploads/euler_figure_3f2a.png\" alt=\"The seven bridges, \
             drawn by Euler\" width=\"1200\" height=\"800\" loading=\"lazy\" decoding=\"async\"><figcaption>Euler's \
             figure, 1736</figcaption></figure>",
            "<p>Euler's answer: <code>no</code></p>",
        ]
    );
    assert_eq!(m.warnings, []);
}
