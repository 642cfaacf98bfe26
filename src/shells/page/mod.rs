//! The third shell, native only: a whole HTML page with the reader already drawn in it (server rendering, issue
//! 15). A server hands it the SPA's built `index.html` as the template, the article response and the first page of
//! its comments; it answers the page a crawler, a reader app or a reader without WebAssembly can read in full —
//! the article and its comments in the markup, the share links, `<title>`, description, canonical link, Open
//! Graph and Twitter card tags (`page::head`) and schema.org JSON-LD (`page::json_ld`). For pages that embed
//! `<folio-reader>` instead, [`embed_snippet`] writes the element with a plain copy of the article inside.
//!
//! The reader is rendered by yew's `ServerRenderer` from the same components as in the browser, with
//! hydration markers, so the SPA can take the markup over rather than draw it again: beside the root, the page
//! carries the responses it was drawn from ([`super::island`]), which the SPA reads with the same adapter.

mod fallback;
mod head;
mod json_ld;
#[cfg(test)]
mod tests;

use yew::ServerRenderer;

pub use fallback::embed_snippet;

use super::island::{PageData, Response};
use crate::source::SourceError;
use crate::Reader;

/// What a page is made of. Owned, so the render can run on yew's own runtime (`ServerRenderer` wants `Send`
/// inputs; the model, built from them on that runtime, is not).
#[derive(Clone, Debug)]
pub struct PageInput {
    /// The SPA's `index.html` as built (its `<head>` carries the stylesheet and the module script).
    pub template: String,
    /// The article response and the absolute URL it was fetched from (the reader's `src`).
    pub article: (String, String),
    /// The first page of comments and its URL, when the article has a comment list.
    pub comments: Option<(String, String)>,
    /// That page's paging headers (`net::PAGING_HEADERS`, lowercase name and value; empty when it has none).
    pub comment_headers: Vec<(String, String)>,
    /// The `preset` setting, when the API is not Folio JSON and detection should not be relied on.
    pub preset: Option<String>,
    /// The mapping document's text (the `mapping` setting, already fetched when it was a URL).
    pub mapping: Option<String>,
    /// The `comments` setting, when the list is not the one the article names (`comments` is then that list).
    pub comments_setting: Option<String>,
    /// The interface language (`lang`), else the article's, else English.
    pub lang: Option<String>,
}

/// Why a page could not be made.
#[derive(Debug)]
pub enum PageError {
    /// The article (or its comments) could not be read: the same message the widget would show.
    Source(SourceError),
    /// The template lacks `<div id="folio-root"></div>` or `</head>`.
    Template(&'static str),
}

impl std::fmt::Display for PageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PageError::Source(e) => write!(f, "{e}"),
            PageError::Template(what) => write!(f, "the page template has no {what}"),
        }
    }
}

impl std::error::Error for PageError {}

/// The empty root the SPA's template carries, which the rendered reader fills.
const ROOT: &str = "<div id=\"folio-root\"></div>";

/// The article and its first comments, read as the widget reads them.
fn read(input: &PageInput) -> Result<crate::hooks::Preloaded, PageError> {
    page_data(input, None)
        .preloaded()
        .map_err(PageError::Source)
}

/// The page's data: the responses as given, and the language the reader is drawn in (the configured one, else
/// the article's, so the browser that takes the page over negotiates nothing different).
fn page_data(input: &PageInput, article_lang: Option<&str>) -> PageData {
    let response = |(text, url): &(String, String), headers: &[(String, String)]| Response {
        url: url.clone(),
        text: text.clone(),
        headers: headers.to_vec(),
    };
    PageData {
        article: response(&input.article, &[]),
        comments: input
            .comments
            .as_ref()
            .map(|c| response(c, &input.comment_headers)),
        preset: input.preset.clone(),
        mapping: input.mapping.clone(),
        comments_setting: input.comments_setting.clone(),
        lang: input
            .lang
            .clone()
            .or_else(|| article_lang.map(str::to_string)),
    }
}

