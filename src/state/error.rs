use std::fmt;

use super::NetError;
use crate::source::SourceError;

/// Why the article or its comments could not be shown: the request failed, or its answer did not fit.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LoadError {
    /// The request failed.
    Net(NetError),
    /// The answer came but could not be read as the expected format.
    Source(SourceError),
    /// The widget was configured wrongly (no `src`, a bad attribute ...).
    Config(String),
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Net(e) => e.fmt(f),
            Self::Source(e) => e.fmt(f),
            Self::Config(e) => write!(f, "folio: {e}"),
        }
    }
}

impl From<NetError> for LoadError {
    fn from(e: NetError) -> Self {
        Self::Net(e)
    }
}

impl From<SourceError> for LoadError {
    fn from(e: SourceError) -> Self {
        Self::Source(e)
    }
}
