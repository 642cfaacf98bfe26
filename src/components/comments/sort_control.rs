use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::hooks::use_strings;
use crate::source::thread::SortOrder;

/// Props of [`SortControl`].
#[derive(Properties, PartialEq)]
pub struct SortControlProps {
    /// The current order.
    pub value: SortOrder,
    /// Offer "top" (the API reports scores).
    #[prop_or(true)]
    pub with_top: bool,
    /// Told about the reader's choice (the section's hook remembers it for the next visit).
    pub on_change: Callback<SortOrder>,
}

/// A labelled `<select>` of orders: newest, oldest, top.
#[component]
pub fn SortControl(props: &SortControlProps) -> Html {
    let s = use_strings();
    let onchange = {
        let cb = props.on_change.clone();
        Callback::from(move |e: Event| {
            let value = e
                .target_dyn_into::<HtmlSelectElement>()
                .map(|el| el.value());
            if let Some(order) = value.as_deref().and_then(SortOrder::from_name) {
                cb.emit(order);
            }
        })
    };
    let option = |order: SortOrder, label: &'static str| {
        html! { <option value={order.name()} selected={props.value == order}>{ label }</option> }
    };
    html! {
        <label class="folio-sort">
            <span class="folio-sort__label">{ s.sort_label }</span>
            <select class="folio-sort__select" {onchange}>
                { option(SortOrder::Newest, s.sort_newest) }
                { option(SortOrder::Oldest, s.sort_oldest) }
                if props.with_top { { option(SortOrder::Top, s.sort_top) } }
            </select>
        </label>
    }
}
