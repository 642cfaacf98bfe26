//! `GET /api/articles/{id}/events`: a Server-Sent Events stream of the comments published on an article from now
//! on, one `data:` line of Folio comment JSON per event (from the [`live`](crate::live) hub): a `message` event for a
//! new comment, a `changed` event (`event: changed`) for a listed comment that was edited or deleted (its
//! placeholder). Held comments, and edits held for review, are not sent. A client may hold `--max-streams-per-address` streams at once; more are refused with a
//! 429 (`too_many_streams`), and ordinary requests are not affected.

use std::convert::Infallible;
use std::time::Duration;

use axum::extract::rejection::PathRejection;
use axum::extract::{Path, State};
use axum::http::{header, HeaderValue};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use futures_util::stream;
use tokio::sync::broadcast::error::RecvError;

use super::Client;
use crate::errors::ApiError;
use crate::live::{Kind, Subscription};
use crate::state::AppState;

/// How often an idle stream sends a comment line, so proxies do not close it.
const KEEP_ALIVE: Duration = Duration::from_secs(15);

/// The stream of one article's new comments; it ends when the server shuts down.
pub async fn stream_events(
    State(state): State<AppState>,
    id: Result<Path<String>, PathRejection>,
    Client(client): Client,
) -> Result<Response, ApiError> {
    let article = super::article(&state, id).await?;
    let slot = state.streams.take(client).ok_or(ApiError::TooManyStreams)?;
    // The slot lives in the stream's state, so it is given back when hyper drops the body (the stream ended).
    let listener = (article, state.events.subscribe(), slot);
    let events = stream::unfold(listener, |(article, mut sub, slot)| async move {
        let event = next_event(&article, &mut sub).await?;
        Some((Ok::<Event, Infallible>(event), (article, sub, slot)))
    });
    Ok(sse_response(events))
}

/// A stream of events as a Server-Sent Events answer, with keep-alives and `no-store` (shared with the live
/// article stream, `handlers::live`).
pub(super) fn sse_response(
    events: impl futures_util::Stream<Item = Result<Event, Infallible>> + Send + 'static,
) -> Response {
    let mut response = Sse::new(events)
        .keep_alive(KeepAlive::new().interval(KEEP_ALIVE))
        .into_response();
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

/// The next comment published or changed on `article` as an event; `None` once the server shuts down.
async fn next_event(article: &str, sub: &mut Subscription) -> Option<Event> {
    loop {
        if *sub.shutdown.borrow() {
            return None;
        }
        tokio::select! {
            msg = sub.comments.recv() => match msg {
                Ok((to, kind, comment)) if to == article => {
                    let data = serde_json::to_string(&comment).unwrap_or_default();
                    return Some(match kind {
                        Kind::New => Event::default().id(comment.id.clone()).data(data),
                        // No id: the last event id stays the last new comment's.
                        Kind::Changed => Event::default().event("changed").data(data),
                    });
                }
                // Another article's comment, or some skipped by a slow reader (who can reload the list).
                Ok(_) | Err(RecvError::Lagged(_)) => continue,
                Err(RecvError::Closed) => return None,
            },
            _ = sub.shutdown.changed() => return None,
        }
    }
}
