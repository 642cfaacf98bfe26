//! One seed comment to a row, following the lenient reading rules of `docs/folio-json.md`.

use serde_json::Value;

use super::url::resolve_url;
use crate::db::NewRow;
use crate::timefmt::parse_date;

/// Converts one seed comment, following the lenient reading rules of `docs/folio-json.md`.
pub(super) fn seed_row(value: &Value, base: &str) -> Result<NewRow, String> {
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
                tracing::warn!("comment {id:?} has an unreadable date {date}");
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

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

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
