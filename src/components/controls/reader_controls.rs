use std::rc::Rc;

use yew::prelude::*;

use super::display_settings;
use crate::hooks::{use_lang, PrefsHandle};
use crate::model::Article;
use crate::source::reading::{count_text, reading_minutes};

/// Props of [`ReaderControls`].
#[derive(Properties, PartialEq)]
pub struct ReaderControlsProps {
    /// The article being read (its body and language give the reading time).
    pub article: Rc<Article>,
}

/// The row under the byline: "6 min read" and, inside a reader, the display settings.
#[component]
pub fn ReaderControls(props: &ReaderControlsProps) -> Html {
    let lang = use_lang();
    let prefs = use_context::<PrefsHandle>();
    // Counted once per article: the body can be long, and the language only picks the rate.
    let minutes = *use_memo(props.article.clone(), |a| {
        reading_minutes(count_text(&a.body), a.lang.as_deref())
    });
    html! {
        <div class="folio-controls" part="controls">
            if minutes > 0 {
                <p class="folio-reading-time">
                    { lang.plural_text(&lang.strings().reading_time, minutes as usize) }
                </p>
            }
            if let Some(prefs) = prefs {
                { display_settings(&prefs, lang.strings()) }
            }
        </div>
    }
}
