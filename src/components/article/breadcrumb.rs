use std::rc::Rc;

use yew::prelude::*;

use crate::hooks::use_strings;
use crate::model::Crumb;

/// Props of [`Breadcrumb`].
#[derive(Properties, PartialEq)]
pub struct BreadcrumbProps {
    /// The section path, outermost first.
    pub crumbs: Rc<[Crumb]>,
}

/// The section path as `<nav aria-label="Breadcrumb">` with an ordered list of links (the separators are CSS, so
/// screen readers do not read them out).
#[component]
pub fn Breadcrumb(props: &BreadcrumbProps) -> Html {
    let s = use_strings();
    let last = props.crumbs.len().saturating_sub(1);
    html! {
        <nav class="folio-breadcrumb" aria-label={s.breadcrumb} part="breadcrumb">
            <ol>
                { for props.crumbs.iter().enumerate().map(|(i, c)| html! {
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
