//! Importing the demo's seed comments (`<dist>/demo/comments/<id>.json`) into the database at
//! startup, so seeded and posted comments are served by one code path.
//!
//! Seeds are publisher data but still outside input: a malformed file or comment is logged and
//! skipped, never a reason not to start.

mod row;
mod url;

use std::fs;
use std::path::Path;

use serde_json::Value;

use crate::db::{self, NewRow, Sqlite};
use crate::model::is_valid_article_id;
use row::seed_row;

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

/// Imports the seed comments of every article in `<dist>/demo/articles` into a SQLite store.
pub fn import_all(db: &Sqlite, dist: &Path) -> Report {
    let (seeds, mut report) = read_all(dist);
    for (article, rows) in seeds {
        match db.with_conn(|conn| db::insert_seeds(conn, &article, &rows)) {
            Ok(added) => report.added += added,
            Err(err) => {
                tracing::warn!("could not store the seeds of {article}: {err}");
                report.skipped += 1;
            }
        }
    }
    report
}

/// The seed comments of every article in `<dist>/demo/articles`, read and checked but not stored (each backend
/// stores them its own way), with the report's counts of articles and skipped files or comments.
pub fn read_all(dist: &Path) -> (Vec<(String, Vec<NewRow>)>, Report) {
    let mut report = Report::default();
    let mut seeds = Vec::new();
    for article in article_ids(dist) {
        report.articles += 1;
        let file = dist
            .join("demo")
            .join("comments")
            .join(format!("{article}.json"));
        if !file.is_file() {
            continue;
        }
        match read_seed_file(&file, &article) {
            Ok((rows, skipped)) => {
                report.skipped += skipped;
                seeds.push((article, rows));
            }
            Err(why) => {
                tracing::warn!("skipping {}: {why}", file.display());
                report.skipped += 1;
            }
        }
    }
    (seeds, report)
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
            tracing::warn!(
                "{} says it belongs to article {other:?}; stored under {article:?}",
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
                tracing::warn!("{} comment #{index} skipped: {why}", file.display());
                skipped += 1;
            }
        }
    }
    Ok((rows, skipped))
}
