//! `GET /demo/articles/{id}.json` of a live article (its file says `"live": true`): the file as the publisher wrote
//! it, with the entries editors published (`handlers::live`) added to its own `entries` (a stored entry replaces
//! the file's of the same id), newest first, the body as last corrected, `updated` moved on to the latest change,
//! and `events` naming the article's stream (left out with `--no-events`, and readers poll). Answered with a strong
//! `ETag` and `Cache-Control: no-cache`, so a poll that finds nothing new costs a 304. Any other file there (an
//! article that is not live, an image) is a plain static file, as before.

use axum::extract::rejection::PathRejection;
use axum::extract::{Path, Request, State};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Response};
use serde_json::{json, Value};

use super::comments::revalidated_json;
use crate::errors::ApiError;
use crate::model::{is_valid_article_id, Correction, Entry, NewEntry};
use crate::state::AppState;
use crate::timefmt::{format_rfc3339, parse_date};

/// The article file of `id` (already checked to exist), parsed.
pub(super) async fn article_file(state: &AppState, id: &str) -> Result<Value, ApiError> {
    let path = state
        .dist
        .join("demo")
        .join("articles")
        .join(format!("{id}.json"));
    let text = tokio::fs::read(&path).await.map_err(|err| {
        tracing::error!("cannot read {}: {err}", path.display());
        ApiError::Server
    })?;
    serde_json::from_slice(&text).map_err(|err| {
        tracing::error!("{} is not JSON: {err}", path.display());
        ApiError::Server
    })
}

/// Whether an article file says it is live.
pub(super) fn is_live(file: &Value) -> bool {
    file.get("live") == Some(&Value::Bool(true))
}

/// Entry `id` of the file's own `entries`, as a row to store when an editor first edits it.
pub(super) fn seed_entry(file: &Value, id: &str) -> Option<NewEntry> {
    let e = file
        .get("entries")?
        .as_array()?
        .iter()
        .find(|e| e.get("id").and_then(Value::as_str) == Some(id))?;
    let text = |k: &str| e.get(k).and_then(Value::as_str).map(str::to_owned);
    let author = match e.get("author") {
        Some(Value::String(s)) => Some(s.clone()),
        Some(a) => a.get("name").and_then(Value::as_str).map(str::to_owned),
        None => None,
    };
    Some(NewEntry {
        id: Some(id.to_owned()),
        author: author.unwrap_or_else(|| "Anonymous".into()),
        title: text("title"),
        body: text("body")?,
        format: text("body_format").unwrap_or_else(|| "html".into()),
        published_at: e.get("published").and_then(parse_date).unwrap_or(1),
    })
}

/// The live document: `file` with the `stored` entries, the `correction` and the `events` link.
pub fn live_document(
    mut file: Value,
    stored: Vec<Entry>,
    correction: Option<Correction>,
    events: Option<String>,
) -> Value {
    let date = |v: &Value, k: &str| v.get(k).and_then(parse_date);
    let mut latest = date(&file, "updated");
    let mut entries: Vec<Value> = stored.iter().map(|e| json!(e)).collect();
    if let Some(Value::Array(own)) = file.get("entries") {
        let taken = |v: &Value| {
            let id = v.get("id").and_then(Value::as_str);
            stored.iter().any(|e| Some(e.id.as_str()) == id)
        };
        entries.extend(own.iter().filter(|v| !taken(v)).cloned());
    }
    for e in &entries {
        latest = latest.max(date(e, "published")).max(date(e, "updated"));
    }
    entries.sort_by_key(|e| std::cmp::Reverse(date(e, "published")));
    let Some(doc) = file.as_object_mut() else {
        return file;
    };
    if let Some(c) = correction {
        latest = latest.max(parse_date(&Value::String(c.updated.clone())));
        doc.insert("body".into(), Value::String(c.body));
        doc.insert("body_format".into(), Value::String(c.body_format));
    }
    if let Some(at) = latest {
        doc.insert("updated".into(), Value::String(format_rfc3339(at)));
    }
    doc.insert("entries".into(), Value::Array(entries));
    match events {
        Some(url) => doc.insert("events".into(), Value::String(url)),
        None => doc.remove("events"),
    };
    file
}

