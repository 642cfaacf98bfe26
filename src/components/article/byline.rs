//! Authors and dates under the headline (a view function: see `tags.rs` for why not a component; the dates are
//! [`local_time`]s in the reader's `locale`, redrawn by `ArticleView` once a hydrated page reads `Intl` again).

use yew::prelude::*;

use crate::components::common::local_time;
use crate::i18n::Strings;
use crate::model::{Author, Timestamp};

/// "By A and B · Published `date` · Updated `date`"; the update only when later than publication.
pub fn byline(
    authors: &[Author],
    published: Option<&Timestamp>,
    updated: Option<&Timestamp>,
    s: &Strings,
    locale: &str,
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
                    <span class="folio-dates__published">{ s.published }{ " " }{ local_time(p, false, locale) }</span>
                }
                if let Some(u) = updated {
                    <span class="folio-dates__updated">{ s.updated }{ " " }{ local_time(u, true, locale) }</span>
                }
            </p>
        </div>
    }
}
