use yew::prelude::*;

use crate::i18n::Lang;

/// "3 new comments — Show them" (or, for a live article's entries, `updates`, "2 new updates"), for the `count`
/// that arrived and wait, in a polite live region that is always in the page (so screen readers announce changes
/// to it). Nothing is inserted until the reader asks (`on_show`), so the text never jumps under their eyes. A view
/// function: `components/article/tags.rs` says why not a component.
pub fn live_notice(count: usize, on_show: Callback<()>, updates: bool, lang: Lang) -> Html {
    let s = lang.strings();
    let forms = if updates {
        &s.new_updates
    } else {
        &s.new_comments
    };
    html! {
        <div class="folio-live" role="status" aria-live="polite">
            if count > 0 {
                <span class="folio-live__count">{ lang.plural_text(forms, count) }</span>
                { " " }
                <button type="button" class="folio-button folio-live__show" onclick={move |_| on_show.emit(())}>
                    { s.show_new }
                </button>
            }
        </div>
    }
}
