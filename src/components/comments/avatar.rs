//! A comment author's picture, or their initial: the picture only where the host's image setting allows it
//! (`images`, [`Images`]), so by default no host but the API's own learns who reads the page.

use std::rc::Rc;

use yew::prelude::*;

use crate::config::Images;
use crate::source::url::{origin_of, resolve};

/// Which avatars may load in this reader: the host's setting and the API's origin. Made by the `Reader`, carried by
/// the thread's context.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct AvatarRule {
    /// The host's setting.
    pub images: Images,
    /// The origin of the article's URL (resolved against the page), the API's own.
    pub api_origin: Option<Rc<str>>,
}

impl AvatarRule {
    /// The rule for an API whose article is at `src` (relative URLs resolved against `page`).
    pub fn new(images: Images, src: &str, page: Option<&str>) -> Self {
        let api_origin = resolve(page, src).and_then(|u| origin_of(&u)).map(Rc::from);
        Self { images, api_origin }
    }
}

/// The picture of `name` at `src` (a URL already checked as an http(s) image URL) when the `rule` allows it
/// (with no rule, as outside a `Reader`, it always does), else their initial. A view function:
/// `components/article/tags.rs` says why not a component.
pub fn avatar(name: &str, src: Option<&str>, rule: Option<&AvatarRule>) -> Html {
    let allowed =
        src.filter(|src| rule.is_none_or(|r| r.images.allows(src, r.api_origin.as_deref())));
    match allowed {
        Some(src) => html! {
            <img class="folio-avatar" src={src.to_string()} alt="" width="36" height="36" loading="lazy" />
        },
        None => {
            // The first letter as written; the stylesheet upper-cases it (`text-transform`), which knows every
            // script.
            let initial: String = name.chars().next().map(String::from).unwrap_or_default();
            html! { <span class="folio-avatar folio-avatar--initial" aria-hidden="true">{ initial }</span> }
        }
    }
}
