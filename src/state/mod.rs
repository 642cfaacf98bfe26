//! Application state that is independent of the browser: loading states, the comment thread with local additions,
//! the compose form. Pure, so it is tested natively.

mod compose;
mod edit_grants;
mod error;
mod load;
mod thread_paging;
mod thread_state;

pub use compose::{ComposeAction, ComposeState, Draft, PostStatus};
pub use edit_grants::{EditGrant, EditGrants};
pub use error::LoadError;
pub use load::Load;
pub use thread_paging::{PageState, MAX_SEEK_PAGES};
pub use thread_state::{
    PendingPost, ThreadAction, ThreadState, PAGE_BUDGET, REPLY_PAGE, TREE_BUDGET,
};
