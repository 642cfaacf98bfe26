//! One page of a comment list, fetched through `net` and read through the [`Adapter`], whatever the API: the first
//! when the thread opens, the others when the reader asks or a linked comment is looked for, never all at once.
//! Long Folio lists are read a slice at a time, and child-id threads (a mapping's) fetch their items a batch at a
//! time.

#[cfg(feature = "mapping")]
use std::collections::VecDeque;
use std::rc::Rc;

#[cfg(feature = "mapping")]
use futures::future::join_all;
use gloo_timers::future::TimeoutFuture;
use wasm_bindgen::{JsCast, JsValue};

use crate::model::{Comment, CommentList};
#[cfg(feature = "mapping")]
use crate::net::Fetched;
use crate::net::{get_text, DEFAULT_TIMEOUT_MS};
use crate::source::{Adapter, SourceError};
use crate::state::LoadError;

/// Comments read per slice of work; between slices the browser may paint and handle input, so a 10,000-comment
/// list never blocks the page for one long task.
const CHUNK: usize = 250;

/// Child items fetched at once.
#[cfg(feature = "mapping")]
const BATCH: usize = 8;

/// A page of comments, with what live updates need.
#[derive(Clone, Debug, PartialEq)]
pub struct LoadedPage {
    /// The comments, total, post target and next page.
    pub list: CommentList,
    /// The absolute URL the list came from (what polling fetches again).
    pub url: Rc<str>,
    /// A Server-Sent Events stream of new comments, when the list names one.
    pub events: Option<Rc<str>>,
}

/// Fetch page `number` (1 for the first) of the comment list at `url` and read it with `adapter`.
pub async fn fetch_page(
    adapter: &Adapter,
    url: &str,
    number: u32,
) -> Result<LoadedPage, LoadError> {
    let f = get_text(url, DEFAULT_TIMEOUT_MS).await?;
    #[cfg_attr(not(feature = "mapping"), allow(unused_mut))]
    let mut page = match adapter
        .sliceable_items()
        .and_then(|key| split_items(&f.text, key))
    {
        Some((shell, items)) => {
            let mut page = adapter.read_page(&shell, &f.url, number, &f.headers)?;
            TimeoutFuture::new(0).await;
            page.list.comments = read_in_slices(adapter, &items, &f.url).await?;
            page
        }
        None => adapter.read_page(&f.text, &f.url, number, &f.headers)?,
    };
    // Read once per thread: only the first page carries them.
    super::use_article::log_warnings(&page.warnings);
    #[cfg(feature = "mapping")]
    if !page.children.is_empty() {
        let ids = std::mem::take(&mut page.children);
        fetch_children(adapter, ids, &f, &mut page.list).await;
    }
    Ok(LoadedPage {
        list: page.list,
        url: f.url.as_str().into(),
        events: page.events,
    })
}

/// The browser's own `JSON.parse` reads megabytes in a few milliseconds: the document without its items (as text,
/// for the adapter) and the items array. `None` when the text is not such a document (the adapter then reads it
/// whole, and its error names what is wrong).
fn split_items(text: &str, key: &str) -> Option<(String, js_sys::Array)> {
    let doc = js_sys::JSON::parse(text).ok()?;
    if js_sys::Array::is_array(&doc) {
        return Some(("[]".into(), doc.dyn_into().ok()?));
    }
    let key = JsValue::from_str(key);
    let items: js_sys::Array = js_sys::Reflect::get(&doc, &key).ok()?.dyn_into().ok()?;
    js_sys::Reflect::set(&doc, &key, &js_sys::Array::new()).ok()?;
    let shell = js_sys::JSON::stringify(&doc).ok()?.as_string()?;
    Some((shell, items))
}

/// Read each item on its own, yielding to the browser every [`CHUNK`] items.
async fn read_in_slices(
    adapter: &Adapter,
    items: &js_sys::Array,
    base: &str,
) -> Result<Vec<Comment>, SourceError> {
    let n = items.length();
    let mut out = Vec::with_capacity(n as usize);
    for i in 0..n {
        let text = js_sys::JSON::stringify(&items.get(i))
            .ok()
            .and_then(|s| s.as_string())
            .unwrap_or_default();
        out.push(adapter.read_item(&text, i as usize, Some(base))?);
        if (i + 1) % CHUNK as u32 == 0 {
            TimeoutFuture::new(0).await;
        }
    }
    Ok(out)
}

/// Child-id threading: fetch the items the document lists, then theirs, breadth first, a batch at a time, up to the
/// adapter's cap. An item that fails to load or read is left out rather than failing the whole thread. Only a
/// mapping threads so: the lite module (Folio JSON only) carries none of this.
#[cfg(feature = "mapping")]
async fn fetch_children(
    adapter: &Adapter,
    ids: Vec<String>,
    page: &Fetched,
    list: &mut CommentList,
) {
    let mut queue: VecDeque<(String, Option<Rc<str>>)> =
        ids.into_iter().map(|id| (id, None)).collect();
    let cap = adapter.max_children();
    let mut fetched = 0;
    while !queue.is_empty() && fetched < cap {
        let n = queue.len().min(BATCH).min(cap - fetched);
        let batch: Vec<(String, Option<Rc<str>>)> = queue.drain(..n).collect();
        fetched += batch.len();
        let requests = batch.iter().map(|(id, _)| {
            let url = adapter.child_url(id, Some(&page.url));
            async move { get_text(&url?, DEFAULT_TIMEOUT_MS).await.ok() }
        });
        for ((_, parent), answer) in batch.iter().zip(join_all(requests).await) {
            let Some(f) = answer else { continue };
            if let Some((c, kids)) = adapter.read_child(&f.text, parent.clone(), Some(&f.url)) {
                queue.extend(kids.into_iter().map(|kid| (kid, Some(c.id.clone()))));
                list.comments.push(c);
            }
        }
    }
}
