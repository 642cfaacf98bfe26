//! Listening to the article (issue 14, "Audio Only"): the API's audio edition when it has one, otherwise the text
//! read aloud by the browser's speech synthesis (hidden where the browser has no voice for the article's or the
//! interface's language), and an "Audio only" view that leaves the title, the player and the text being read.
//! Without the `read-aloud` feature (the embed's lite module) the browser-voice player is a stand-in whose Play
//! asks for the full module (`deferred`), which then starts reading.

#[cfg(not(feature = "read-aloud"))]
mod deferred;
mod edition;
mod frame;
mod icons;
mod listen;
#[cfg(feature = "read-aloud")]
mod player;

pub use listen::listen;
