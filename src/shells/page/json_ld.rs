//! schema.org JSON-LD for a rendered page: a `NewsArticle` with its authors, dates, image, section and keywords,
//! its `commentCount` and the first page's comments as `Comment` items (author, date, text, the comment each one
//! answers). Search engines read it for rich results; Google's documentation asks for `headline`, `image`,
//! `datePublished` and `author.name` on articles, and `author`, `datePublished` and `text` on comments.

use serde_json::{json, Map, Value};

use crate::model::{Article, Comment, CommentList};
use crate::source::sanitize::plain_text;

fn person(name: &str, url: Option<&str>) -> Value {
    let mut p = json!({ "@type": "Person", "name": name });
    if let Some(url) = url {
        p["url"] = url.into();
    }
    p
}

/// The comment's address on the page: the article's URL with the comment's anchor.
fn comment_id(article: &Article, id: &str) -> String {
    format!(
        "{}#comment-{id}",
        article.url.as_deref().unwrap_or_default()
    )
}

fn comment(article: &Article, c: &Comment) -> Option<Value> {
    if c.deleted {
        return None; // a placeholder has no author, date or text to describe
    }
    let mut v = json!({
        "@type": "Comment",
        "@id": comment_id(article, &c.id),
        "author": person(&c.author.name, c.author.url.as_deref()),
        "text": plain_text(&c.body),
    });
    if let Some(date) = &c.date {
        v["datePublished"] = date.iso.as_ref().into();
    }
    if let Some(parent) = &c.parent {
        v["parentItem"] = json!({ "@id": comment_id(article, parent) });
    }
    if let Some(score) = c.score {
        v["upvoteCount"] = score.into();
    }
    Some(v)
}

/// The JSON-LD text, safe inside `<script>` (every `<` escaped, so no `</script>` can close it early).
pub fn news_article(article: &Article, comments: Option<&CommentList>) -> String {
    let mut v = Map::new();
    v.insert("@context".into(), "https://schema.org".into());
    v.insert("@type".into(), "NewsArticle".into());
    v.insert("headline".into(), article.title.as_ref().into());
    if let Some(s) = &article.standfirst {
        v.insert("description".into(), s.as_ref().into());
    }
    if let Some(url) = &article.url {
        v.insert("url".into(), url.as_ref().into());
        v.insert("mainEntityOfPage".into(), url.as_ref().into());
    }
    if let Some(hero) = &article.hero {
        v.insert("image".into(), json!([hero.src.as_ref()]));
    }
    if let Some(t) = &article.published {
        v.insert("datePublished".into(), t.iso.as_ref().into());
    }
    if let Some(t) = article.updated.as_ref().or(article.published.as_ref()) {
        v.insert("dateModified".into(), t.iso.as_ref().into());
    }
    let authors: Vec<Value> = article
        .authors
        .iter()
        .map(|a| person(&a.name, a.url.as_deref()))
        .collect();
    if !authors.is_empty() {
        v.insert("author".into(), authors.into());
    }
    if let Some(section) = article.section.last() {
        v.insert("articleSection".into(), section.label.as_ref().into());
    }
    if !article.tags.is_empty() {
        let keywords: Vec<&str> = article.tags.iter().map(|t| t.label.as_ref()).collect();
        v.insert("keywords".into(), keywords.into());
    }
    if let Some(lang) = &article.lang {
        v.insert("inLanguage".into(), lang.as_ref().into());
    }
    if let Some(list) = comments {
        let count = list.total.unwrap_or(list.comments.len());
        v.insert("commentCount".into(), count.into());
        let items: Vec<Value> = list
            .comments
            .iter()
            .filter_map(|c| comment(article, c))
            .collect();
        if !items.is_empty() {
            v.insert("comment".into(), items.into());
        }
    }
    Value::Object(v).to_string().replace('<', "\\u003c")
}
