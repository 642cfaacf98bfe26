use yew::prelude::*;

use crate::components::common::error_box;
use crate::i18n::Strings;
use crate::state::LoadError;

/// The "Load more comments" button under the thread, for APIs that page their list: disabled and saying so while
/// a page is `fetching`; a page that failed shows its `error`, and the button stays for another try (`on_load`).
/// A view function: `components/article/tags.rs` says why not a component.
pub fn load_more(
    fetching: bool,
    error: Option<&LoadError>,
    on_load: Callback<()>,
    s: &Strings,
) -> Html {
    html! {
        <div class="folio-thread__more">
            if let Some(e) = error {
                // No retry button of its own: the button below tries again.
                { error_box(s.comments_failed, e, None, s) }
            }
            <button type="button" class="folio-button folio-thread__load-more" disabled={fetching}
                    aria-busy={fetching.then_some("true")} onclick={move |_| on_load.emit(())}>
                { if fetching { s.loading_comments } else { s.load_more_comments } }
            </button>
        </div>
    }
}
