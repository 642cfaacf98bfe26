//! The per-client cap on open event streams (`--max-streams-per-address`). Each open stream holds a [`Slot`], given
//! back when the stream ends (the reader left, which hyper notices at once, or the server shuts down). One client that
//! opened twenty thousand streams was enough to exhaust the server's file descriptors (issue 12, finding 2).

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::{Arc, Mutex};

/// The open streams per client; cheap to clone.
#[derive(Clone, Default)]
pub struct StreamSlots {
    max: usize,
    open: Arc<Mutex<HashMap<IpAddr, usize>>>,
}

/// One open stream of one client; dropping it frees the slot.
pub struct Slot {
    slots: StreamSlots,
    client: Option<IpAddr>,
}

impl StreamSlots {
    /// At most `max` open streams per client; 0: no limit.
    pub fn new(max: usize) -> Self {
        StreamSlots {
            max,
            open: Arc::default(),
        }
    }

    /// A slot for `client` (grouped, see [`crate::client`]; `None` is not counted), or `None` when it already holds
    /// the maximum.
    pub fn take(&self, client: Option<IpAddr>) -> Option<Slot> {
        let counted = client.filter(|_| self.max > 0);
        if let Some(ip) = counted {
            let mut open = self.open.lock().unwrap_or_else(|p| p.into_inner());
            let n = open.entry(ip).or_default();
            if *n >= self.max {
                return None;
            }
            *n += 1;
        }
        Some(Slot {
            slots: self.clone(),
            client: counted,
        })
    }
}

impl Drop for Slot {
    fn drop(&mut self) {
        let Some(ip) = self.client else { return };
        let mut open = self.slots.open.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(n) = open.get_mut(&ip) {
            *n = n.saturating_sub(1);
            // Forget clients without streams, so the map holds only the open ones.
            if *n == 0 {
                open.remove(&ip);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // The n+1th stream of a client is refused until one closes; other clients, uncounted requests and a zero limit
    // are not affected.
    #[test]
    fn slots_per_client() {
        let slots = StreamSlots::new(2);
        let (a, b): (IpAddr, IpAddr) = ([10, 0, 0, 1].into(), [10, 0, 0, 2].into());
        let first = slots.take(Some(a));
        let second = slots.take(Some(a));
        assert!(first.is_some() && second.is_some());
        assert!(slots.take(Some(a)).is_none());
        assert!(slots.take(Some(b)).is_some());
        assert!(slots.take(None).is_some());
        drop(first);
        assert!(slots.take(Some(a)).is_some());
        let off = StreamSlots::new(0);
        let held: Vec<_> = (0..100).filter_map(|_| off.take(Some(a))).collect();
        assert_eq!(held.len(), 100);
    }
}
