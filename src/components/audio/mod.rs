//! Listening to the article (issue 14, "Audio Only"): the API's audio edition when it has one, otherwise the text
//! read aloud by the browser's speech synthesis (hidden where the browser has no voice for the article's or the
//! interface's language), and an "Audio only" view that leaves the title, the player and the text being read.

mod edition;
mod frame;
mod icons;
mod listen;
mod player;

pub use listen::listen;
