//! `localStorage`, which may be missing or refuse writes (private modes, sandboxed iframes, full quota): every
//! failure is treated as "nothing stored", never as an error that stops the widget.

pub use crate::platform::{storage_get, storage_remove, storage_set};
