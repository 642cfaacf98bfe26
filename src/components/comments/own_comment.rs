//! The reader's own comments: the edit tokens kept in `localStorage` (see [`EditGrants`]) and the two requests a
//! token allows on the reference server, `PATCH` and `DELETE /api/articles/{id}/comments/{cid}` with
//! `Authorization: Bearer <token>`.

use std::cell::RefCell;
use std::rc::Rc;

use crate::hooks::{storage_get, storage_set};
use crate::model::Comment;
use crate::net::{send_json, Fetched, NetError, DEFAULT_TIMEOUT_MS};
use crate::source::folio_json::{comment, parse_json};
use crate::state::{EditGrant, EditGrants};

thread_local! {
    /// The grants of the last article read, so drawing a page of comments reads and parses storage once, not once
    /// per comment. Every write goes through [`update`], which refreshes it.
    static CACHE: RefCell<Option<(String, Rc<EditGrants>)>> = const { RefCell::new(None) };
}

/// Milliseconds since the epoch, from the browser's clock.
pub fn now_ms() -> i64 {
    js_sys::Date::now() as i64
}

/// The grants kept for `article`.
pub fn grants(article: &str) -> Rc<EditGrants> {
    let key = EditGrants::storage_key(article);
    if let Some(g) = CACHE.with(|c| {
        c.borrow()
            .as_ref()
            .filter(|(k, _)| *k == key)
            .map(|(_, g)| g.clone())
    }) {
        return g;
    }
    let g = Rc::new(
        storage_get(&key)
            .map(|t| EditGrants::from_storage(&t))
            .unwrap_or_default(),
    );
    CACHE.with(|c| *c.borrow_mut() = Some((key, g.clone())));
    g
}

/// Change the grants of `article` and store them.
pub fn update(article: &str, change: impl FnOnce(&mut EditGrants)) {
    let mut g = (*grants(article)).clone();
    change(&mut g);
    let key = EditGrants::storage_key(article);
    storage_set(&key, &g.to_storage());
    CACHE.with(|c| *c.borrow_mut() = Some((key, Rc::new(g))));
}

/// The open grant of comment `id`, if the reader may still change it.
pub fn open_grant(article: &str, id: &str) -> Option<EditGrant> {
    grants(article).open(id, now_ms()).cloned()
}

/// After a post: keep the token the server returned for the stored comment (`Folio-Edit-Token`, valid until
/// `Folio-Editable-Until`). Servers that return none (every platform but Folio's) leave nothing to keep.
pub fn keep_grant(article: &str, id: &str, answer: &Fetched, text: &str) {
    let header = |name: &str| {
        answer
            .headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    };
    if let Some(g) = EditGrant::from_headers(
        header("folio-edit-token"),
        header("folio-editable-until"),
        text,
    ) {
        update(article, |all| all.insert(id, g, now_ms()));
    }
}

/// The address of one comment: the list's post URL and the id (`…/comments/<id>`).
pub fn comment_url(post_url: &str, id: &str) -> String {
    format!(
        "{}/{}",
        post_url.trim_end_matches('/'),
        String::from(js_sys::encode_uri_component(id))
    )
}

fn bearer(token: &str) -> Vec<(String, String)> {
    vec![("Authorization".into(), format!("Bearer {token}"))]
}

/// Replace the text of comment `id`; returns the comment as the server now has it (`None` when the answer is not a
/// comment: the edit is stored all the same, and the caller draws the text as written).
pub async fn edit(
    post_url: &str,
    id: &str,
    token: &str,
    text: &str,
) -> Result<Option<Comment>, NetError> {
    let url = comment_url(post_url, id);
    let body = serde_json::json!({ "body": text, "format": "markdown" });
    let f = send_json(
        "PATCH",
        &url,
        &bearer(token),
        Some(&body),
        None,
        DEFAULT_TIMEOUT_MS,
    )
    .await?;
    Ok(parse_json(&f.text)
        .and_then(|v| comment(&v, "", Some(&f.url)))
        .ok())
}

/// Delete comment `id` (the server keeps a placeholder so its replies stay in place).
pub async fn delete(post_url: &str, id: &str, token: &str) -> Result<(), NetError> {
    let url = comment_url(post_url, id);
    send_json(
        "DELETE",
        &url,
        &bearer(token),
        None,
        None,
        DEFAULT_TIMEOUT_MS,
    )
    .await
    .map(|_| ())
}
