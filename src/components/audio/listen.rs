use std::rc::Rc;

use yew::prelude::*;

use super::edition::AudioEdition;
use super::player::ReadAloudPlayer;
use crate::model::Article;

/// Props of [`Listen`].
#[derive(Properties, PartialEq)]
pub struct ListenProps {
    /// The article to listen to.
    pub article: Rc<Article>,
}

/// The article's player: its recorded audio edition when the API gives one, else read aloud by the browser. Its
/// "Audio only" switch is kept here, so it survives a change between the two.
#[component]
pub fn Listen(props: &ListenProps) -> Html {
    let only = use_state_eq(|| false);
    let on_only = {
        let only = only.clone();
        Callback::from(move |_| only.set(!*only))
    };
    let article = props.article.clone();
    match &props.article.audio {
        Some(src) => html! { <AudioEdition src={src.clone()} {article} only={*only} {on_only} /> },
        None => html! { <ReadAloudPlayer {article} only={*only} {on_only} /> },
    }
}
