//! Avatars under the host's image setting (issue 12, finding 11): by default only a picture from the API's own
//! origin loads; one from another host (Gravatar) becomes the author's initial, so no request leaves for it.

use folio::components::comments::{avatar, AvatarRule};
use folio::config::Images;
use wasm_bindgen_test::wasm_bindgen_test;

use crate::support::{all, render_html};

/// What is drawn for `src` under `images` for the API at `https://api.example/articles/1`: the picture's URL, or
/// the initial.
async fn drawn(images: Images, src: &str) -> Result<String, String> {
    let rule = AvatarRule::new(images, "https://api.example/articles/1", None);
    let root = render_html(avatar("émile", Some(src), Some(&rule))).await;
    let img = all(&root, "img.folio-avatar");
    let initial = all(&root, ".folio-avatar--initial");
    match (img.first(), initial.first()) {
        (Some(i), None) => Ok(i.get_attribute("src").unwrap_or_default()),
        (None, Some(s)) => Err(s.text_content().unwrap_or_default()),
        _ => panic!("one picture or one initial: {}", root.inner_html()),
    }
}

#[wasm_bindgen_test]
async fn avatars_follow_the_image_setting() {
    let own = "https://api.example/avatars/e.png";
    let gravatar = "https://secure.gravatar.com/avatar/abc?s=96";
    assert_eq!(drawn(Images::SameOrigin, own).await, Ok(own.into()));
    assert_eq!(drawn(Images::SameOrigin, gravatar).await, Err("é".into()));
    assert_eq!(drawn(Images::All, gravatar).await, Ok(gravatar.into()));
    assert_eq!(drawn(Images::None, own).await, Err("é".into()));
}

// Outside a Reader (no rule provided) a component keeps drawing what it is given.
#[wasm_bindgen_test]
async fn without_a_rule_the_picture_is_drawn() {
    let root = render_html(avatar("A", Some("https://x.example/a.png"), None)).await;
    assert_eq!(all(&root, "img.folio-avatar").len(), 1);
}
