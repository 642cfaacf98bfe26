//! Live articles (docs/folio-json.md, "Live articles"): editors publish, readers follow.
//! - `POST  /api/articles/{id}/entries`: an editor adds an entry (201 with it);
//! - `PATCH /api/articles/{id}/entries/{eid}`: an editor edits one (200; a seed entry of the article file is stored
//!   with its new text the first time);
//! - `PUT   /api/articles/{id}/body`: an editor corrects the article's body (200 with the correction);
//! - `GET   /api/articles/{id}/live`: the article's Server-Sent Events stream: `message` (a new entry, `id:` its
//!   id), `changed` (an edited entry) and `body` (a correction) events, each with its JSON as data.
//!
//! The editors' requests need `Authorization: Bearer <token>` with the token of `--editor-token` (or
//! `FOLIO_EDITOR_TOKEN`), checked like the moderator's; without one they are off (403 saying so). Only articles
//! whose file says `"live": true` take them (404 otherwise). The article document with the stored entries and
//! correction is `handlers::article`'s.

use std::convert::Infallible;

use axum::body::Bytes;
use axum::extract::rejection::PathRejection;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::sse::Event;
use axum::response::{IntoResponse, Response};
use axum::Json;
use futures_util::stream;
use tokio::sync::broadcast::error::RecvError;

use super::article::{article_file, is_live, seed_entry};
use super::Client;
use crate::errors::ApiError;
use crate::input::check_content_type;
use crate::input::live::{parse_correction, parse_entry, parse_entry_edit};
use crate::live::{ArticleEvent, ArticleSubscription};
use crate::state::AppState;
use crate::token;

/// Checks the editor's bearer token.
fn authorise(state: &AppState, headers: &HeaderMap) -> Result<(), ApiError> {
    let Some(expected) = state.editor_token.as_deref() else {
        return Err(ApiError::Forbidden(
            "Publishing live updates is off: start the server with --editor-token (or FOLIO_EDITOR_TOKEN).".into(),
        ));
    };
    if token::matches_digest(super::bearer(headers).unwrap_or(""), expected) {
        Ok(())
    } else {
        Err(ApiError::Forbidden(
            "Only an editor can do this, with the server's editor token.".into(),
        ))
    }
}

/// The live article a request names, once the token, the content type and the article are checked.
async fn live_article(
    state: &AppState,
    id: Result<Path<String>, PathRejection>,
    headers: &HeaderMap,
) -> Result<(String, serde_json::Value), ApiError> {
    authorise(state, headers)?;
    check_content_type(super::content_type(headers))?;
    let id = super::article(state, id).await?;
    let file = article_file(state, &id).await?;
    if !is_live(&file) {
        return Err(not_live());
    }
    Ok((id, file))
}

fn not_live() -> ApiError {
    ApiError::NotFound("This article is not a live article.".into())
}

/// `POST /api/articles/{id}/entries`.
pub async fn add_entry(
    State(state): State<AppState>,
    id: Result<Path<String>, PathRejection>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, ApiError> {
    let (article, _) = live_article(&state, id, &headers).await?;
    let new = parse_entry(&body)?;
    let entry = state
        .db
        .add_entry(&article, new)
        .await?
        .ok_or(ApiError::Server)?;
    state
        .events
        .article(&article, ArticleEvent::Entry(entry.clone()));
    Ok((StatusCode::CREATED, Json(entry)).into_response())
}

/// `PATCH /api/articles/{id}/entries/{eid}`.
pub async fn edit_entry(
    State(state): State<AppState>,
    ids: Result<Path<(String, String)>, PathRejection>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, ApiError> {
    let (id, eid) = match ids {
        Ok(Path((id, eid))) => (Ok(Path(id)), eid),
        Err(_) => return Err(ApiError::unknown_article()),
    };
    let (article, file) = live_article(&state, id, &headers).await?;
    let edit = parse_entry_edit(&body)?;
    let mut entry = state.db.edit_entry(&article, &eid, edit.clone()).await?;
    if entry.is_none() {
        // A seed entry of the article file: stored now under its id and date, then edited like any other.
        if let Some(seed) = seed_entry(&file, &eid) {
            let _ = state.db.add_entry(&article, seed).await?;
            entry = state.db.edit_entry(&article, &eid, edit).await?;
        }
    }
    let entry = entry.ok_or_else(|| {
        ApiError::NotFound("There is no entry with this id in this article.".into())
    })?;
    state
        .events
        .article(&article, ArticleEvent::EntryChanged(entry.clone()));
    Ok(Json(entry).into_response())
}

/// `PUT /api/articles/{id}/body`.
pub async fn correct_body(
    State(state): State<AppState>,
    id: Result<Path<String>, PathRejection>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, ApiError> {
    let (article, _) = live_article(&state, id, &headers).await?;
    let correction = state
        .db
        .correct_body(&article, parse_correction(&body)?)
        .await?;
    state
        .events
        .article(&article, ArticleEvent::Body(correction.clone()));
    Ok(Json(correction).into_response())
}

/// `GET /api/articles/{id}/live`: the stream of one live article's updates; it ends when the server shuts down.
/// Counted against `--max-streams-per-address` with the comment streams.
pub async fn stream_live(
    State(state): State<AppState>,
    id: Result<Path<String>, PathRejection>,
    Client(client): Client,
) -> Result<Response, ApiError> {
    let article = super::article(&state, id).await?;
    if !is_live(&article_file(&state, &article).await?) {
        return Err(not_live());
    }
    let slot = state.streams.take(client).ok_or(ApiError::TooManyStreams)?;
    let listener = (article, state.events.subscribe_articles(), slot);
    let events = stream::unfold(listener, |(article, mut sub, slot)| async move {
        let event = next_event(&article, &mut sub).await?;
        Some((Ok::<Event, Infallible>(event), (article, sub, slot)))
    });
    Ok(super::events::sse_response(events))
}

/// The next update of `article` as an event; `None` once the server shuts down.
async fn next_event(article: &str, sub: &mut ArticleSubscription) -> Option<Event> {
    loop {
        if *sub.shutdown.borrow() {
            return None;
        }
        tokio::select! {
            msg = sub.updates.recv() => match msg {
                Ok((to, update)) if to == article => return Some(event_of(&update)),
                // Another article's update, or some skipped by a slow reader (whose next poll or reload shows them).
                Ok(_) | Err(RecvError::Lagged(_)) => continue,
                Err(RecvError::Closed) => return None,
            },
            _ = sub.shutdown.changed() => return None,
        }
    }
}

/// The SSE event of an update: `message` with the entry's id, `changed`, or `body`.
fn event_of(update: &ArticleEvent) -> Event {
    let json = |r: serde_json::Result<String>| r.unwrap_or_default();
    match update {
        ArticleEvent::Entry(e) => Event::default()
            .id(e.id.clone())
            .data(json(serde_json::to_string(e))),
        ArticleEvent::EntryChanged(e) => Event::default()
            .event("changed")
            .data(json(serde_json::to_string(e))),
        ArticleEvent::Body(c) => Event::default()
            .event("body")
            .data(json(serde_json::to_string(c))),
    }
}
