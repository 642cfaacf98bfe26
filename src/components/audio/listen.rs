use std::rc::Rc;

use yew::prelude::*;

use super::edition::AudioEdition;
use super::player::ReadAloudPlayer;
use crate::model::Article;

/// The article's player: its recorded audio edition when the API gives one, else read aloud by the browser. A
/// view function: its "Audio only" switch (`only`, toggled by `on_only`) is kept by the article's view, so it
/// survives a change between the two.
pub fn listen(article: &Rc<Article>, only: bool, on_only: Callback<MouseEvent>) -> Html {
    let article = article.clone();
    match &article.audio {
        Some(src) => html! { <AudioEdition src={src.clone()} {article} {only} {on_only} /> },
        None => html! { <ReadAloudPlayer {article} {only} {on_only} /> },
    }
}
