//! Article mapping: a [`Mapping`]'s `article` section applied to a document. The pieces it is built from (the
//! article object, list items, the hero, the errors) are in [`parts`].

mod entries;
mod parts;

use std::rc::Rc;

use serde_json::Value;

use super::doc::{ArticleMap, Field, Mapping};
use super::value::{self, plain, text, Doc};
use crate::model::{Article, Author, Crumb, Related, Tag, TextDirection};
use crate::source::error::SourceError;
use crate::source::folio_json::anonymous;
use crate::source::url::{safe_image, safe_link};

use entries::{map_entries, mapped_body};
use parts::{absent, hero, item_link, items, label_of, missing};
pub(crate) use parts::{article_root, name_of};

/// Map the article of document `root`, fetched from `api`. Relative links and images resolve against the
/// mapping's `site` when it has one (a headless CMS's API is on another host than its site), else against `api`;
/// the comments URL, an API address, always against `api`.
pub fn map_article(m: &Mapping, root: &Value, api: Option<&str>) -> Result<Article, SourceError> {
    let a: &ArticleMap = &m.article;
    let doc = Doc::new(root);
    let cur = article_root(m, root)?;
    let base = m.site.as_deref().or(api);
    let link_from = |f: Option<&Field>, base| -> Result<Option<Rc<str>>, SourceError> {
        Ok(text(doc, f, cur)?
            .and_then(|u| safe_link(base, u.trim()))
            .map(Rc::from))
    };
    let link = |f| link_from(f, base);

    let title_field = a.title.as_ref().ok_or_else(|| absent("title", m))?;
    let title =
        plain(doc, Some(title_field), cur)?.ok_or_else(|| missing("title", title_field, m))?;

    let body_field = a.body.as_ref().ok_or_else(|| absent("body", m))?;
    let body =
        mapped_body(doc, body_field, cur, base)?.ok_or_else(|| missing("body", body_field, m))?;

    let lang = plain(doc, a.lang.as_ref(), cur)?;
    let dir = match text(doc, a.dir.as_ref(), cur)?.as_deref() {
        Some("rtl") => TextDirection::Rtl,
        Some("ltr") => TextDirection::Ltr,
        Some("auto") => TextDirection::Auto,
        _ => lang
            .as_deref()
            .map_or(TextDirection::Auto, TextDirection::of_language),
    };
    Ok(Article {
        id: value::id(doc, a.id.as_ref(), cur)?.unwrap_or_else(|| title.clone()),
        url: link(a.url.as_ref())?,
        section: items(doc, a.section.as_ref(), cur)?
            .into_iter()
            .map(|(v, l)| {
                let v = &*v;
                Ok(
                    plain(doc, Some(label_of(l.label.as_ref())), v)?.map(|label| Crumb {
                        label,
                        url: item_link(doc, l.url.as_ref(), v, base).ok().flatten(),
                    }),
                )
            })
            .collect::<Result<Vec<_>, SourceError>>()?
            .into_iter()
            .flatten()
            .collect(),
        label: plain(doc, a.label.as_ref(), cur)?,
        title,
        standfirst: plain(doc, a.standfirst.as_ref(), cur)?,
        authors: items(doc, a.authors.as_ref(), cur)?
            .into_iter()
            .map(|(v, l)| {
                let v = &*v;
                Ok(Author {
                    name: plain(doc, Some(label_of(l.name.as_ref())), v)?
                        .unwrap_or_else(|| anonymous().name),
                    url: item_link(doc, l.url.as_ref(), v, base)?,
                    avatar: text(doc, l.avatar.as_ref(), v)?
                        .and_then(|u| safe_image(base, u.trim()))
                        .map(Rc::from),
                })
            })
            .collect::<Result<Vec<_>, SourceError>>()?
            .into(),
        published: value::date(doc, a.published.as_ref(), cur)?,
        updated: value::date(doc, a.updated.as_ref(), cur)?,
        hero: match &a.hero {
            Some(h) => hero(doc, h, cur, base)?,
            None => None,
        },
        body: body.into(),
        related: items(doc, a.related.as_ref(), cur)?
            .into_iter()
            .map(|(v, l)| {
                let v = &*v;
                let title = plain(doc, Some(label_of(l.title.as_ref())), v)?;
                let url = item_link(doc, l.url.as_ref(), v, base)?;
                let after =
                    value::number(doc, l.after.as_ref(), v)?.and_then(|n| usize::try_from(n).ok());
                Ok(title
                    .zip(url)
                    .map(|(title, url)| Related { title, url, after }))
            })
            .collect::<Result<Vec<_>, SourceError>>()?
            .into_iter()
            .flatten()
            .collect(),
        tags: items(doc, a.tags.as_ref(), cur)?
            .into_iter()
            .map(|(v, l)| {
                let v = &*v;
                Ok(
                    plain(doc, Some(label_of(l.label.as_ref())), v)?.map(|label| Tag {
                        label,
                        url: item_link(doc, l.url.as_ref(), v, base).ok().flatten(),
                    }),
                )
            })
            .collect::<Result<Vec<_>, SourceError>>()?
            .into_iter()
            .flatten()
            .collect(),
        lang,
        dir,
        audio: text(doc, a.audio.as_ref(), cur)?
            .and_then(|u| safe_image(base, u.trim()))
            .map(Rc::from),
        live: value::flag(doc, a.live.as_ref(), cur)?,
        entries: map_entries(doc, a.entries.as_ref(), cur, base)?,
        events: link_from(a.events.as_ref(), api)?,
        comments_url: link_from(a.comments_url.as_ref(), api)?,
    })
}
