//! A live article's entries (view functions: `tags.rs` says why not components).

use yew::prelude::*;

use crate::components::common::{live_notice, local_time, reader_locale, safe_html};
use crate::i18n::{Lang, Strings};
use crate::model::Entry;

/// A live article's entries, newest first, each an `<article>` with its own anchor (`#entry-<id>`), time, author,
/// optional title and body; above them the polite "N new updates" announcement of the `incoming` ones, whose
/// button (`on_show`) shows the entries that arrived (nothing is inserted before the reader asks).
pub fn live_blog(entries: &[Entry], incoming: usize, on_show: Callback<()>, lang: Lang) -> Html {
    let s = lang.strings();
    let locale = reader_locale(lang.code());
    html! {
        <section class="folio-liveblog" aria-labelledby="folio-liveblog-heading" part="liveblog">
            <h2 class="folio-liveblog__heading" id="folio-liveblog-heading">{ s.live_updates }</h2>
            { live_notice(incoming, on_show, true, lang) }
            <ol class="folio-liveblog__list">
                { for entries.iter().map(|e| entry_item(e, s, &locale)) }
            </ol>
        </section>
    }
}

/// One entry (keyed by its id, so arriving entries are inserted, not redrawn): time (and the time of its last
/// change), author, title, body.
fn entry_item(e: &Entry, s: &Strings, locale: &str) -> Html {
    let updated = e
        .updated
        .as_ref()
        .filter(|u| e.published.as_ref().is_none_or(|p| u.epoch_ms > p.epoch_ms));
    html! {
        <li key={&*e.id} class="folio-entry" id={format!("entry-{}", e.id)}>
            <article>
                <p class="folio-entry__meta">
                    if let Some(p) = &e.published {
                        { local_time(p, true, locale) }
                    }
                    if let Some(a) = &e.author {
                        <span class="folio-entry__author">{ a.name.to_string() }</span>
                    }
                    if let Some(u) = updated {
                        <span class="folio-entry__updated">{ s.updated }{ " " }{ local_time(u, true, locale) }</span>
                    }
                </p>
                if let Some(t) = &e.title {
                    <h3 class="folio-entry__title">{ t.to_string() }</h3>
                }
                <div class="folio-body folio-entry__body">
                    { for e.body.iter().map(safe_html) }
                </div>
            </article>
        </li>
    }
}