/// `body` without its `<noscript>` notice: the page it is in already shows the article without script.
fn without_noscript(body: &str) -> String {
    match (body.find("<noscript>"), body.find("</noscript>")) {
        (Some(a), Some(b)) if a < b => {
            format!("{}{}", &body[..a], &body[b + "</noscript>".len()..])
        }
        _ => body.to_string(),
    }
}

/// The SPA's page chrome around the reader (its masthead, and the `main` landmark the reader sits in), as the
/// SPA draws it for an article: the rendered page looks like the SPA's and keeps every landmark. It stays outside
/// the root, which holds only what the reader draws, so the browser takes the root over as it is.
fn chrome(lang: Option<&str>) -> String {
    let s = lang
        .and_then(crate::i18n::Lang::from_tag)
        .unwrap_or_default()
        .strings();
    format!(
        "<header class=\"spa-masthead\"><a class=\"spa-masthead__brand\" href=\"/\">Folio</a>\
         <a class=\"spa-masthead__back\" href=\"/\">{}</a></header><main class=\"spa-main\" id=\"main\">",
        head::attr(s.all_articles)
    )
}

/// The filled root's start tag: it names the reader's settings (`data-src`, `data-preset`, `data-lang`,
/// `data-comments`, `data-mapping`: the document's text), which
/// the SPA reads to draw the reader again when it cannot take the markup over (a build without hydration).
fn root_tag(data: &PageData) -> String {
    let attr = |s: &str| head::attr(s);
    let mut tag = format!(
        "<div id=\"folio-root\" data-src=\"{}\"",
        attr(&data.article.url)
    );
    if let Some(p) = &data.preset {
        tag.push_str(&format!(" data-preset=\"{}\"", attr(p)));
    }
    if let Some(l) = &data.lang {
        tag.push_str(&format!(" data-lang=\"{}\"", attr(l)));
    }
    if let Some(c) = &data.comments_setting {
        tag.push_str(&format!(" data-comments=\"{}\"", attr(c)));
    }
    if let Some(m) = &data.mapping {
        tag.push_str(&format!(" data-mapping=\"{}\"", attr(m)));
    }
    tag.push('>');
    tag
}

/// The page for `input`: the template with the article's head tags and the reader drawn into its root. Reads the
/// article twice — once here for the head, once on yew's runtime for the body — because the model is not `Send`
/// (and this future must be, to run in a multi-threaded server).
pub async fn render_page(input: PageInput) -> Result<String, PageError> {
    let (head, data, article_lang) = {
        let pre = read(&input)?;
        let comments = pre.comments.as_ref().map(|p| &p.list);
        let lang = pre.article.lang.as_deref().map(str::to_string);
        let data = page_data(&input, lang.as_deref());
        (head::tags(&pre.article, comments), data, lang)
    };
    if !input.template.contains(ROOT) {
        return Err(PageError::Template("<div id=\"folio-root\"></div>"));
    }
    let Some(head_end) = input.template.find("</head>") else {
        return Err(PageError::Template("</head>"));
    };
    let body = {
        let data = data.clone();
        ServerRenderer::<Reader>::with_props(move || {
            // Read successfully above from the same text, so this cannot fail; an empty reader if it ever did.
            let pre = data.preloaded().ok();
            data.props(pre)
        })
        .render()
        .await
    };
    let template = head::without_own_tags(&input.template[..head_end]);
    let mut page = String::with_capacity(2 * input.template.len() + head.len() + 2 * body.len());
    page.push_str(&head::with_lang(&template, article_lang.as_deref()));
    page.push_str(&head);
    let rest = without_noscript(&input.template[head_end..]);
    let filled = format!(
        "{}{}{body}</div>{}</main>",
        chrome(data.lang.as_deref()),
        root_tag(&data),
        data.to_script()
    );
    page.push_str(&rest.replacen(ROOT, &filled, 1));
    Ok(page)
}
