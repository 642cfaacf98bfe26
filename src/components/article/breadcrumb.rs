//! The section path (a view function: see `tags.rs` for why not a component).

use yew::prelude::*;

use crate::i18n::Strings;
use crate::model::Crumb;

/// The section path as `<nav aria-label="Breadcrumb">` with an ordered list of links (the separators are CSS, so
/// screen readers do not read them out).
pub fn breadcrumb(crumbs: &[Crumb], s: &Strings) -> Html {
    let last = crumbs.len().saturating_sub(1);
    html! {
        <nav class="folio-breadcrumb" aria-label={s.breadcrumb} part="breadcrumb">
            <ol>
                { for crumbs.iter().enumerate().map(|(i, c)| html! {
                    <li>
                        if let Some(url) = &c.url {
                            <a href={url.to_string()} aria-current={(i == last).then_some("location")}>{ c.label.to_string() }</a>
                        } else {
                            <span>{ c.label.to_string() }</span>
                        }
                    </li>
                }) }
            </ol>
        </nav>
    }
}
