use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::i18n::Strings;
use crate::source::thread::SortOrder;

/// A labelled `<select>` of orders: newest, oldest and, `with_top` (the API reports scores), top; the current
/// order is `value`, and `on_change` is told the reader's choice (the section's hook remembers it for the next
/// visit). A view function: `components/article/tags.rs` says why not a component.
pub fn sort_control(
    value: SortOrder,
    with_top: bool,
    on_change: Callback<SortOrder>,
    s: &Strings,
) -> Html {
    let onchange = Callback::from(move |e: Event| {
        let chosen = e
            .target_dyn_into::<HtmlSelectElement>()
            .map(|el| el.value());
        if let Some(order) = chosen.as_deref().and_then(SortOrder::from_name) {
            on_change.emit(order);
        }
    });
    let option = |order: SortOrder, label: &'static str| {
        html! { <option value={order.name()} selected={value == order}>{ label }</option> }
    };
    html! {
        <label class="folio-sort">
            <span class="folio-sort__label">{ s.sort_label }</span>
            <select class="folio-sort__select" {onchange}>
                { option(SortOrder::Newest, s.sort_newest) }
                { option(SortOrder::Oldest, s.sort_oldest) }
                if with_top { { option(SortOrder::Top, s.sort_top) } }
            </select>
        </label>
    }
}
