use yew::prelude::*;

/// Props of [`Loading`].
#[derive(Properties, PartialEq)]
pub struct LoadingProps {
    /// What is loading, for screen readers and as visible text.
    pub label: AttrValue,
}

/// A loading state: a polite live region so assistive technology hears it once, plus a skeleton that keeps
/// roughly the final layout so the page does not jump.
#[component]
pub fn Loading(props: &LoadingProps) -> Html {
    html! {
        <div class="folio-loading" role="status" aria-live="polite" part="loading">
            <span class="folio-loading__text">{ props.label.clone() }</span>
            <div class="folio-skeleton" aria-hidden="true">
                <div class="folio-skeleton__line folio-skeleton__line--title"></div>
                <div class="folio-skeleton__line"></div>
                <div class="folio-skeleton__line"></div>
                <div class="folio-skeleton__line folio-skeleton__line--short"></div>
            </div>
        </div>
    }
}
