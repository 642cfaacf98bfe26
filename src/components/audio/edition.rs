use std::rc::Rc;

use yew::prelude::*;

use crate::hooks::use_effect_on;

use super::frame::listen_frame;
use crate::hooks::read_aloud::{media_session, use_owner_id};
use crate::hooks::use_lang;
use crate::model::Article;
use crate::state::MediaInfo;

/// Props of [`AudioEdition`].
#[derive(Properties, PartialEq)]
pub struct AudioEditionProps {
    /// The recording (absolute http(s) URL).
    pub src: Rc<str>,
    /// The article it reads, for the Media Session.
    pub article: Rc<Article>,
    /// The "Audio only" view is on.
    pub only: bool,
    /// The reader pressed "Audio only".
    pub on_only: Callback<MouseEvent>,
}

/// The API's audio edition in the browser's own `<audio controls>` (keyboard operable, with its own speed menu),
/// `preload="none"` so nothing is fetched until the reader presses play. Playing tells the Media Session the
/// article's title, authors and hero; the browser's default lock-screen actions drive the element itself.
#[component]
pub fn AudioEdition(props: &AudioEditionProps) -> Html {
    let lang = use_lang();
    let owner = use_owner_id();
    let info = use_memo(props.article.clone(), |a| MediaInfo::of(a));
    let onplay = Callback::from(move |_: Event| media_session::claim(owner, &info, &[]));
    use_effect_on((), move |_| move || media_session::release(owner));
    let audio = html! {
        <audio class="folio-audio" controls=true preload="none" src={props.src.to_string()} {onplay}></audio>
    };
    listen_frame(props.only, props.on_only.clone(), None, audio, lang)
}
