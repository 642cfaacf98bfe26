//! The request handlers, one module per resource; each takes what it needs from [`AppState`] and the lower modules
//! (`db`, `input`, `paging`, `model`), never from `routes` above it:
//! - `comments`: `GET` of a comment list (`/api/articles/{id}/comments`, `/demo/comments/{id}.json`);
//! - `posting`: `POST` of a new comment, answered by `receipt` (or, for a bot, by `decoy`);
//! - `manage`: `PATCH`/`DELETE` of one's own comment with its edit token;
//! - `events`: the Server-Sent Events stream of new comments;
//! - `moderation`: the moderator's queue, approve and reject;
//! - `health`: liveness and readiness for balancers;
//! - `read`: `GET /read/{id}`, the article page rendered on the server, and `GET /embed-snippet/{id}`; `index`:
//!   the same page for the SPA's `/?src=` naming an own article; `render`: `GET /read?src=…`, another origin's
//!   article rendered through `remote`'s safe fetch.
//! - `live` and `article`: live articles: the editors' entries and corrections, the article's event stream, and the
//!   live article document with its `ETag`;
//! - `read`: `GET /read/{id}`, the article page rendered on the server, and `GET /embed-snippet/{id}`.
//!
//! What several of them share (path ids, bearer tokens, the client's address) is here.

pub mod article;
pub mod comments;
mod decoy;
pub mod events;
pub mod health;
pub mod index;
pub mod live;
pub mod manage;
pub mod moderation;
pub mod posting;
pub mod read;
mod receipt;
pub mod render;

use std::net::{IpAddr, SocketAddr};

use axum::extract::rejection::PathRejection;
use axum::extract::{ConnectInfo, FromRequestParts, Path};
use axum::http::request::Parts;
use axum::http::{header, HeaderMap};

use crate::client;
use crate::errors::ApiError;
use crate::state::AppState;

/// The article id of a `{id}` path, once checked to name an article (a path that does not even decode names none).
async fn article(
    state: &AppState,
    id: Result<Path<String>, PathRejection>,
) -> Result<String, ApiError> {
    let Path(id) = id.map_err(|_| ApiError::unknown_article())?;
    state.ensure_article(&id).await?;
    Ok(id)
}

/// The article and comment ids of a `{id}/{cid}` path, the article checked to exist.
async fn article_and_comment(
    state: &AppState,
    ids: Result<Path<(String, String)>, PathRejection>,
) -> Result<(String, String), ApiError> {
    let Path((article, cid)) = ids.map_err(|_| ApiError::unknown_article())?;
    state.ensure_article(&article).await?;
    Ok((article, cid))
}

/// The one answer for a `parent` that is not a published comment of the article (missing or held alike), for real
/// posts and decoys.
fn unknown_parent() -> ApiError {
    ApiError::field(
        "parent",
        "The comment you are answering does not exist in this article.",
    )
}

/// The token of `Authorization: Bearer <token>`, if the request has one. The scheme is case-insensitive (RFC 9110,
/// section 11.1), so `bearer` and `BEARER` work too.
fn bearer(headers: &HeaderMap) -> Option<&str> {
    let value = headers.get(header::AUTHORIZATION)?.to_str().ok()?.trim();
    let (scheme, token) = value.split_once([' ', '\t'])?;
    scheme.eq_ignore_ascii_case("bearer").then(|| token.trim())
}

/// The declared `Content-Type`, if it is readable text.
fn content_type(headers: &HeaderMap) -> Option<&str> {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
}

/// The client a request comes from, grouped as the limits count it ([`client`]): the TCP peer, or behind a
/// `--trusted-proxy` the address it forwarded. `None` when the router is called without a connection (in-process
/// tests), which the limits then do not count.
pub struct Client(pub Option<IpAddr>);

impl FromRequestParts<AppState> for Client {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let peer = parts
            .extensions
            .get::<ConnectInfo<SocketAddr>>()
            .map(|c| c.0.ip());
        Ok(Client(peer.map(|peer| {
            client::group(client::client_address(
                peer,
                &parts.headers,
                &state.trusted_proxies,
            ))
        })))
    }
}
