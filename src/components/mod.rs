//! Presentational components: props in, callbacks out. They fetch nothing themselves: [`reader`] and
//! [`comments::comment_section`] call the hooks that do (`crate::hooks`), and the rest draw the model they are given.

pub mod article;
pub mod audio;
pub mod comments;
pub mod common;
pub mod controls;
pub mod reader;
#[cfg(all(test, not(target_arch = "wasm32")))]
mod render_tests;
pub mod share;
