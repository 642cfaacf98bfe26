//! `GET /api/articles/{id}/events`: a Server-Sent Events stream of the comments published on an article from now
//! on, one `data:` line of Folio comment JSON per event. Held comments are not sent; neither are edits.

use std::convert::Infallible;
use std::time::Duration;

use axum::extract::rejection::PathRejection;
use axum::extract::{Path, State};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use futures_util::stream;
use tokio::sync::{broadcast, watch};

use crate::api::{ensure_article, unknown_article, AppState};
use crate::errors::ApiError;
use crate::model::Comment;

/// How many published comments a slow listener may fall behind before it skips some (it can reload the list).
pub const BACKLOG: usize = 256;

/// The publishing side, shared by every request.
#[derive(Clone)]
pub struct Events {
    tx: broadcast::Sender<(String, Comment)>,
    shutdown: watch::Receiver<bool>,
}

impl Events {
    /// A hub whose streams all end when `shutdown` turns true (so a graceful shutdown does not wait for them).
    pub fn new(shutdown: watch::Receiver<bool>) -> Self {
        let (tx, _) = broadcast::channel(BACKLOG);
        Events { tx, shutdown }
    }

    /// Tell every listener of `article` about a published comment.
    pub fn publish(&self, article: &str, comment: &Comment) {
        // No listener is not an error.
        let _ = self.tx.send((article.to_owned(), comment.clone()));
    }
}

struct Listener {
    article: String,
    rx: broadcast::Receiver<(String, Comment)>,
    shutdown: watch::Receiver<bool>,
}

pub async fn stream_events(
    State(state): State<AppState>,
    id: Result<Path<String>, PathRejection>,
) -> Result<Response, ApiError> {
    let Path(id) = id.map_err(|_| unknown_article())?;
    ensure_article(&state, &id).await?;
    let listener = Listener {
        article: id,
        rx: state.events.tx.subscribe(),
        shutdown: state.events.shutdown.clone(),
    };
    let events = stream::unfold(listener, |mut l| async move {
        loop {
            if *l.shutdown.borrow() {
                return None;
            }
            tokio::select! {
                msg = l.rx.recv() => match msg {
                    Ok((article, comment)) if article == l.article => {
                        let data = serde_json::to_string(&comment).unwrap_or_default();
                        let event = Event::default().id(comment.id.clone()).data(data);
                        return Some((Ok::<Event, Infallible>(event), l));
                    }
                    Ok(_) | Err(broadcast::error::RecvError::Lagged(_)) => continue,
                    Err(broadcast::error::RecvError::Closed) => return None,
                },
                _ = l.shutdown.changed() => return None,
            }
        }
    });
    let mut response = Sse::new(events)
        .keep_alive(KeepAlive::new().interval(Duration::from_secs(15)))
        .into_response();
    response.headers_mut().insert(
        axum::http::header::CACHE_CONTROL,
        axum::http::HeaderValue::from_static("no-store"),
    );
    Ok(response)
}
