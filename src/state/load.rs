use super::LoadError;

/// Something fetched: loading, there, or failed with a reason. Never an `Option` meaning "loading or failed".
#[derive(Clone, Debug, PartialEq)]
pub enum Load<T> {
    /// Not there yet.
    Loading,
    /// There.
    Ready(T),
    /// Could not be had, and why.
    Failed(LoadError),
}

impl<T> Load<T> {
    /// The value, when ready.
    pub fn ready(&self) -> Option<&T> {
        match self {
            Self::Ready(t) => Some(t),
            _ => None,
        }
    }
}
