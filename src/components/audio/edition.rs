use std::rc::Rc;

use yew::prelude::*;

use super::frame::listen_frame;
use crate::hooks::read_aloud::media_session;
use crate::i18n::Lang;
use crate::model::Article;
use crate::state::MediaInfo;

/// The API's audio edition (`src`, an absolute http(s) URL) in the browser's own `<audio controls>` (keyboard
/// operable, with its own speed menu), `preload="none"` so nothing is fetched until the reader presses play.
/// Playing tells the Media Session the article's title, authors and hero, as player `owner`; the browser's default
/// lock-screen actions drive the element itself. A view function: the article's view holds the owner id and
/// releases the Media Session when it goes away.
pub fn audio_edition(
    src: &str,
    article: &Rc<Article>,
    owner: u64,
    only: bool,
    on_only: Callback<MouseEvent>,
    lang: Lang,
) -> Html {
    let article = article.clone();
    let onplay =
        Callback::from(move |_: Event| media_session::claim(owner, &MediaInfo::of(&article), &[]));
    let audio = html! {
        <audio class="folio-audio" controls=true preload="none" src={src.to_string()} {onplay}></audio>
    };
    listen_frame(only, on_only, None, audio, lang)
}
