//! One page of a comment list, in whatever pagination style the API uses: Folio JSON's `next` (or a `Link:
//! rel="next"` header), or the mapping's style (`source::mapping::next_page`, which reads the page's headers too).
//! Pages are fetched on demand — the first when the thread opens, the others when the reader asks or a linked
//! comment is looked for — never all at once.

use std::collections::VecDeque;
use std::rc::Rc;

use futures::future::join_all;

use super::use_mapped::MappedContext;
use crate::components::comments::{load_folio_list, LoadedList};
use crate::model::CommentList;
use crate::net::{get_text, DEFAULT_TIMEOUT_MS};
use crate::source::folio_json::parse_json;
use crate::source::mapping::{
    child_ids, item_url, map_comments, map_item, max_items, next_page, Mapping, PageInfo, Threading,
};
use crate::state::LoadError;

/// Child items fetched at once.
const BATCH: usize = 8;

/// Fetch page `number` (1 for the first) of the comment list at `url`, read with the mapping of `ctx` (Folio JSON
/// without one), with the URL of the page after it in `list.next`.
pub async fn fetch_page(
    url: &str,
    number: u32,
    ctx: &MappedContext,
) -> Result<LoadedList, LoadError> {
    let mapped = ctx
        .0
        .as_ref()
        .and_then(|i| Some((i.object.clone(), i.resolved.mapping.clone()?)));
    let Some((article, m)) = mapped else {
        return load_folio_list(url).await;
    };
    let f = get_text(url, DEFAULT_TIMEOUT_MS).await?;
    let doc = parse_json(&f.text)?;
    let mut list = map_comments(&m, &doc, Some(&article), Some(&f.url))?;
    let info = PageInfo {
        number,
        items: list.comments.len(),
        headers: f.headers,
    };
    list.next = next_page(&m, &doc, &f.url, &info)?.map(Rc::from);
    list.total = list.total.or_else(|| info.total_header());
    if matches!(
        m.comments.as_ref().map(|c| &c.threading),
        Some(Threading::ChildIds { .. })
    ) {
        fetch_children(&m, &doc, &f.url, &mut list).await;
    }
    Ok(LoadedList {
        list,
        url: f.url.as_str().into(),
        events: None,
    })
}

/// Child-id threading: fetch the items the document lists, then theirs, breadth first, a batch at a time, up to the
/// mapping's cap. An item that fails to load or map is left out rather than failing the whole thread.
async fn fetch_children(m: &Mapping, doc: &serde_json::Value, base: &str, list: &mut CommentList) {
    let mut queue: VecDeque<(String, Option<Rc<str>>)> =
        child_ids(m, doc).into_iter().map(|id| (id, None)).collect();
    let cap = max_items(m);
    let mut fetched = 0;
    while !queue.is_empty() && fetched < cap {
        let n = queue.len().min(BATCH).min(cap - fetched);
        let batch: Vec<(String, Option<Rc<str>>)> = queue.drain(..n).collect();
        fetched += batch.len();
        let requests = batch.iter().map(|(id, _)| {
            let url = item_url(m, id, Some(base));
            async move {
                match url {
                    Some(u) => get_text(&u, DEFAULT_TIMEOUT_MS).await.ok(),
                    None => None,
                }
            }
        });
        for ((_, parent), answer) in batch.iter().zip(join_all(requests).await) {
            let Some(f) = answer else { continue };
            let Ok(v) = parse_json(&f.text) else { continue };
            if let Ok(Some(c)) = map_item(m, &v, parent.clone(), Some(&f.url)) {
                for kid in child_ids(m, &v) {
                    queue.push_back((kid, Some(c.id.clone())));
                }
                list.comments.push(c);
            }
        }
    }
}
