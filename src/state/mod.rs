//! Application state that is independent of the browser: loading states and their errors, the comment thread with
//! local additions and the reader's own comments, the compose form, reading aloud, a live article's entries and
//! corrections. Pure, so it is tested natively.

mod compose;
mod edit_grants;
mod error;
mod live;
mod load;
mod net_error;
mod prefs;
mod read_aloud;
mod thread;

pub use compose::{ComposeAction, ComposeState, Draft, PostStatus};
pub use edit_grants::{EditGrant, EditGrants};
pub use error::LoadError;
pub use live::{LiveAction, LiveState};
pub use load::Load;
pub use net_error::{NetError, ServerMessage};
pub use prefs::{theme_from_name, ReadingPrefs, TextSize};
pub use read_aloud::{
    choose_voice, rate_from_stored, rate_to_stored, rest_from, spoken_items, MediaInfo, Part,
    ReadAloud, ReadAloudAction, Spoken, Status, VoiceInfo, NORMAL_RATE, RATES,
};
pub use thread::{
    PageState, PendingPost, PendingPosts, ThreadAction, ThreadState, MAX_SEEK_PAGES, PAGE_BUDGET,
    REPLY_PAGE, TREE_BUDGET,
};
