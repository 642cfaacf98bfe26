//! Warnings: mistakes in a mapping that do not stop the render, found by reading the mapping against the response
//! it was applied to. An optional field whose paths reach nothing anywhere in the response (a typo, or a key this
//! API does not have), a `where` that keeps none of the items it was given, a lookup that resolves nothing, a
//! format Folio does not know. Required fields keep their errors; these only say why something is not shown.
//!
//! A key that is there with `null` counts as reached: the API has the field, this article or comment just has no
//! value in it. For comments and list items a field is reported only when it reaches nothing in *any* item, so a
//! comment without an avatar is not a warning, and a mapping whose `avatar` path is misspelt is.

use serde_json::Value;

use super::article::article_root;
use super::body::{notes, Refs, FORMATS};
use super::comments::{unwrap, MAX_COMMENTS};
use super::doc::{Field, Mapping, Threading};
use super::path::Path;
use super::value::{
    self, body_source, chain, first, flatten, spec_of, text, tried, values, values_lost, Doc,
};
pub use super::warning::Warning;

/// Warnings as they are collected: at most one per mapping key.
#[derive(Default)]
struct Lints(Vec<Warning>);

impl Lints {
    fn push(&mut self, at: String, message: String) {
        if !self.0.iter().any(|w| w.at == at) {
            self.0.push(Warning { at, message });
        }
    }

    /// `field` read on each of `items`: reported when it reaches nothing in every one (and there is one), and
    /// when it names an unknown format.
    fn field(&mut self, at: &str, field: Option<&Field>, doc: Doc<'_>, items: &[&Value]) {
        let Some(field) = field else { return };
        for f in chain(field) {
            if let Some(format) = spec_of(f).0.format.as_deref() {
                if !FORMATS.contains(&format) {
                    let known = FORMATS.join(", ");
                    self.push(
                        at.into(),
                        format!("the format `{format}` is unknown (known: {known})"),
                    );
                }
            }
        }
        let spec = spec_of(field).0;
        if !spec.any.is_empty() || !spec.all.is_empty() {
            // Each flag on its own: one that some items have is no mistake, though no item has them all.
            for f in spec.any.iter().chain(&spec.all) {
                self.field(at, Some(f), doc, items);
            }
            return;
        }
        let mut reasons = items.iter().map(|v| why_empty(doc, field, v));
        if let Some(Some(first)) = reasons.next() {
            if reasons.all(|r| r.is_some()) {
                self.push(at.into(), first);
            }
        }
    }

    /// The body `field` read on each of `items`: what its rich text could not draw as meant (unknown node types,
    /// unresolved links), all in one warning, added to the key's warning when it has one.
    fn rich(&mut self, at: &str, field: Option<&Field>, doc: Doc<'_>, items: &[&Value]) {
        let Some(field) = field else { return };
        let mut all: Vec<String> = Vec::new();
        for v in items {
            let Ok(Some((b, _, spec))) = body_source(doc, field, v) else {
                continue;
            };
            let from = spec.format_from.as_ref().map(|p| Field::Path(p.clone()));
            let format = text(doc, from.as_ref(), v)
                .ok()
                .flatten()
                .or_else(|| spec.format.clone())
                .unwrap_or_default();
            for n in notes(&b, &format, Refs::of(doc.root, spec)) {
                if !all.contains(&n) {
                    all.push(n);
                }
            }
        }
        if all.is_empty() {
            return;
        }
        let message = all.join("; ");
        match self.0.iter_mut().find(|w| w.at == at) {
            Some(w) => {
                w.message.push_str("; ");
                w.message.push_str(&message);
            }
            None => self.push(at.into(), message),
        }
    }
}

/// Why `field` reaches nothing from `cur`; `None` when it reaches something (a `null` included).
fn why_empty(doc: Doc<'_>, field: &Field, cur: &Value) -> Option<String> {
    let (spec, paths) = spec_of(field);
    if spec
        .equals
        .as_ref()
        .is_some_and(|e| e.as_slice().contains(&Value::Null))
    {
        return None; // a flag that means "absent": absence is what it looks for
    }
    if let Some(p) = &spec.equals_article {
        let on_article = doc
            .article
            .map(|a| Path::parse(p).map_or(true, |p| !p.select(a, a).is_empty()));
        if on_article == Some(false) {
            return Some(format!(
                "`equals_article` looks for `{p}` in the article, which has no such value"
            ));
        }
    }
    let mut lost = None;
    let reached = if spec.template.is_some() {
        text(doc, Some(field), cur).map_or(true, |t| t.is_some())
    } else {
        values_lost(doc, field, cur, &mut lost).map_or(true, |(vs, _)| !vs.is_empty())
    };
    // A malformed path or a wrong type is an error the mapping itself reports, not a warning.
    if reached {
        return None;
    }
    let at = tried(field);
    if let Some(step) = lost {
        return Some(format!("`{step}` kept nothing of the values at {at}"));
    }
    // A key that is there, even `null` or empty: the API has the field.
    let there = paths
        .iter()
        .filter_map(|p| Path::parse(p).ok())
        .any(|p| !p.select(doc.root, cur).is_empty());
    (!there).then(|| format!("reached nothing in the response (looked for {at})"))
}

