use std::cell::RefCell;
use std::rc::Rc;

use web_sys::Element;
use yew::prelude::*;

use super::events;
use crate::components::common::error_box;
use crate::config::ReaderConfig;
use crate::hooks::{use_effect_on, ModuleSwitch, Upgrade};
use crate::i18n::Lang;
use crate::model::{Article, Comment};
use crate::state::LoadError;
#[cfg(feature = "styles")]
use crate::styles::StyleRoot;
use crate::Reader;

/// Props of [`EmbedApp`].
#[derive(Properties, PartialEq)]
pub struct EmbedAppProps {
    /// The validated attributes, or the `folio:` message saying what is wrong with them.
    pub config: Result<ReaderConfig, String>,
    /// The `<folio-reader>` element: the events are dispatched on it.
    pub host: Element,
    /// What the reader was doing on the lite module, when this one took over from it (`folio_mount`).
    pub resumed: Option<Upgrade>,
}

/// One `<folio-reader>`: the [`Reader`] with its callbacks turned into DOM events on the host element, or the
/// configuration error shown inside the widget.
#[component]
pub fn EmbedApp(props: &EmbedAppProps) -> Html {
    let host = props.host.clone();
    // A reader that took over from the lite module tells the loader when its first article is drawn (the host
    // page had its `folio:loaded` from the lite one); any later article is announced as usual.
    let quiet = use_mut_ref(|| props.resumed.is_some());
    let on_loaded = use_callback(host.clone(), move |a: Rc<Article>, host| {
        if std::mem::take(&mut *quiet.borrow_mut()) {
            events::drawn(host)
        } else {
            events::loaded(host, &a)
        }
    });
    let switch = (*use_memo(host.clone(), |host| {
        let host = host.clone();
        ModuleSwitch {
            request: Callback::from(move |need| events::upgrade(&host, need)),
            resumed: Rc::new(RefCell::new(props.resumed.clone())),
        }
    }))
    .clone();
    let on_error = use_callback(host.clone(), |e: LoadError, host| events::error(host, &e));
    let on_comment_posted = use_callback(host.clone(), |c: Comment, host| {
        events::comment_posted(host, &c)
    });
    // A configuration error is reported once per distinct message, like a load failure.
    {
        let on_error = on_error.clone();
        use_effect_on(props.config.clone().err(), move |message| {
            if let Some(m) = message {
                on_error.emit(LoadError::Config(strip(m).to_string()));
            }
        });
    }
    match &props.config {
        Ok(config) => {
            // A new document (not just a new theme or language) starts a fresh reader, dropping the old state.
            let key = format!(
                "{}|{}|{}|{}",
                config.src,
                config.comments.as_deref().unwrap_or(""),
                config.preset.as_deref().unwrap_or(""),
                config.mapping.as_deref().unwrap_or("")
            );
            let reader = html! {
                <Reader {key} config={config.clone()} {on_loaded} {on_error} {on_comment_posted} />
            };
            let reader = html! {
                <ContextProvider<ModuleSwitch> context={switch}>{ reader }</ContextProvider<ModuleSwitch>>
            };
            // The loader links Folio's stylesheet into the shadow root: the reader adopts none into the host page.
            #[cfg(feature = "styles")]
            let reader = html! {
                <ContextProvider<StyleRoot> context={StyleRoot::Linked}>{ reader }</ContextProvider<StyleRoot>>
            };
            reader
        }
        Err(message) => {
            let lang = Lang::default();
            html! {
                <div class="folio" data-theme="auto" part="root">
                    { error_box(lang.strings().article_failed, &LoadError::Config(strip(message).to_string()), None, lang.strings()) }
                </div>
            }
        }
    }
}

/// `LoadError::Config` adds the `folio: ` prefix back when displayed.
fn strip(message: &str) -> &str {
    message.trim_start_matches("folio: ")
}
