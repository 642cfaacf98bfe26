use yew::prelude::*;

/// A loading state: a polite live region so assistive technology hears `label` once (also the visible text), plus
/// a skeleton that keeps roughly the final layout so the page does not jump. A view function:
/// `components/article/tags.rs` says why not a component.
pub fn loading(label: &'static str) -> Html {
    html! {
        <div class="folio-loading" role="status" aria-live="polite" part="loading">
            <span class="folio-loading__text">{ label }</span>
            <div class="folio-skeleton" aria-hidden="true">
                <div class="folio-skeleton__line folio-skeleton__line--title"></div>
                <div class="folio-skeleton__line"></div>
                <div class="folio-skeleton__line"></div>
                <div class="folio-skeleton__line folio-skeleton__line--short"></div>
            </div>
        </div>
    }
}
