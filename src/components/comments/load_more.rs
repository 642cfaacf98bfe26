use yew::prelude::*;

use crate::components::common::ErrorBox;
use crate::hooks::use_strings;
use crate::state::LoadError;

/// Props of [`LoadMore`].
#[derive(Properties, PartialEq)]
pub struct LoadMoreProps {
    /// A page is being fetched: the button is disabled and says so.
    pub fetching: bool,
    /// Why the last page could not be loaded.
    #[prop_or_default]
    pub error: Option<LoadError>,
    /// Fetch the next page.
    pub on_load: Callback<()>,
}

/// The "Load more comments" button under the thread, for APIs that page their list; a failed page shows its error
/// with a retry, and the button stays for another try.
#[component]
pub fn LoadMore(props: &LoadMoreProps) -> Html {
    let s = use_strings();
    let on_load = props.on_load.clone();
    html! {
        <div class="folio-thread__more">
            if let Some(e) = &props.error {
                // No retry button of its own: the button below tries again.
                <ErrorBox title={s.comments_failed} error={e.clone()} />
            }
            <button type="button" class="folio-button folio-thread__load-more" disabled={props.fetching}
                    aria-busy={props.fetching.then_some("true")} onclick={move |_| on_load.emit(())}>
                { if props.fetching { s.loading_comments } else { s.load_more_comments } }
            </button>
        </div>
    }
}
