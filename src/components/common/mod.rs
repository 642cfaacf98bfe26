//! Small pieces used across the widget.

mod class_list;
mod error_box;
mod failure;
mod live_notice;
mod loading;
mod local_time;
mod safe_html_view;

pub use class_list::class_list;
pub use error_box::{describe_error, error_box};
pub use failure::{failure_text, failure_with};
pub use live_notice::live_notice;
pub use loading::loading;
pub use local_time::{local_time, reader_locale};
pub use safe_html_view::safe_html;
