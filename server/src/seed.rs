//! Importing the demo's seed comments (`<dist>/demo/comments/<id>.json`) into the database at
//! startup, so seeded and posted comments are served by one code path.
//!
//! Seeds are publisher data but still outside input: a malformed file or comment is logged and
//! skipped, never a reason not to start.

use std::fs;
use std::path::Path;

use serde_json::Value;

use crate::db::{self, Db, NewRow};
use crate::model::is_valid_article_id;
use crate::timefmt::parse_date;

/// Totals of one import run, for the startup log.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Report {
    /// Articles found in `demo/articles`.
    pub articles: usize,
    /// Comments newly stored (already stored ones are left as they are).
    pub added: usize,
    /// Files or comments skipped with a warning.
    pub skipped: usize,
}

/// Imports the seed comments of every article in `<dist>/demo/articles`.
pub fn import_all(db: &Db, dist: &Path) -> Report {
    let mut report = Report::default();
    for article in article_ids(dist) {
        report.articles += 1;
        let file = dist
            .join("demo")
            .join("comments")
            .join(format!("{article}.json"));
        if !file.is_file() {
            continue;
        }
        let rows = match read_seed_file(&file, &article) {
            Ok((rows, skipped)) => {
                report.skipped += skipped;
                rows
            }
            Err(why) => {
                eprintln!("folio-server: warning: skipping {}: {why}", file.display());
                report.skipped += 1;
                continue;
            }
        };
        match db.with_conn(|conn| db::insert_seeds(conn, &article, &rows)) {
            Ok(added) => report.added += added,
            Err(err) => {
                eprintln!("folio-server: warning: could not store the seeds of {article}: {err}");
                report.skipped += 1;
            }
        }
    }
    report
}

/// The ids of the articles that exist, i.e. have a valid-named file in `demo/articles`, sorted.
fn article_ids(dist: &Path) -> Vec<String> {
    let Ok(entries) = fs::read_dir(dist.join("demo").join("articles")) else {
        return Vec::new();
    };
    let mut ids: Vec<String> = entries
        .filter_map(Result::ok)
        .filter(|entry| entry.path().is_file())
        .filter_map(|entry| {
            let name = entry.file_name().into_string().ok()?;
            let id = name.strip_suffix(".json")?;
            is_valid_article_id(id).then(|| id.to_owned())
        })
        .collect();
    ids.sort();
    ids
}

/// Reads one comment list document. Returns the good rows and how many comments were skipped.
fn read_seed_file(file: &Path, article: &str) -> Result<(Vec<NewRow>, usize), String> {
    let text = fs::read_to_string(file).map_err(|err| err.to_string())?;
    let doc: Value = serde_json::from_str(&text).map_err(|err| format!("not valid JSON: {err}"))?;
    let comments = match &doc {
        Value::Array(items) => items,
        Value::Object(obj) => match obj.get("comments") {
            Some(Value::Array(items)) => items,
            None => return Ok((Vec::new(), 0)),
            Some(_) => return Err("\"comments\" is not an array".into()),
        },
        _ => return Err("not a comment list (an object or an array)".into()),
    };
    if let Some(other) = doc.get("article").and_then(Value::as_str) {
        if other != article {
            eprintln!(
                "folio-server: warning: {} says it belongs to article {other:?}; stored under {article:?}",
                file.display()
            );
        }
    }
    let base = format!("/demo/comments/{article}.json");
    let mut rows = Vec::with_capacity(comments.len());
    let mut skipped = 0;
    for (index, comment) in comments.iter().enumerate() {
        match seed_row(comment, &base) {
            Ok(row) => rows.push(row),
            Err(why) => {
                eprintln!(
                    "folio-server: warning: {} comment #{index} skipped: {why}",
                    file.display()
                );
                skipped += 1;
            }
        }
    }
    Ok((rows, skipped))
}

