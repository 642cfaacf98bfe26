use wasm_bindgen_futures::JsFuture;
use yew::prelude::*;

use crate::hooks::{use_phase, use_strings};
use crate::model::Network;
use crate::source::share::share_targets;

/// Props of [`ShareBar`].
#[derive(Properties, PartialEq)]
pub struct ShareBarProps {
    /// The URL to share (the article's canonical URL, or the page's).
    pub url: AttrValue,
    /// The article's title.
    pub title: AttrValue,
}

/// What the copy button last did, announced in a live region.
#[derive(Clone, Copy, PartialEq)]
enum Copied {
    Not,
    Done,
    Failed,
}

/// The share bar, as a labelled list of links and buttons.
#[component]
pub fn ShareBar(props: &ShareBarProps) -> Html {
    let s = use_strings();
    let copied = use_state(|| Copied::Not);
    // Asked again when a hydrated page reads the browser (`use_phase`): the server's page has no share sheet.
    let phase = use_phase();
    let native = use_memo(phase, |_| crate::platform::can_share());
    let targets = share_targets(&props.url, &props.title);

    let on_copy = {
        let (copied, url) = (copied.clone(), props.url.clone());
        Callback::from(move |_| {
            let (copied, url) = (copied.clone(), url.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let ok = match web_sys::window() {
                    Some(w) => JsFuture::from(w.navigator().clipboard().write_text(&url))
                        .await
                        .is_ok(),
                    None => false,
                };
                copied.set(if ok { Copied::Done } else { Copied::Failed });
            });
        })
    };
    let on_native = {
        let (url, title) = (props.url.clone(), props.title.clone());
        Callback::from(move |_| {
            let data = web_sys::ShareData::new();
            data.set_url(&url);
            data.set_title(&title);
            if let Some(w) = web_sys::window() {
                // The reader may cancel the sheet; that rejection is not an error worth showing.
                let promise = w.navigator().share_with_data(&data);
                wasm_bindgen_futures::spawn_local(async move {
                    let _ = JsFuture::from(promise).await;
                });
            }
        })
    };
    let status = match *copied {
        Copied::Not => "",
        Copied::Done => s.link_copied,
        Copied::Failed => s.copy_failed,
    };

    html! {
        <section class="folio-share" aria-label={s.share_heading} part="share">
            <ul class="folio-share__list">
                { for targets.iter().map(|t| {
                    let label = if t.network == Network::Email {
                        s.share_email.to_string()
                    } else {
                        s.share_on.replace("{network}", t.network.name())
                    };
                    html! {
                        <li>
                            <a class={classes!("folio-share__link", format!("folio-share__link--{}", t.network.key()))}
                               href={t.href.to_string()} target="_blank" rel="noopener noreferrer"
                               aria-label={label.clone()} title={label} data-network={t.network.key()}>
                                { t.network.name() }
                            </a>
                        </li>
                    }
                }) }
                <li>
                    <button type="button" class="folio-share__button" onclick={on_copy}>{ s.copy_link }</button>
                </li>
                if *native {
                    <li>
                        <button type="button" class="folio-share__button" onclick={on_native}>{ s.native_share }</button>
                    </li>
                }
            </ul>
            <p class="folio-share__status" role="status" aria-live="polite">{ status }</p>
        </section>
    }
}
