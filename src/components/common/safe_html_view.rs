use yew::prelude::*;

use crate::model::SafeHtml;

/// The only raw-HTML rendering in Folio. It takes [`SafeHtml`], which only the sanitiser can build, so no
/// unsanitised string can get here. A view function (`components/article/tags.rs` says why not a component): Yew
/// compares a raw node's HTML with the last one drawn and keeps the DOM when it is the same, so an unchanged block
/// is not redrawn when its parent is.
pub fn safe_html(html: &SafeHtml) -> Html {
    Html::from_html_unchecked(AttrValue::from(html.as_str().to_string()))
}