/// Converts one seed comment, following the lenient reading rules of `docs/folio-json.md`.
fn seed_row(value: &Value, base: &str) -> Result<NewRow, String> {
    let obj = value.as_object().ok_or("not an object")?;
    let id = match obj.get("id") {
        Some(Value::String(s)) if !s.is_empty() => s.clone(),
        Some(Value::Number(n)) => n.to_string(),
        _ => return Err("no id".into()),
    };
    let parent = match obj.get("parent") {
        Some(Value::String(s)) if !s.is_empty() => Some(s.clone()),
        Some(Value::Number(n)) if n.as_i64() != Some(0) => Some(n.to_string()),
        _ => None,
    };
    let (author_name, author_url, author_avatar) = match obj.get("author") {
        Some(Value::String(name)) => (name.clone(), None, None),
        Some(Value::Object(author)) => (
            text(author.get("name")).unwrap_or_default(),
            text(author.get("url")).map(|u| resolve_url(base, &u)),
            text(author.get("avatar")).map(|u| resolve_url(base, &u)),
        ),
        _ => (String::new(), None, None),
    };
    let created_at = match obj.get("date") {
        None | Some(Value::Null) => None,
        Some(date) => {
            let parsed = parse_date(date);
            if parsed.is_none() {
                eprintln!("folio-server: warning: comment {id:?} has an unreadable date {date}");
            }
            parsed
        }
    };
    let format = match obj.get("format").and_then(Value::as_str) {
        None => "markdown",
        Some(f @ ("markdown" | "html" | "text")) => f,
        // An unknown format is safest shown as plain text.
        Some(_) => "text",
    };
    let score = obj.get("score").and_then(|s| {
        s.as_i64().or_else(|| {
            s.as_f64()
                .filter(|f| f.abs() < 1e15)
                .map(|f| f.round() as i64)
        })
    });
    Ok(NewRow {
        id,
        parent,
        author_name,
        author_email: None,
        author_url,
        author_avatar,
        body: text(obj.get("body")).unwrap_or_default(),
        format: format.to_owned(),
        created_at,
        score,
        deleted: obj.get("deleted").and_then(Value::as_bool).unwrap_or(false),
        article_author: obj
            .get("article_author")
            .and_then(Value::as_bool)
            .unwrap_or(false),
    })
}

fn text(value: Option<&Value>) -> Option<String> {
    value
        .and_then(Value::as_str)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
}

/// Makes a URL relative to the seed file root-relative. The seed file is read at
/// `/demo/comments/<id>.json` but the same comments are also served at
/// `/api/articles/<id>/comments`, where a relative URL would point elsewhere.
pub fn resolve_url(base: &str, url: &str) -> String {
    let has_scheme = url
        .split_once(':')
        .map(|(scheme, _)| {
            let mut chars = scheme.chars();
            chars.next().is_some_and(|c| c.is_ascii_alphabetic())
                && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
        })
        .unwrap_or(false);
    if has_scheme || url.starts_with('/') {
        return url.to_owned();
    }
    if url.starts_with('?') || url.starts_with('#') {
        return format!("{base}{url}");
    }
    let split = url.find(['?', '#']).unwrap_or(url.len());
    let (path, rest) = url.split_at(split);
    let dir = &base[..base.rfind('/').map_or(0, |i| i + 1)];
    let mut segments: Vec<&str> = dir.split('/').filter(|s| !s.is_empty()).collect();
    let parts: Vec<&str> = path.split('/').collect();
    for (i, part) in parts.iter().enumerate() {
        let last = i + 1 == parts.len();
        match *part {
            "." => {}
            ".." => {
                segments.pop();
            }
            other => segments.push(other),
        }
        // A trailing `.`/`..` still names a directory, so keep the slash.
        if last && matches!(*part, "." | "..") {
            segments.push("");
        }
    }
    format!("/{}{rest}", segments.join("/"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn resolves_relative_urls_against_the_seed_file() {
        let base = "/demo/comments/a.json";
        assert_eq!(resolve_url(base, "../img/x.png"), "/demo/img/x.png");
        assert_eq!(resolve_url(base, "x.png?s=1"), "/demo/comments/x.png?s=1");
        assert_eq!(resolve_url(base, "../../../x"), "/x");
        assert_eq!(resolve_url(base, "/abs.png"), "/abs.png");
        assert_eq!(resolve_url(base, "https://e.org/a"), "https://e.org/a");
        assert_eq!(resolve_url(base, "//cdn.e.org/a"), "//cdn.e.org/a");
    }

    #[test]
    fn reads_lenient_seed_comments() {
        let row = seed_row(
            &json!({"id": 7, "parent": 0, "author": "Ana", "date": "2024-01-02", "score": 3.0,
                    "deleted": true, "format": "rtf"}),
            "/demo/comments/a.json",
        );
        let row = row.unwrap_or_default();
        assert_eq!(row.id, "7");
        assert_eq!(row.parent, None);
        assert_eq!(row.author_name, "Ana");
        assert_eq!(row.created_at, Some(1_704_153_600_000));
        assert_eq!(row.score, Some(3));
        assert!(row.deleted);
        assert_eq!(row.format, "text");
        assert!(seed_row(&json!({"body": "no id"}), "/x").is_err());
        assert!(seed_row(&json!("text"), "/x").is_err());
    }
}
