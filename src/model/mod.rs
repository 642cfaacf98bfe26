//! Folio's own types: what the components draw. No wire names, no serde: the `source` module maps any API onto these.
//!
//! Cheap to clone (`Rc` everywhere) and `PartialEq`, so Yew skips renders when nothing changed.

mod article;
mod comment;
mod entry;
mod safe_html;
mod share;
mod sorting;
mod time;

pub use article::{Article, Author, Crumb, Hero, Related, Tag, TextDirection};
pub use comment::{Comment, CommentList, Emoji, MoreStub, PostTarget, Thread};
pub use entry::{newest_first, sort_newest_first, Entry};
pub use share::{Network, ShareTarget};
pub use sorting::{sort_indices, sort_vec_by};
pub use time::Timestamp;

pub use safe_html::SafeHtml;
