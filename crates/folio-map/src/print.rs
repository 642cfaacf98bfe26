//! The two outputs: text for people, JSON for machines. Both show the same model.

use std::fmt::Write;

use folio::model::{Comment, Timestamp};
use serde_json::{json, Value};

use crate::model::Output;

/// HTML as lines under `pad` (sanitised Markdown and HTML keep their own line breaks).
fn html_lines(s: &mut String, pad: &str, html: &str) {
    for l in html.trim_end().lines() {
        let _ = writeln!(s, "{pad}{l}");
    }
}

fn date(t: Option<&Timestamp>) -> Option<&str> {
    t.map(|t| &*t.iso)
}

/// The model as text.
pub fn text(o: &Output) -> String {
    let a = &o.article;
    let mut s = String::new();
    let detected = if o.detected { " (detected)" } else { "" };
    let _ = writeln!(s, "mapping: {}{detected}", o.mapping);
    let mut line = |k: &str, v: Option<&str>| {
        if let Some(v) = v {
            let _ = writeln!(s, "{k}: {v}");
        }
    };
    line("title", Some(&a.title));
    line("id", Some(&a.id));
    line("url", a.url.as_deref());
    let section: Vec<&str> = a.section.iter().map(|c| &*c.label).collect();
    line(
        "section",
        (!section.is_empty())
            .then(|| section.join(" › "))
            .as_deref(),
    );
    line("label", a.label.as_deref());
    line("standfirst", a.standfirst.as_deref());
    let byline: Vec<&str> = a.authors.iter().map(|p| &*p.name).collect();
    line(
        "byline",
        (!byline.is_empty()).then(|| byline.join(", ")).as_deref(),
    );
    line("published", date(a.published.as_ref()));
    line("updated", date(a.updated.as_ref()));
    if let Some(h) = &a.hero {
        let mut hero = format!("{} (alt \"{}\")", h.src, h.alt);
        for (k, v) in [("caption", &h.caption), ("credit", &h.credit)] {
            if let Some(v) = v {
                let _ = write!(hero, "; {k}: {v}");
            }
        }
        if let Some((w, hh)) = h.size {
            let _ = write!(hero, "; {w}×{hh}");
        }
        line("hero", Some(&hero));
    }
    let tags: Vec<&str> = a.tags.iter().map(|t| &*t.label).collect();
    line(
        "tags",
        (!tags.is_empty()).then(|| tags.join(", ")).as_deref(),
    );
    line("lang", a.lang.as_deref());
    line("audio", a.audio.as_deref());
    line("live", a.live.then_some("yes"));
    line("comments url", a.comments_url.as_deref());
    s.push_str("body:\n");
    for b in a.body.iter() {
        html_lines(&mut s, "  ", b.as_str());
    }
    if let Some(c) = &o.comments {
        let total = c.total.map(|t| format!(", total {t}")).unwrap_or_default();
        let _ = writeln!(s, "comments: {}{total}", c.tree.len());
        for (depth, cm) in &c.tree {
            let pad = "  ".repeat(depth + 1);
            let _ = writeln!(s, "{pad}- {}", comment_line(cm));
            if !cm.deleted {
                html_lines(&mut s, &format!("{pad}  "), cm.body.as_str());
            }
        }
        for m in &c.more {
            let at = m
                .parent
                .as_deref()
                .map(|p| format!(" under #{p}"))
                .unwrap_or_default();
            let link = m.url.as_deref().or(m.fetch.as_deref()).unwrap_or("no link");
            let _ = writeln!(s, "  + {} more{at} ({link})", m.count);
        }
    }
    if !o.warnings.is_empty() {
        let _ = writeln!(s, "warnings: {}", o.warnings.len());
        for w in &o.warnings {
            let _ = writeln!(s, "  {w}");
        }
    }
    s
}

fn comment_line(c: &Comment) -> String {
    if c.deleted {
        return format!("#{} [deleted] (placeholder)", c.id);
    }
    let mut l = format!("#{} {}", c.id, c.author.name);
    if c.by_article_author {
        l.push_str(" [author]");
    }
    if let Some(d) = date(c.date.as_ref()) {
        let _ = write!(l, " · {d}");
    }
    if let Some(n) = c.score {
        let _ = write!(l, " · {n} points");
    }
    match c.warning.as_deref() {
        Some("") => l.push_str(" [content warning]"),
        Some(w) => {
            let _ = write!(l, " [content warning: {w}]");
        }
        None => {}
    }
    for e in c.emoji.iter() {
        let _ = write!(l, " :{}:={}", e.code, e.url);
    }
    l
}

/// The model as JSON.
pub fn json(o: &Output) -> Value {
    let a = &o.article;
    let hero = a.hero.as_ref().map(|h| {
        json!({"src": &*h.src, "alt": &*h.alt, "caption": h.caption.as_deref(), "credit": h.credit.as_deref(),
               "width": h.size.map(|s| s.0), "height": h.size.map(|s| s.1)})
    });
    let comments = o.comments.as_ref().map(|c| {
        let tree: Vec<Value> = c
            .tree
            .iter()
            .map(|(depth, cm)| {
                json!({"id": &*cm.id, "parent": cm.parent.as_deref(), "depth": depth,
                       "author": &*cm.author.name, "author_url": cm.author.url.as_deref(),
                       "avatar": cm.author.avatar.as_deref(), "date": date(cm.date.as_ref()),
                       "score": cm.score, "deleted": cm.deleted, "by_article_author": cm.by_article_author,
                       "body": cm.body.as_str(), "warning": cm.warning.as_deref(),
                       "emoji": cm.emoji.iter().map(|e| json!({"code": &*e.code, "url": &*e.url})).collect::<Vec<_>>()})
            })
            .collect();
        let more: Vec<Value> = c
            .more
            .iter()
            .map(|m| json!({"parent": m.parent.as_deref(), "count": m.count, "url": m.url.as_deref(), "fetch": m.fetch.as_deref()}))
            .collect();
        json!({"total": c.total, "items": tree, "more": more})
    });
    json!({
        "mapping": {"name": o.mapping, "detected": o.detected},
        "article": {
            "id": &*a.id, "url": a.url.as_deref(), "title": &*a.title, "label": a.label.as_deref(),
            "standfirst": a.standfirst.as_deref(),
            "section": a.section.iter().map(|c| json!({"label": &*c.label, "url": c.url.as_deref()})).collect::<Vec<_>>(),
            "authors": a.authors.iter().map(|p| json!({"name": &*p.name, "url": p.url.as_deref(), "avatar": p.avatar.as_deref()})).collect::<Vec<_>>(),
            "published": date(a.published.as_ref()), "updated": date(a.updated.as_ref()),
            "hero": hero,
            "body": a.body.iter().map(|b| b.as_str()).collect::<Vec<_>>(),
            "tags": a.tags.iter().map(|t| json!({"label": &*t.label, "url": t.url.as_deref()})).collect::<Vec<_>>(),
            "related": a.related.iter().map(|r| json!({"title": &*r.title, "url": &*r.url})).collect::<Vec<_>>(),
            "lang": a.lang.as_deref(), "audio": a.audio.as_deref(), "live": a.live,
            "comments_url": a.comments_url.as_deref(),
        },
        "comments": comments,
        "comments_error": o.comments_error,
        "warnings": o.warnings.iter().map(|w| json!({"at": w.at, "message": w.message})).collect::<Vec<_>>(),
    })
}
