use yew::prelude::*;

use super::display_settings;
use crate::hooks::PrefsHandle;
use crate::i18n::Lang;

/// The row under the byline: "6 min read" (`minutes`, from `source::reading`; nothing when 0) and the reader's
/// display settings. A view function: `Reader` counts the minutes once per article and holds the settings.
pub fn reader_controls(minutes: u32, prefs: &PrefsHandle, lang: Lang) -> Html {
    html! {
        <div class="folio-controls" part="controls">
            if minutes > 0 {
                <p class="folio-reading-time">
                    { lang.plural_text(&lang.strings().reading_time, minutes as usize) }
                </p>
            }
            { display_settings(prefs, lang.strings()) }
        </div>
    }
}
