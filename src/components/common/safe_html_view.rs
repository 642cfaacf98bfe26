use yew::prelude::*;

use crate::model::SafeHtml;

/// Props of [`SafeHtmlView`].
#[derive(Properties, PartialEq)]
pub struct SafeHtmlViewProps {
    /// Sanitised HTML.
    pub html: SafeHtml,
}

/// The only raw-HTML rendering in Folio. It takes [`SafeHtml`], which only the sanitiser can build, so no
/// unsanitised string can get here.
#[component]
pub fn SafeHtmlView(props: &SafeHtmlViewProps) -> Html {
    Html::from_html_unchecked(AttrValue::from(props.html.as_str().to_string()))
}
