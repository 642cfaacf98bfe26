//! An article document → [`Article`]: the required title and body (HTML, Markdown or text), the optional
//! metadata, the hero image, the related links placed between body blocks, and a live article's entries and
//! event stream.

use std::rc::Rc;

use serde_json::Value;

use super::super::error::SourceError;
use super::super::markdown::markdown_blocks;
use super::super::sanitize::{sanitize_blocks, Policy};
use super::super::url::{safe_image, safe_link};
use super::entries::entries;
use super::parts::{author, crumb, tag};
use super::read::{bad, count, date, flag, id, link, list, object, plain, text};
use crate::model::{Article, Hero, Related, SafeHtml, TextDirection};

/// Map an article document.
pub fn article_from_value(v: &Value, base: Option<&str>) -> Result<Article, SourceError> {
    let o = object(v, "")?;
    let title = text(o, "title", "")?
        .map(str::trim)
        .filter(|t| !t.is_empty());
    let title = title.ok_or(SourceError::MissingField {
        field: "title",
        path: "/title".into(),
    })?;
    let body_text = text(o, "body", "")?.ok_or(SourceError::MissingField {
        field: "body",
        path: "/body".into(),
    })?;
    let format = text(o, "body_format", "")?.unwrap_or("html");
    let body = body_blocks(body_text, format, "/body_format", base)?;
    let lang = text(o, "lang", "")?.map(Rc::from);
    let dir = match text(o, "dir", "")? {
        Some("rtl") => TextDirection::Rtl,
        Some("ltr") => TextDirection::Ltr,
        Some("auto") => TextDirection::Auto,
        Some(other) => return Err(bad("/dir", format!("\"{other}\" is not ltr, rtl or auto"))),
        None => lang
            .as_deref()
            .map_or(TextDirection::Auto, TextDirection::of_language),
    };
    // Filled in one field at a time into a whole `Article`: a failing field then drops one value, where a struct
    // literal of twenty fallible fields had a cleanup path of its own for every prefix (-1.3 KB of wasm before
    // wasm-opt, -0.2 KB brotli shipped).
    let mut article = Article {
        title: Rc::from(title),
        body: body.into(),
        lang,
        dir,
        ..Article::default()
    };
    article.id = id(o.get("id"), "/id")?.unwrap_or_else(|| article.title.clone());
    article.url = text(o, "url", "")?
        .and_then(|u| safe_link(base, u))
        .map(Rc::from);
    article.section = list(o, "section", "", |v, p| crumb(v, p, base))?.into();
    article.label = plain(o, "label", "")?;
    article.standfirst = plain(o, "standfirst", "")?;
    article.authors = list(o, "authors", "", |v, p| author(v, p, base))?.into();
    article.published = date(o, "published", "")?;
    article.updated = date(o, "updated", "")?;
    article.hero = o
        .get("hero")
        .filter(|h| !h.is_null())
        .map(|h| hero(h, "/hero", base))
        .transpose()?
        .flatten();
    article.related = list(o, "related", "", |v, p| related(v, p, base))?
        .into_iter()
        .flatten()
        .collect();
    article.tags = list(o, "tags", "", |v, p| tag(v, p, base))?.into();
    article.audio = text(o, "audio", "")?
        .and_then(|u| safe_image(base, u))
        .map(Rc::from);
    article.live = flag(o, "live", "")?;
    article.entries = entries(o, base)?;
    article.events = link(o, "events", "", base)?;
    article.comments_url = text(o, "comments", "")?
        .and_then(|u| safe_link(base, u))
        .map(Rc::from);
    Ok(article)
}

/// A body (the article's, an entry's, a correction's) in its `format`, sanitised into top-level blocks; an unknown
/// format is an error at `format_path`.
pub(super) fn body_blocks(
    body: &str,
    format: &str,
    format_path: &str,
    base: Option<&str>,
) -> Result<Vec<SafeHtml>, SourceError> {
    Ok(match format {
        "html" => sanitize_blocks(body, Policy::Article, base),
        "markdown" => markdown_blocks(body, Policy::Article, base),
        "text" => body
            .split("\n\n")
            .filter(|p| !p.trim().is_empty())
            .map(crate::source::sanitize::from_plain_text)
            .collect(),
        other => {
            return Err(bad(
                format_path,
                format!("unknown format \"{other}\" (html, markdown or text)"),
            ))
        }
    })
}

fn hero(v: &Value, path: &str, base: Option<&str>) -> Result<Option<Hero>, SourceError> {
    let o = object(v, path)?;
    let Some(src) = text(o, "src", path)?.and_then(|s| safe_image(base, s)) else {
        return Ok(None); // An unusable image is left out, not an error: the article still reads.
    };
    let size = match (count(o, "width", path)?, count(o, "height", path)?) {
        (Some(w), Some(h)) if w > 0 && h > 0 => u32::try_from(w).ok().zip(u32::try_from(h).ok()),
        _ => None,
    };
    Ok(Some(Hero {
        src: src.into(),
        alt: plain(o, "alt", path)?.unwrap_or_else(|| "".into()),
        caption: plain(o, "caption", path)?,
        credit: plain(o, "credit", path)?,
        size,
    }))
}

fn related(v: &Value, path: &str, base: Option<&str>) -> Result<Option<Related>, SourceError> {
    let o = object(v, path)?;
    let title = plain(o, "title", path)?;
    let url = link(o, "url", path, base)?;
    let after = count(o, "after", path)?;
    Ok(title
        .zip(url)
        .map(|(title, url)| Related { title, url, after }))
}
