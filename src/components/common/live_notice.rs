use yew::prelude::*;

use crate::hooks::use_lang;

/// Props of [`LiveNotice`].
#[derive(Properties, PartialEq)]
pub struct LiveNoticeProps {
    /// How many arrived and wait.
    pub count: usize,
    /// Shows them.
    pub on_show: Callback<()>,
    /// What arrived: a live article's entries ("N new updates") rather than comments ("N new comments").
    #[prop_or_default]
    pub updates: bool,
}

/// "3 new comments — Show them" (or "2 new updates" on a live article), in a polite live region that is always in
/// the page (so screen readers announce changes to it). Nothing is inserted until the reader asks, so the text
/// never jumps under their eyes.
#[component]
pub fn LiveNotice(props: &LiveNoticeProps) -> Html {
    let lang = use_lang();
    let s = lang.strings();
    let on_show = props.on_show.clone();
    let forms = if props.updates {
        &s.new_updates
    } else {
        &s.new_comments
    };
    html! {
        <div class="folio-live" role="status" aria-live="polite">
            if props.count > 0 {
                <span class="folio-live__count">{ lang.plural_text(forms, props.count) }</span>
                { " " }
                <button type="button" class="folio-button folio-live__show" onclick={move |_| on_show.emit(())}>
                    { s.show_new }
                </button>
            }
        </div>
    }
}
