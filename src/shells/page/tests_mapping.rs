//! Pages of other APIs (`folio-server`'s `GET /read?src=…`): a mapping document reads the article as in the widget,
//! and the settings the browser needs to take the page over (`mapping`, a `comments` list the article does not
//! name) are on the root.

use super::*;

const TEMPLATE: &str = include_str!("../../../index.html");
const POST: &str = include_str!("../../../tests/fixtures/wordpress/post.json");
const COMMENTS: &str = include_str!("../../../tests/fixtures/wordpress/comments.json");
const MAPPING: &str = include_str!("../../../presets/wordpress.json");
const SRC: &str = "https://cms.example/wp-json/wp/v2/posts/4217";
/// The list the preset's `comments.url` names for that article.
const OWN_LIST: &str = "https://cms.example/wp-json/wp/v2/comments?post=4217&per_page=100";

fn input(mapping: Option<(&str, &str)>, preset: Option<&str>, list: &str) -> PageInput {
    PageInput {
        template: TEMPLATE.to_string(),
        article: (POST.to_string(), SRC.to_string()),
        comments: Some((COMMENTS.to_string(), list.to_string())),
        preset: preset.map(str::to_string),
        lang: None,
        mapping: mapping.map(|(m, t)| (m.to_string(), t.to_string())),
    }
}

// A mapping given by URL reads the article and its comments; the root names the URL, not the document.
#[tokio::test]
async fn mapping_by_url() {
    let url = "https://cms.example/folio-mapping.json";
    let page = render_page(input(Some((url, MAPPING)), None, OWN_LIST))
        .await
        .expect("a page");
    assert!(page.contains("Sleeper Comeback</h1>"), "{page}");
    assert!(page.contains("Finally! I took the <em>Nightjet</em> last year."));
    assert!(page.contains(&format!(" data-mapping=\"{url}\"")));
    assert!(
        !page.contains("data-comments="),
        "the article names this list itself"
    );
}

// An inline mapping is carried whole (escaped), and a list other than the article's own is named on the root.
#[tokio::test]
async fn inline_mapping_and_a_comments_setting() {
    let list = "https://cms.example/other/comments.json";
    let page = render_page(input(Some((MAPPING, MAPPING)), None, list))
        .await
        .expect("a page");
    assert!(page.contains(" data-mapping=\"{"));
    assert!(page.contains("&quot;name&quot;: &quot;wordpress&quot;"));
    assert!(page.contains(&format!(" data-comments=\"{list}\"")));
    assert!(page.contains("Ana L\u{f3}pez"));
}

// A preset alone needs no mapping attribute; a broken mapping document is the widget's own error.
#[tokio::test]
async fn preset_and_bad_mapping() {
    let page = render_page(input(None, Some("wordpress"), OWN_LIST))
        .await
        .expect("a page");
    assert!(page.contains(" data-preset=\"wordpress\"") && !page.contains("data-mapping"));
    let bad = render_page(input(Some(("{", "{")), None, OWN_LIST)).await;
    let Err(PageError::Source(e)) = bad else {
        panic!("a source error");
    };
    assert!(e.to_string().contains("mapping"), "{e}");
}
