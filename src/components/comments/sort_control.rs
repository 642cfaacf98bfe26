use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::hooks::{storage_get, storage_set, use_strings};
use crate::source::thread::SortOrder;

/// The reader's order is remembered under this key; `localStorage` is per origin, so per site.
pub const SORT_KEY: &str = "folio:sort";

/// The stored name of an order.
pub fn sort_name(order: SortOrder) -> &'static str {
    match order {
        SortOrder::Oldest => "oldest",
        SortOrder::Newest => "newest",
        SortOrder::Top => "top",
    }
}

/// An order from its stored name; anything else is ignored.
pub fn sort_from_name(name: &str) -> Option<SortOrder> {
    match name {
        "oldest" => Some(SortOrder::Oldest),
        "newest" => Some(SortOrder::Newest),
        "top" => Some(SortOrder::Top),
        _ => None,
    }
}

/// The order this site's reader chose last time.
pub fn stored_sort() -> Option<SortOrder> {
    storage_get(SORT_KEY).as_deref().and_then(sort_from_name)
}

/// Props of [`SortControl`].
#[derive(Properties, PartialEq)]
pub struct SortControlProps {
    /// The current order.
    pub value: SortOrder,
    /// Offer "top" (the API reports scores).
    #[prop_or(true)]
    pub with_top: bool,
    /// Told about the reader's choice (already remembered).
    pub on_change: Callback<SortOrder>,
}

/// A labelled `<select>` of orders: newest, oldest, top. The choice is stored for the next visit.
#[component]
pub fn SortControl(props: &SortControlProps) -> Html {
    let s = use_strings();
    let onchange = {
        let cb = props.on_change.clone();
        Callback::from(move |e: Event| {
            let value = e
                .target_dyn_into::<HtmlSelectElement>()
                .map(|el| el.value());
            if let Some(order) = value.as_deref().and_then(sort_from_name) {
                storage_set(SORT_KEY, sort_name(order));
                cb.emit(order);
            }
        })
    };
    let option = |order: SortOrder, label: &'static str| {
        html! { <option value={sort_name(order)} selected={props.value == order}>{ label }</option> }
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

#[cfg(test)]
mod tests {
    use super::*;

    // Every order survives a round trip through its stored name; unknown names are ignored.
    #[test]
    fn names_round_trip() {
        for o in [SortOrder::Oldest, SortOrder::Newest, SortOrder::Top] {
            assert_eq!(sort_from_name(sort_name(o)), Some(o));
        }
        assert_eq!(sort_from_name("random"), None);
    }
}
