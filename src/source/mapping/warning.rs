//! A mapping warning's shape. In every build (the adapter hands warnings to the widget, which logs them); only the
//! `mapping` feature's `lint` finds any.

use std::fmt;

/// One warning: where in the mapping, and what is wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Warning {
    /// The mapping key (`article.standfirst`, `comments.comment.avatar`).
    pub at: String,
    /// What is wrong, with the paths tried.
    pub message: String,
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "`{}`: {}", self.at, self.message)
    }
}
