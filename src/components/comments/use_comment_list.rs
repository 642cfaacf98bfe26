use std::rc::Rc;

use gloo_timers::future::TimeoutFuture;
use serde_json::Value;
use wasm_bindgen::{JsCast, JsValue};
use yew::prelude::*;

use crate::hooks::use_load;
use crate::model::{Comment, CommentList};
use crate::net::{get_text, DEFAULT_TIMEOUT_MS};
use crate::source::folio_json::{comment, comments_from_value, parse_json};
use crate::source::mapping::PageInfo;
use crate::source::url::safe_link;
use crate::source::SourceError;
use crate::state::{Load, LoadError};

/// Comments mapped per slice of work; between slices the browser may paint and handle input, so a 10,000-comment
/// list never blocks the page for one long task.
const CHUNK: usize = 250;

/// A loaded comment list, with what the live updates need.
#[derive(Clone, Debug, PartialEq)]
pub struct LoadedList {
    /// The comments, total and post target.
    pub list: CommentList,
    /// The absolute URL the list came from (the base for relative URLs, and what polling fetches again).
    pub url: Rc<str>,
    /// A Server-Sent Events stream of new comments, when the list names one (`"events"`).
    pub events: Option<Rc<str>>,
}

/// Fetch and map the comment list like `use_document`, but in slices, yielding to the browser between them.
#[hook]
pub fn use_comment_list(url: AttrValue) -> (Rc<Load<LoadedList>>, Callback<()>) {
    use_load(url, |url| async move { load_folio_list(&url).await })
}

/// Fetch one page of a Folio JSON comment list, mapping its comments in slices. Its `next` comes from the body, or
/// else from a `Link: rel="next"` header; its `total` from the body, or else from `X-Total-Count`.
pub async fn load_folio_list(url: &str) -> Result<LoadedList, LoadError> {
    let fetched = get_text(url, DEFAULT_TIMEOUT_MS).await?;
    let base = Some(fetched.url.as_str());
    // The browser's own JSON.parse reads megabytes in a few milliseconds; the comments are then mapped a slice at a
    // time, each comment going through serde on its own, so no single step holds the page for long. (A list that
    // JSON.parse refuses is handed to serde whole, for its precise error message.)
    let parsed = js_sys::JSON::parse(&fetched.text).ok();
    let items_js = parsed.as_ref().and_then(|v| {
        let key = JsValue::from_str("comments");
        let items = if js_sys::Array::is_array(v) {
            v.clone()
        } else {
            js_sys::Reflect::get(v, &key).ok()?
        };
        let items: js_sys::Array = items.dyn_into().ok()?;
        if !js_sys::Array::is_array(v) {
            let _ = js_sys::Reflect::set(v, &key, &js_sys::Array::new());
        }
        Some(items)
    });
    let (value, items_js) = match (parsed, items_js) {
        (Some(v), Some(items)) => {
            let shell = if js_sys::Array::is_array(&v) {
                "[]".to_string()
            } else {
                js_sys::JSON::stringify(&v)
                    .ok()
                    .and_then(|s| s.as_string())
                    .unwrap_or_default()
            };
            (parse_json(&shell)?, Some(items))
        }
        _ => (parse_json(&fetched.text)?, None),
    };
    TimeoutFuture::new(0).await;
    let events = value
        .get("events")
        .and_then(Value::as_str)
        .and_then(|e| web_sys::Url::new_with_base(e, &fetched.url).ok())
        .map(|u| Rc::from(u.href()));
    let mut list = comments_from_value(&value, base)?;
    if let Some(items) = items_js {
        list.comments = map_in_slices(&items, base).await?;
    }
    let info = PageInfo {
        headers: fetched.headers,
        ..PageInfo::default()
    };
    if list.next.is_none() {
        list.next = info
            .link_next()
            .and_then(|n| safe_link(base, &n))
            .map(Rc::from);
    }
    list.total = list.total.or_else(|| info.total_header());
    Ok(LoadedList {
        list,
        url: fetched.url.as_str().into(),
        events,
    })
}

async fn map_in_slices(
    items: &js_sys::Array,
    base: Option<&str>,
) -> Result<Vec<Comment>, SourceError> {
    let n = items.length();
    let mut out = Vec::with_capacity(n as usize);
    for i in 0..n {
        let text = js_sys::JSON::stringify(&items.get(i))
            .ok()
            .and_then(|s| s.as_string())
            .unwrap_or_default();
        out.push(comment(
            &parse_json(&text)?,
            &format!("/comments/{i}"),
            base,
        )?);
        if (i + 1) % CHUNK as u32 == 0 {
            TimeoutFuture::new(0).await;
        }
    }
    Ok(out)
}
