//! The `<head>` a rendered page carries for search engines and link previews: `<title>`, description, canonical
//! link, Open Graph (`og:`, `article:`) and Twitter card tags, and the JSON-LD of [`super::json_ld`].

use crate::model::{Article, CommentList};
use crate::source::sanitize::escape_text;

/// `s` safe inside a double-quoted attribute.
pub(super) fn attr(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

fn meta(out: &mut String, key: &str, name: &str, content: &str) {
    out.push_str(&format!(
        "<meta {key}=\"{name}\" content=\"{}\">\n",
        attr(content)
    ));
}

/// The tags for `article` (and its first comments, for the JSON-LD).
pub fn tags(article: &Article, comments: Option<&CommentList>) -> String {
    let mut out = String::new();
    out.push_str(&format!(
        "<title>{}</title>\n",
        escape_text(&article.title).as_str()
    ));
    let description = article.standfirst.as_deref().unwrap_or_default();
    if !description.is_empty() {
        meta(&mut out, "name", "description", description);
    }
    if let Some(url) = &article.url {
        out.push_str(&format!(
            "<link rel=\"canonical\" href=\"{}\">\n",
            attr(url)
        ));
    }
    meta(&mut out, "property", "og:type", "article");
    meta(&mut out, "property", "og:title", &article.title);
    if !description.is_empty() {
        meta(&mut out, "property", "og:description", description);
    }
    if let Some(url) = &article.url {
        meta(&mut out, "property", "og:url", url);
    }
    if let Some(hero) = &article.hero {
        meta(&mut out, "property", "og:image", &hero.src);
        if !hero.alt.is_empty() {
            meta(&mut out, "property", "og:image:alt", &hero.alt);
        }
        if let Some((w, h)) = hero.size {
            meta(&mut out, "property", "og:image:width", &w.to_string());
            meta(&mut out, "property", "og:image:height", &h.to_string());
        }
    }
    if let Some(lang) = &article.lang {
        meta(&mut out, "property", "og:locale", &lang.replace('-', "_"));
    }
    if let Some(t) = &article.published {
        meta(&mut out, "property", "article:published_time", &t.iso);
    }
    if let Some(t) = &article.updated {
        meta(&mut out, "property", "article:modified_time", &t.iso);
    }
    if let Some(section) = article.section.last() {
        meta(&mut out, "property", "article:section", &section.label);
    }
    for tag in article.tags.iter() {
        meta(&mut out, "property", "article:tag", &tag.label);
    }
    let card = if article.hero.is_some() {
        "summary_large_image"
    } else {
        "summary"
    };
    meta(&mut out, "name", "twitter:card", card);
    meta(&mut out, "name", "twitter:title", &article.title);
    if !description.is_empty() {
        meta(&mut out, "name", "twitter:description", description);
    }
    if let Some(hero) = &article.hero {
        meta(&mut out, "name", "twitter:image", &hero.src);
        if !hero.alt.is_empty() {
            meta(&mut out, "name", "twitter:image:alt", &hero.alt);
        }
    }
    out.push_str("<script type=\"application/ld+json\">");
    out.push_str(&super::json_ld::news_article(article, comments));
    out.push_str("</script>\n");
    out
}

/// The template's head without the tags [`tags`] writes for the article (its generic `<title>` and
/// description), so a page never has two, and without the module's preload (`<link rel="preload" … as="fetch"
/// type="application/wasm">`): the rendered page is readable without the module, so its download starts when the
/// page's script asks for it, after the document, instead of sharing the link and the cores with the stylesheets
/// and the first paint (docs/performance.md).
pub fn without_own_tags(head: &str) -> String {
    let mut out = head.to_string();
    while let Some(a) = out.find("<link rel=\"preload\"") {
        let Some(len) = out[a..].find('>') else {
            break;
        };
        if !out[a..a + len].contains("type=\"application/wasm\"") {
            break; // another preload: kept (the module's is the only one Trunk writes)
        }
        out.replace_range(a..a + len + 1, "");
    }
    if let (Some(a), Some(b)) = (out.find("<title>"), out.find("</title>")) {
        if a < b {
            out.replace_range(a..b + "</title>".len(), "");
        }
    }
    if let Some(a) = out.find("<meta name=\"description\"") {
        if let Some(len) = out[a..].find('>') {
            out.replace_range(a..a + len + 1, "");
        }
    }
    out
}

/// `head` with its `<html lang>` set to `lang` (the article's), when it has one.
pub fn with_lang(head: &str, lang: Option<&str>) -> String {
    let (Some(lang), Some(start)) = (lang, head.find("<html lang=\"")) else {
        return head.to_string();
    };
    let value = start + "<html lang=\"".len();
    let Some(len) = head[value..].find('"') else {
        return head.to_string();
    };
    format!("{}{}{}", &head[..value], attr(lang), &head[value + len..])
}
