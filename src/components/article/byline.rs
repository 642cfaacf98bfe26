//! Authors and dates under the headline (a view function: see `tags.rs` for why not a component; the dates are
//! [`LocalTime`] components, which format in the reader's time zone once hydrated).

use yew::prelude::*;

use crate::components::common::LocalTime;
use crate::i18n::Strings;
use crate::model::{Author, Timestamp};

/// "By A and B · Published `date` · Updated `date`"; the update only when later than publication.
pub fn byline(
    authors: &[Author],
    published: Option<&Timestamp>,
    updated: Option<&Timestamp>,
    s: &Strings,
) -> Html {
    let updated = updated.filter(|u| published.is_none_or(|p| u.epoch_ms > p.epoch_ms));
    html! {
        <div class="folio-meta">
            if !authors.is_empty() {
                <p class="folio-byline">
                    { s.by }{ " " }
                    { for authors.iter().enumerate().map(|(i, a)| html! {
                        <>
                            if i > 0 { { if i + 1 == authors.len() { " & " } else { ", " } } }
                            if let Some(url) = &a.url {
                                <a class="folio-byline__author" href={url.to_string()} rel="author">{ a.name.to_string() }</a>
                            } else {
                                <span class="folio-byline__author">{ a.name.to_string() }</span>
                            }
                        </>
                    }) }
                </p>
            }
            <p class="folio-dates">
                if let Some(p) = published {
                    <span class="folio-dates__published">{ s.published }{ " " }<LocalTime at={p.clone()} /></span>
                }
                if let Some(u) = updated {
                    <span class="folio-dates__updated">{ s.updated }{ " " }<LocalTime at={u.clone()} with_time=true /></span>
                }
            </p>
        </div>
    }
}
