use std::rc::Rc;

use wasm_bindgen_futures::JsFuture;
use yew::prelude::*;

use super::icons::{icon, network_icon, COPY, EDIT, SHARE};
use super::MastodonDialog;
use crate::hooks::{
    use_effect_on, use_mastodon_server, use_module_switch, use_phase, use_strings, Upgrade,
};
use crate::i18n::fill_name;
use crate::model::{Network, ShareTarget};
use crate::source::share::{mastodon_share_url, share_targets};

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

/// Open a network's share page in a new tab, as its link would, without telling it where the reader came from.
fn open_share_page(url: &str) {
    if let Some(w) = web_sys::window() {
        let _ = w.open_with_url_and_target_and_features(url, "_blank", "noopener,noreferrer");
    }
}

/// The share bar, as a labelled list of links and buttons.
#[component]
pub fn ShareBar(props: &ShareBarProps) -> Html {
    let s = use_strings();
    let copied = use_state(|| Copied::Not);
    // Asked again when a hydrated page reads the browser (`use_phase`): the server's page has no share sheet.
    let phase = use_phase();
    let native = use_memo(phase, |_| crate::platform::can_share());
    let (server, remember_server) = use_mastodon_server();
    // Open from the start in a reader that took over from the embed's lite module, where Mastodon was pressed.
    let switch = use_module_switch();
    let asking = use_state(|| {
        let resumed = switch
            .as_ref()
            .and_then(|s| s.take_if(|u| *u == Upgrade::Mastodon));
        resumed.is_some()
    });
    let mastodon_item = use_node_ref();
    // Once the dialog has closed, focus goes back to Mastodon's item (its link, or the button that opened it).
    let was_asking = use_mut_ref(|| false);
    {
        let (item, was_asking) = (mastodon_item.clone(), was_asking.clone());
        use_effect_on(*asking, move |asking| {
            if !*asking && was_asking.replace(false) {
                if let Some(first) = item
                    .cast::<web_sys::Element>()
                    .and_then(|li| li.first_element_child())
                    .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok())
                {
                    let _ = first.focus();
                }
            }
            *was_asking.borrow_mut() |= *asking;
        });
    }
    let targets = share_targets(&props.url, &props.title, server.as_deref());

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
    // Built without the dialog (the embed's lite module), the full module is asked for, and opens it.
    let ask = {
        let asking = asking.clone();
        Callback::from(move |_: MouseEvent| match &switch {
            Some(switch) if !cfg!(feature = "mastodon-dialog") => {
                switch.request.emit(Upgrade::Mastodon)
            }
            _ => asking.set(true),
        })
    };
    // The reader named their server: remember it and open its share page at once (still within their click).
    let on_server = {
        let (asking, url, title) = (asking.clone(), props.url.clone(), props.title.clone());
        Callback::from(move |host: Rc<str>| {
            open_share_page(&mastodon_share_url(&host, &url, &title));
            remember_server.emit(host);
            asking.set(false);
        })
    };
    let on_cancel = {
        let asking = asking.clone();
        Callback::from(move |()| asking.set(false))
    };
    let status = match *copied {
        Copied::Not => "",
        Copied::Done => s.link_copied,
        Copied::Failed => s.copy_failed,
    };
    let item = |t: &ShareTarget| {
        let label = if t.network == Network::Email {
            s.share_email.to_string()
        } else {
            s.share_on.replace("{network}", t.network.name())
        };
        let class = format!("folio-share__link folio-share__link--{}", t.network.key());
        let inner = html! {
            <>{ network_icon(t.network) }<span class="folio-share__name">{ t.network.name() }</span></>
        };
        match (&t.href, t.network) {
            (Some(href), Network::Mastodon) => {
                let change = fill_name(s.mastodon_change, server.as_deref().unwrap_or_default());
                html! {
                    <li class="folio-share__item" ref={mastodon_item.clone()}>
                        <a {class} href={href.to_string()} target="_blank" rel="noopener noreferrer"
                           aria-label={label.clone()} title={label} data-network={t.network.key()}>{ inner }</a>
                        <button type="button" class="folio-share__change" onclick={ask.clone()}
                                aria-label={change.clone()} title={change}>{ icon(EDIT) }</button>
                    </li>
                }
            }
            (None, _) => html! {
                <li class="folio-share__item" ref={mastodon_item.clone()}>
                    <button type="button" {class} onclick={ask.clone()} aria-haspopup="dialog"
                            aria-label={label.clone()} title={label} data-network={t.network.key()}>{ inner }</button>
                </li>
            },
            (Some(href), _) => html! {
                <li class="folio-share__item">
                    <a {class} href={href.to_string()} target="_blank" rel="noopener noreferrer"
                       aria-label={label.clone()} title={label} data-network={t.network.key()}>{ inner }</a>
                </li>
            },
        }
    };

    html! {
        <section class="folio-share" aria-label={s.share_heading} part="share">
            <ul class="folio-share__list">
                { for targets.iter().map(item) }
                <li class="folio-share__item">
                    <button type="button" class="folio-share__button" onclick={on_copy}>
                        { icon(COPY) }<span class="folio-share__name">{ s.copy_link }</span>
                    </button>
                </li>
                if *native {
                    <li class="folio-share__item">
                        <button type="button" class="folio-share__button" onclick={on_native}>
                            { icon(SHARE) }<span class="folio-share__name">{ s.native_share }</span>
                        </button>
                    </li>
                }
            </ul>
            <p class="folio-share__status" role="status" aria-live="polite">{ status }</p>
            if *asking && cfg!(feature = "mastodon-dialog") {
                <MastodonDialog initial={server.clone()} on_submit={on_server} {on_cancel} />
            }
        </section>
    }
}
