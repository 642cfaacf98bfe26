use std::rc::Rc;

use yew::prelude::*;

#[cfg(not(feature = "read-aloud"))]
use super::deferred::DeferredPlayer as ReadAloudPlayer;
use super::edition::audio_edition;
#[cfg(feature = "read-aloud")]
use super::player::ReadAloudPlayer;
use crate::i18n::Lang;
use crate::model::Article;

/// Props of the browser-voice player (`ReadAloudPlayer`, or on the lite module its stand-in `DeferredPlayer`).
#[derive(Properties, PartialEq)]
pub struct PlayerProps {
    /// The article to read.
    pub article: Rc<Article>,
    /// The "Audio only" view is on.
    pub only: bool,
    /// The reader pressed "Audio only".
    pub on_only: Callback<MouseEvent>,
}

/// The article's player: its recorded audio edition when the API gives one (as player `owner`), else read aloud
/// by the browser. A view function: its "Audio only" switch (`only`, toggled by `on_only`) is kept by the
/// article's view, so it survives a change between the two.
pub fn listen(
    article: &Rc<Article>,
    only: bool,
    on_only: Callback<MouseEvent>,
    owner: u64,
    lang: Lang,
) -> Html {
    match &article.audio {
        Some(src) => audio_edition(src, article, owner, only, on_only, lang),
        None => html! { <ReadAloudPlayer article={article.clone()} {only} {on_only} /> },
    }
}
