//! Reader controls: the reading time under the byline, the reader's own text size and theme (remembered per
//! reader, `hooks::use_reading_prefs`; the host's `theme` is only the default), and a reading-progress bar. They
//! draw natively too (server rendering): the settings are plain buttons, the progress bar starts empty, and only
//! effects and handlers touch the page.

mod display_settings;
mod progress;
mod reader_controls;

pub use display_settings::display_settings;
pub use progress::{reading_progress, use_reading_progress};
pub use reader_controls::reader_controls;
