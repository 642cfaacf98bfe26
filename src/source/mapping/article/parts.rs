//! The pieces [`super::map_article`] is built from: where the article object is, the errors naming a field the
//! mapping misses, list items (sections, authors, related links, tags) with their label and link, and the hero.

use std::borrow::Cow;
use std::rc::Rc;

use serde_json::Value;

use super::super::doc::{Field, HeroMap, ListMap, Mapping};
use super::super::value::{self, first, flatten, plain, spec_of, text, tried, values, Doc};
use crate::model::Hero;
use crate::source::error::SourceError;
use crate::source::url::{safe_image, safe_link};

/// The mapping's name for messages.
pub(crate) fn name_of(m: &Mapping) -> String {
    m.name.clone().unwrap_or_else(|| "custom mapping".into())
}

/// The article object inside the document (`article.root`), or the document itself.
pub(crate) fn article_root<'a>(m: &'a Mapping, root: &'a Value) -> Result<&'a Value, SourceError> {
    let doc = Doc::new(root);
    match &m.article.root {
        None => Ok(root),
        Some(f) => first(doc, f, root)?
            .map(|(v, _)| v)
            .ok_or_else(|| missing("article", f, m)),
    }
}

pub(super) fn missing(field: &str, f: &Field, m: &Mapping) -> SourceError {
    SourceError::MissingMapped {
        field: field.into(),
        tried: tried(f),
        mapping: name_of(m),
    }
}

pub(super) fn absent(field: &str, m: &Mapping) -> SourceError {
    SourceError::MissingMapped {
        field: field.into(),
        tried: "no path (the mapping does not say where it is)".into(),
        mapping: name_of(m),
    }
}

/// The item itself, when a list item's main text field is not mapped (a list of strings).
static ITSELF: std::sync::LazyLock<Field> = std::sync::LazyLock::new(|| Field::Path(String::new()));

pub(super) fn label_of(f: Option<&Field>) -> &Field {
    f.unwrap_or(&ITSELF)
}

pub(super) fn item_link<'a>(
    doc: Doc<'a>,
    f: Option<&'a Field>,
    v: &'a Value,
    base: Option<&str>,
) -> Result<Option<Rc<str>>, SourceError> {
    Ok(text(doc, f, v)?
        .and_then(|u| safe_link(base, u.trim()))
        .map(Rc::from))
}

/// A list's items, each with the list's mapping. With `split`, a string item becomes one item per part
/// (`"Science, Maths"` → two), hence the owned values.
pub(super) fn items<'a>(
    doc: Doc<'a>,
    list: Option<&'a ListMap>,
    cur: &'a Value,
) -> Result<Vec<(Cow<'a, Value>, &'a ListMap)>, SourceError> {
    let Some(l) = list else { return Ok(Vec::new()) };
    let Some(each) = &l.each else {
        return Ok(Vec::new());
    };
    let (vs, _) = values(doc, each, cur)?;
    let split = spec_of(each).0.split.as_deref().filter(|s| !s.is_empty());
    let mut out = Vec::new();
    for v in flatten(vs) {
        match (split, v) {
            (Some(sep), Value::String(s)) => out.extend(
                s.split(sep)
                    .map(str::trim)
                    .filter(|p| !p.is_empty())
                    .map(|p| (Cow::Owned(Value::String(p.into())), l)),
            ),
            _ => out.push((Cow::Borrowed(v), l)),
        }
    }
    Ok(out)
}

pub(super) fn hero<'a>(
    doc: Doc<'a>,
    h: &'a HeroMap,
    cur: &'a Value,
    base: Option<&str>,
) -> Result<Option<Hero>, SourceError> {
    let at = match &h.at {
        Some(f) => match first(doc, f, cur)? {
            Some((v, _)) => v,
            None => return Ok(None),
        },
        None => cur,
    };
    // An unusable image is left out, not an error: the article still reads.
    let Some(src) = text(doc, h.src.as_ref(), at)?.and_then(|s| safe_image(base, s.trim())) else {
        return Ok(None);
    };
    let size = match (
        value::number(doc, h.width.as_ref(), at)?,
        value::number(doc, h.height.as_ref(), at)?,
    ) {
        (Some(w), Some(hh)) if w > 0 && hh > 0 => u32::try_from(w).ok().zip(u32::try_from(hh).ok()),
        _ => None,
    };
    let credit = plain(doc, h.credit.as_ref(), at)?;
    let caption = plain(doc, h.caption.as_ref(), at)?;
    Ok(Some(Hero {
        src: src.into(),
        alt: plain(doc, h.alt.as_ref(), at)?.unwrap_or_else(|| "".into()),
        caption: match (caption, credit.as_deref()) {
            (Some(c), Some(cr)) => match unfold(&c, cr).map(str::to_string) {
                Some(cut) => (!cut.is_empty()).then(|| cut.into()),
                None => Some(c),
            },
            (c, _) => c,
        },
        credit,
        size,
    }))
}

/// A caption that ends with the credit the API also gives on its own (`Nightjet in Wien. Foto: ÖBB`): the caption
/// without it and its label, so the credit is not shown twice. `None`: the credit is not folded in.
fn unfold<'c>(caption: &'c str, credit: &str) -> Option<&'c str> {
    let head = caption
        .trim_end()
        .trim_end_matches(')')
        .strip_suffix(credit.trim())?;
    let mut head = head.trim_end();
    for label in [
        "photograph:",
        "photo:",
        "foto:",
        "credit:",
        "image:",
        "bild:",
        "©",
        "(c)",
    ] {
        let at = head.len().saturating_sub(label.len());
        if head.is_char_boundary(at) && head[at..].eq_ignore_ascii_case(label) {
            head = &head[..at];
            break;
        }
    }
    Some(head.trim_end_matches(|c: char| c.is_whitespace() || ".,;:|/-–—(".contains(c)))
}