/// The live article's stream, unless the server runs without streams (readers then poll).
pub(super) fn live_events(state: &AppState, id: &str) -> Option<String> {
    (!state.no_events).then(|| format!("/api/articles/{id}/live"))
}

/// `GET /demo/articles/{file}`.
pub async fn demo_article(
    State(state): State<AppState>,
    file: Result<Path<String>, PathRejection>,
    req: Request,
) -> Response {
    let id = match &file {
        Ok(Path(file)) => file
            .strip_suffix(".json")
            .filter(|id| is_valid_article_id(id)),
        Err(_) => None,
    };
    let Some(id) = id.map(str::to_owned) else {
        return state.statics.serve(req).await;
    };
    match state.ensure_article(&id).await {
        Ok(()) => {}
        Err(_) => return state.statics.serve(req).await,
    }
    let doc = match article_file(&state, &id).await {
        Ok(doc) if is_live(&doc) => doc,
        _ => return state.statics.serve(req).await,
    };
    live_answer(&state, &id, doc, req.headers())
        .await
        .into_response()
}

async fn live_answer(
    state: &AppState,
    id: &str,
    file: Value,
    headers: &HeaderMap,
) -> Result<Response, ApiError> {
    let stored = state.db.entries(id).await?;
    let correction = state.db.correction(id).await?;
    let doc = live_document(file, stored, correction, live_events(state, id));
    revalidated_json(&doc, headers)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Author;

    fn stored(id: &str, published: &str) -> Entry {
        Entry {
            id: id.into(),
            published: published.into(),
            updated: None,
            author: Author {
                name: "Ed".into(),
                url: None,
                avatar: None,
            },
            title: None,
            body: format!("<p>{id}</p>"),
            body_format: "html".into(),
        }
    }

    // Stored entries join the file's (replacing the one of the same id), newest first; the correction replaces the
    // body; `updated` is the latest change; `events` is set or removed.
    #[test]
    fn the_live_document_merges_file_and_store() {
        let file = json!({
            "title": "T", "body": "<p>old</p>", "live": true, "updated": "2026-03-01T08:00:00Z",
            "events": "/elsewhere",
            "entries": [
                {"id": "s1", "published": "2026-03-01T07:00:00Z", "body": "<p>one</p>"},
                {"id": "s2", "published": "2026-03-01T07:30:00Z", "body": "<p>two</p>"}
            ]
        });
        let mut edited = stored("s1", "2026-03-01T07:00:00Z");
        edited.updated = Some("2026-03-01T10:00:00Z".into());
        let correction = Correction {
            body: "<p>new</p>".into(),
            body_format: "html".into(),
            updated: "2026-03-01T09:00:00Z".into(),
        };
        let doc = live_document(
            file.clone(),
            vec![stored("e9", "2026-03-01T09:30:00Z"), edited],
            Some(correction),
            Some("/api/articles/x/live".into()),
        );
        let ids: Vec<_> = doc["entries"]
            .as_array()
            .expect("entries")
            .iter()
            .map(|e| e["id"].as_str().expect("id"))
            .collect();
        assert_eq!(ids, ["e9", "s2", "s1"]);
        assert_eq!(doc["entries"][2]["body"], "<p>s1</p>");
        assert_eq!(doc["body"], "<p>new</p>");
        assert_eq!(doc["updated"], "2026-03-01T10:00:00Z");
        assert_eq!(doc["events"], "/api/articles/x/live");
        let bare = live_document(file, Vec::new(), None, None);
        assert!(bare.get("events").is_none());
        assert_eq!(bare["body"], "<p>old</p>");
        assert_eq!(bare["updated"], "2026-03-01T08:00:00Z");
    }

    #[test]
    fn a_seed_entry_is_found_by_id() {
        let file = json!({"entries": [{"id": "s1", "author": {"name": "Ana"}, "published": "2026-03-01T07:00:00Z", "body": "x"}]});
        let e = seed_entry(&file, "s1").expect("found");
        assert_eq!((e.author.as_str(), e.id.as_deref()), ("Ana", Some("s1")));
        assert!(seed_entry(&file, "s2").is_none());
    }
}
