use std::rc::Rc;

use yew::prelude::*;

use super::article::ArticleView;
#[cfg(feature = "live-articles")]
use super::article::LiveArticle;
use super::comments::{AvatarRule, CommentSection};
use super::common::{error_box, loading};
use super::controls::reader_controls;
use super::share::ShareBar;
use crate::config::ReaderConfig;
use crate::hooks::{
    use_article, use_effect_on, use_module_switch, use_reading_prefs, Preloaded, ReaderEnv, Source,
    Upgrade,
};
use crate::i18n::Lang;
use crate::model::{Article, Comment};
use crate::platform::{self, Phase};
use crate::source::reading::{count_text, reading_minutes};
use crate::source::SourceError;
use crate::state::{Load, LoadError};

/// Props of [`Reader`].
#[derive(Properties, PartialEq)]
pub struct ReaderProps {
    /// What to show and how.
    pub config: ReaderConfig,
    /// Told when the article has been drawn (the embed turns it into `folio:loaded`).
    #[prop_or_default]
    pub on_loaded: Callback<Rc<Article>>,
    /// Told about every failure shown in the widget (`folio:error`).
    #[prop_or_default]
    pub on_error: Callback<LoadError>,
    /// Told about every comment the server stored (`folio:comment-posted`).
    #[prop_or_default]
    pub on_comment_posted: Callback<Comment>,
    /// The article and its first comments, read on a server (server rendering): drawn at once, not fetched.
    #[prop_or_default]
    pub preloaded: Option<Rc<Preloaded>>,
}

/// The interface language: the configured one, else the host page's `<html lang>`, else the browser's.
fn interface_lang(configured: Option<&str>) -> Lang {
    let page = platform::page_lang();
    let browser = platform::reader_languages();
    Lang::negotiate(
        configured
            .into_iter()
            .chain(page.as_deref())
            .chain(browser.iter().map(String::as_str)),
    )
}

/// The article's view, with `children` (the reader's controls, the share bar) under its header: a live article
/// followed (read again from `src` through `source`) where this build can follow one, else drawn as read.
fn article_view(article: &Rc<Article>, source: &Source, src: &AttrValue, children: Html) -> Html {
    #[cfg(feature = "live-articles")]
    if article.live {
        // Keyed by the article, so another article starts from its own state.
        return html! {
            <LiveArticle key={&*article.id} article={article.clone()} source={source.clone()} src={src.clone()}>
                { children }
            </LiveArticle>
        };
    }
    #[cfg(not(feature = "live-articles"))]
    let _ = (source, src);
    html! { <ArticleView article={article.clone()}>{ children }</ArticleView> }
}

/// The Folio reader: the article, its share bar and its comment thread, from the configured API.
#[component]
pub fn Reader(props: &ReaderProps) -> Html {
    crate::styles::use_folio_styles(); // Folio's stylesheet for a Yew host app (src/styles, docs/architecture.md)
    let config = &props.config;
    // Taking over a server's markup, the first render answers as the server did (`platform`); after the first
    // effects (children's run before this one) the browser answers, and everything that read it draws again.
    let phase = use_state(|| {
        if platform::hydrating() {
            Phase::Hydrating
        } else {
            Phase::Live
        }
    });
    {
        let phase = phase.clone();
        use_effect_on((), move |_| {
            if platform::end_hydration() {
                phase.set(Phase::Live);
            }
        });
    }
    let lang = *use_memo((config.lang.clone(), *phase), |(l, _)| {
        interface_lang(l.as_deref())
    });
    let s = lang.strings();
    // The reader's own text size and theme (remembered); the host's theme until they pick one.
    let prefs = use_reading_prefs(config.theme, *phase);
    // Read through the configured preset or mapping document, or the detected shape (Folio JSON by default).
    let preloaded = props.preloaded.clone();
    let (load, retry, source) = use_article(
        config.src.clone(),
        config.preset.clone(),
        config.mapping.clone(),
        preloaded
            .as_ref()
            .map(|p| (p.article.clone(), p.source.clone())),
    );
    {
        let (on_loaded, on_error) = (props.on_loaded.clone(), props.on_error.clone());
        // Built without following live articles (the embed's lite module), a live one is drawn as read and the
        // module that follows it asked for (hooks::module_switch).
        let switch = use_module_switch();
        use_effect_on(load.clone(), move |load| match &**load {
            Load::Ready(a) => {
                on_loaded.emit(a.clone());
                if a.live && !cfg!(feature = "live-articles") {
                    if let Some(switch) = &switch {
                        switch.request.emit(Upgrade::Live);
                    }
                }
            }
            Load::Failed(e) => on_error.emit(e.clone()),
            Load::Loading => {}
        });
    }

    // The reading time, counted once per article: the body can be long, and the language only picks the rate.
    let minutes = *use_memo(load.clone(), |load| match &**load {
        Load::Ready(a) => reading_minutes(count_text(&a.body), a.lang.as_deref()),
        _ => 0,
    });
    // Which avatars may load: the host's `images` setting against the API's origin (the article URL's).
    let avatars = (*use_memo(
        (config.images, config.src.clone(), *phase),
        |(images, src, _)| {
            let page = platform::page_url();
            AvatarRule::new(*images, src, page.as_deref())
        },
    ))
    .clone();
    let content = match &*load {
        // Without the mapping language (the embed's lite module) another API's article is handed to the module
        // that has it (src/shells/embed): the reader keeps its loading state meanwhile, never an error.
        Load::Loading | Load::Failed(LoadError::Source(SourceError::NeedsMapping { .. })) => {
            loading(s.loading_article)
        }
        Load::Failed(e) => error_box(s.article_failed, e, Some(retry), s),
        Load::Ready(article) => {
            let share_url = article
                .url
                .as_deref()
                .map(str::to_string)
                .or_else(platform::page_url)
                .unwrap_or_default();
            let comments = config.comments.clone().or_else(|| {
                article
                    .comments_url
                    .as_deref()
                    .map(|u| AttrValue::from(u.to_string()))
            });
            html! {
                <>
                    { article_view(article, &source, &config.src, html! {
                        <>
                            { reader_controls(minutes, &prefs, lang) }
                            <ShareBar url={share_url} title={article.title.to_string()} />
                        </>
                    }) }
                    if let Some(url) = comments {
                        <CommentSection {url} article_id={article.id.clone()} source={source.clone()}
                            first_page={preloaded.as_ref().and_then(|p| p.comments.clone())}
                            on_posted={props.on_comment_posted.clone()} on_error={props.on_error.clone()}
                            avatars={Some(avatars.clone())} />
                    }
                </>
            }
        }
    };
    html! {
        <ContextProvider<ReaderEnv> context={ReaderEnv { lang, phase: *phase }}>
            <div class="folio" part="root" data-theme={prefs.theme.as_attr()} data-text-size={prefs.text_size.name()}
                 lang={lang.code()} dir={if lang.is_rtl() { "rtl" } else { "ltr" }}>
                { content }
            </div>
        </ContextProvider<ReaderEnv>>
    }
}
