//! Reading comment lists: a page and where the next one is, the items of child-id threads, live events, and the
//! answers of "more" stubs.

use std::rc::Rc;

use serde_json::Value;

use super::{Adapter, Reading};
use crate::model::{Comment, CommentList};
use crate::source::error::{parse_json, SourceError};
use crate::source::folio_json::{comment as folio_comment, comments_from_value};
#[cfg(feature = "mapping")]
use crate::source::mapping::{
    child_ids, comment_warnings, item_url, map_comments, map_item, max_items, next_page, Threading,
};
use crate::source::mapping::{PageInfo, Warning};
use crate::source::url::safe_link;

/// One page of a comment list, read.
#[derive(Clone, Debug, PartialEq)]
pub struct CommentPage {
    /// The comments, with the list's total, post target and the absolute URL of the next page.
    pub list: CommentList,
    /// A Server-Sent Events stream of new comments, when the list names one (Folio JSON's `events`).
    pub events: Option<Rc<str>>,
    /// Ids of items still to fetch one by one (child-id threading: Hacker News' Firebase API; only a mapping
    /// threads so).
    #[cfg(feature = "mapping")]
    pub children: Vec<String>,
    /// The first page's warnings about the publisher's own mapping document (fields no comment reaches, unknown
    /// formats); empty for other pages, presets and Folio JSON.
    pub warnings: Vec<Warning>,
}

impl Adapter {
    /// The key of a list's items array when its items can be read one at a time with [`Adapter::read_item`]
    /// (Folio JSON: `comments`), so a very long list can be mapped in slices; `None` when the list must be read
    /// whole.
    pub fn sliceable_items(&self) -> Option<&'static str> {
        matches!(self.reading, Reading::Folio).then_some("comments")
    }

    /// Read page `number` (1 for the first) of a comment list: `text` as fetched from `url`, with the response
    /// headers paging reads (`Link`, total counts).
    pub fn read_page(
        &self,
        text: &str,
        url: &str,
        number: u32,
        headers: &[(String, String)],
    ) -> Result<CommentPage, SourceError> {
        let doc = parse_json(text)?;
        #[cfg_attr(not(feature = "mapping"), allow(unused_mut))]
        let mut info = PageInfo {
            number,
            items: 0,
            headers: headers.to_vec(),
        };
        let base = Some(url);
        let mut page = match &self.reading {
            Reading::Folio => {
                let mut list = comments_from_value(&doc, base)?;
                if list.next.is_none() {
                    list.next = info
                        .link_next()
                        .and_then(|n| safe_link(base, &n))
                        .map(Rc::from);
                }
                let events = doc.get("events").and_then(Value::as_str);
                CommentPage {
                    events: events.and_then(|e| safe_link(base, e)).map(Rc::from),
                    list,
                    #[cfg(feature = "mapping")]
                    children: Vec::new(),
                    warnings: Vec::new(),
                }
            }
            #[cfg(feature = "mapping")]
            Reading::Mapped {
                mapping: m,
                article,
            } => {
                let mut list = map_comments(m, &doc, Some(article), base)?;
                let warnings = if number == 1 && self.own {
                    comment_warnings(m, &doc, Some(article))
                } else {
                    Vec::new()
                };
                info.items = list.comments.len();
                list.next = next_page(m, &doc, url, &info)?.map(Rc::from);
                let child_threads = matches!(
                    m.comments.as_ref().map(|c| &c.threading),
                    Some(Threading::ChildIds { .. })
                );
                CommentPage {
                    list,
                    events: None,
                    children: if child_threads {
                        child_ids(m, &doc)
                    } else {
                        Vec::new()
                    },
                    warnings,
                }
            }
        };
        page.list.total = page.list.total.or_else(|| info.total_header());
        Ok(page)
    }

    /// Read one item of a sliceable list ([`Adapter::sliceable_items`]); `index` locates it in error messages.
    pub fn read_item(
        &self,
        item: &str,
        index: usize,
        base: Option<&str>,
    ) -> Result<Comment, SourceError> {
        let v = parse_json(item)?;
        match &self.reading {
            Reading::Folio => folio_comment(&v, &format!("/comments/{index}"), base),
            #[cfg(feature = "mapping")]
            Reading::Mapped { mapping: m, .. } => {
                map_item(m, &v, None, base)?.ok_or_else(|| SourceError::BadValue {
                    path: format!("items[{index}]"),
                    reason: "the mapping skips this item".into(),
                })
            }
        }
    }

    /// Where item `id` of a child-id thread is fetched from (`base`: the list's URL).
    #[cfg(feature = "mapping")]
    pub fn child_url(&self, id: &str, base: Option<&str>) -> Option<String> {
        match &self.reading {
            Reading::Folio => None,
            Reading::Mapped { mapping: m, .. } => item_url(m, id, base),
        }
    }

    /// The most items a child-id thread fetches (each one is a request).
    #[cfg(feature = "mapping")]
    pub fn max_children(&self) -> usize {
        match &self.reading {
            Reading::Folio => 0,
            Reading::Mapped { mapping: m, .. } => max_items(m),
        }
    }

    /// A separately fetched item of a child-id thread, as a reply to `parent`, with the ids of its own children.
    /// `None` when it cannot be read: the thread goes on without it.
    #[cfg(feature = "mapping")]
    pub fn read_child(
        &self,
        text: &str,
        parent: Option<Rc<str>>,
        base: Option<&str>,
    ) -> Option<(Comment, Vec<String>)> {
        match &self.reading {
            Reading::Folio => None,
            Reading::Mapped { mapping: m, .. } => {
                let v = parse_json(text).ok()?;
                let c = map_item(m, &v, parent, base).ok()??;
                Some((c, child_ids(m, &v)))
            }
        }
    }

    /// One comment on its own: an event of the list's stream, or the server's answer to an edit. `None` when it
    /// cannot be read (the next reload shows the list as the server has it).
    pub fn read_comment(&self, text: &str, base: Option<&str>) -> Option<Comment> {
        let v = parse_json(text).ok()?;
        match &self.reading {
            Reading::Folio => folio_comment(&v, "", base).ok(),
            #[cfg(feature = "mapping")]
            Reading::Mapped { mapping: m, .. } => map_item(m, &v, None, base).ok().flatten(),
        }
    }

    /// What a "more" stub's fetch URL answered: a document of the list's own shape. Only a mapping reads stubs.
    #[cfg(feature = "mapping")]
    pub fn read_stub(&self, text: &str, base: Option<&str>) -> Result<CommentList, SourceError> {
        let doc = parse_json(text)?;
        match &self.reading {
            Reading::Folio => comments_from_value(&doc, base),
            #[cfg(feature = "mapping")]
            Reading::Mapped {
                mapping: m,
                article,
            } => map_comments(m, &doc, Some(article), base),
        }
    }
}
