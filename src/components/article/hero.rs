//! The lead image (a view function: see `tags.rs` for why not a component).

use yew::prelude::*;

use crate::model::Hero;

/// The lead image as `<figure>` with `<img alt>` and a `<figcaption>` holding caption and credit. Width and
/// height are set when known so the page does not shift when the image arrives.
pub fn hero_figure(h: &Hero) -> Html {
    let (width, height) = h
        .size
        .map(|(w, h)| (Some(w.to_string()), Some(h.to_string())))
        .unwrap_or_default();
    html! {
        <figure class="folio-hero" part="hero">
            <img class="folio-hero__image" src={h.src.to_string()} alt={h.alt.to_string()} {width} {height} decoding="async" />
            if h.caption.is_some() || h.credit.is_some() {
                <figcaption class="folio-hero__caption">
                    if let Some(c) = &h.caption {
                        <span class="folio-hero__text">{ c.to_string() }</span>
                    }
                    if let Some(c) = &h.credit {
                        { " " }<span class="folio-hero__credit">{ c.to_string() }</span>
                    }
                </figcaption>
            }
        </figure>
    }
}
