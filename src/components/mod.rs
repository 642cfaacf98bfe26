//! Presentational components: props in, callbacks out. The only fetching happens in [`reader`] and
//! [`comments::comment_section`] through hooks; everything else draws the model it is given.

pub mod article;
pub mod comments;
pub mod common;
pub mod reader;
pub mod share;