/// What may be wrong in the article part of mapping `m`, applied to the document `root`.
pub fn article_warnings(m: &Mapping, root: &Value) -> Vec<Warning> {
    let doc = Doc::new(root);
    let Ok(cur) = article_root(m, root) else {
        return Vec::new();
    };
    let a = &m.article;
    let mut w = Lints::default();
    let fields = [
        ("article.id", &a.id),
        ("article.url", &a.url),
        ("article.label", &a.label),
        ("article.standfirst", &a.standfirst),
        ("article.published", &a.published),
        ("article.updated", &a.updated),
        ("article.lang", &a.lang),
        ("article.dir", &a.dir),
        ("article.audio", &a.audio),
        ("article.live", &a.live),
        ("article.comments_url", &a.comments_url),
    ];
    for (at, f) in fields {
        w.field(at, f.as_ref(), doc, &[cur]);
    }
    // Required: a miss is already an error; only their formats (an `or` not reached today) are looked at.
    w.field("article.body", a.body.as_ref(), doc, &[]);
    w.rich("article.body", a.body.as_ref(), doc, &[cur]);
    let lists = [
        ("section", &a.section),
        ("authors", &a.authors),
        ("related", &a.related),
        ("tags", &a.tags),
    ];
    for (name, list) in lists {
        let Some((l, each)) = list.as_ref().and_then(|l| Some((l, l.each.as_ref()?))) else {
            continue;
        };
        w.field(&format!("article.{name}.each"), Some(each), doc, &[cur]);
        if spec_of(each).0.split.is_some() {
            continue; // split items are strings: their fields are the item itself
        }
        let items = values(doc, each, cur).map_or_else(|_| Vec::new(), |(vs, _)| flatten(vs));
        let parts = [
            ("name", &l.name),
            ("label", &l.label),
            ("title", &l.title),
            ("url", &l.url),
            ("avatar", &l.avatar),
            ("after", &l.after),
        ];
        for (part, f) in parts {
            w.field(&format!("article.{name}.{part}"), f.as_ref(), doc, &items);
        }
    }
    if let Some(h) = &a.hero {
        w.field("article.hero.at", h.at.as_ref(), doc, &[cur]);
        let at = match &h.at {
            Some(f) => first(doc, f, cur).ok().flatten().map(|(v, _)| v),
            None => Some(cur),
        };
        let parts = [
            ("article.hero.src", &h.src),
            ("article.hero.alt", &h.alt),
            ("article.hero.caption", &h.caption),
            ("article.hero.credit", &h.credit),
            ("article.hero.width", &h.width),
            ("article.hero.height", &h.height),
        ];
        let items: Vec<&Value> = at.into_iter().collect();
        for (part, f) in parts {
            w.field(part, f.as_ref(), doc, &items);
        }
    }
    w.0
}

/// What may be wrong in the comments part of mapping `m`, applied to the comments document `root` (`article`: the
/// article object, for `equals_article`).
pub fn comment_warnings(m: &Mapping, root: &Value, article: Option<&Value>) -> Vec<Warning> {
    let Some(c) = &m.comments else {
        return Vec::new();
    };
    let doc = Doc { root, article };
    let mut w = Lints::default();
    let mut items: Vec<&Value> = match &c.items {
        Some(f) => {
            w.field("comments.items", Some(f), doc, &[root]);
            values(doc, f, root).map_or_else(|_| Vec::new(), |(vs, _)| flatten(vs))
        }
        None => root
            .as_array()
            .map(|a| a.iter().collect())
            .unwrap_or_default(),
    };
    if let Threading::Nested { children } = &c.threading {
        // Replies count as comments too: a field only replies have is not a mistake.
        if let Ok(children) = Path::parse(children) {
            let mut i = 0;
            while i < items.len() && items.len() < MAX_COMMENTS {
                let inner = unwrap(&c.comment, items[i]);
                items.extend(flatten(children.select(root, inner)));
                i += 1;
            }
        }
    }
    let cm = &c.comment;
    w.field("comments.comment.skip", cm.skip.as_ref(), doc, &items);
    // Skipped items ("more" stubs, the opening post) have none of a comment's fields.
    let kept: Vec<&Value> = items
        .iter()
        .filter(|i| !value::flag(doc, cm.skip.as_ref(), i).unwrap_or(false))
        .map(|i| unwrap(cm, i))
        .collect();
    let fields = [
        ("comments.comment.author", &cm.author),
        ("comments.comment.author_url", &cm.author_url),
        ("comments.comment.avatar", &cm.avatar),
        ("comments.comment.date", &cm.date),
        ("comments.comment.body", &cm.body),
        ("comments.comment.score", &cm.score),
        ("comments.comment.deleted", &cm.deleted),
        ("comments.comment.by_article_author", &cm.by_article_author),
        ("comments.comment.reply_count", &cm.reply_count),
        ("comments.comment.replies_url", &cm.replies_url),
    ];
    for (at, f) in fields {
        w.field(at, f.as_ref(), doc, &kept);
    }
    w.rich("comments.comment.body", cm.body.as_ref(), doc, &kept);
    if let Some(from) = cm
        .body
        .as_ref()
        .and_then(|b| spec_of(b).0.format_from.clone())
    {
        let from = Field::Path(from);
        for (i, v) in kept.iter().enumerate() {
            let Ok(Some(format)) = text(doc, Some(&from), v) else {
                continue;
            };
            if !FORMATS.contains(&format.as_str()) {
                w.push(
                    "comments.comment.body".into(),
                    format!("the format `{format}` of comment {i} is unknown: read as Markdown"),
                );
            }
        }
    }
    w.field("comments.total", c.total.as_ref(), doc, &[root]);
    w.0
}
