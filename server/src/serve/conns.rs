//! Counting open connections, in all and per client address, so one client cannot hold every file descriptor.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::{Arc, Mutex};

use crate::client;

/// The open connections; cheap to clone.
#[derive(Clone)]
pub(super) struct Connections {
    max: usize,
    per_address: usize,
    trusted: Arc<[IpAddr]>,
    open: Arc<Mutex<Open>>,
}

#[derive(Default)]
struct Open {
    total: usize,
    by_address: HashMap<IpAddr, usize>,
}

/// One admitted connection; dropping it frees its place.
pub(super) struct Admitted {
    conns: Connections,
    /// The grouped address it counts under; `None` for a trusted proxy (not counted per address).
    address: Option<IpAddr>,
}

impl Connections {
    /// At most `max` connections, `per_address` of them from one address (an IPv6 /64); 0: no limit. A trusted
    /// proxy carries every reader's connections, so it is exempt from the per-address cap.
    pub(super) fn new(max: usize, per_address: usize, trusted: Arc<[IpAddr]>) -> Self {
        Connections {
            max,
            per_address,
            trusted,
            open: Arc::default(),
        }
    }

    /// A place for a connection from `peer`, or `None` when a cap is reached.
    pub(super) fn admit(&self, peer: IpAddr) -> Option<Admitted> {
        let address = (!client::is_trusted(peer, &self.trusted)).then(|| client::group(peer));
        let mut open = self.open.lock().unwrap_or_else(|p| p.into_inner());
        if self.max > 0 && open.total >= self.max {
            return None;
        }
        if let Some(ip) = address {
            let n = open.by_address.entry(ip).or_default();
            if self.per_address > 0 && *n >= self.per_address {
                return None;
            }
            *n += 1;
        }
        open.total += 1;
        Some(Admitted {
            conns: self.clone(),
            address,
        })
    }
}

impl Drop for Admitted {
    fn drop(&mut self) {
        let mut open = self.conns.open.lock().unwrap_or_else(|p| p.into_inner());
        open.total = open.total.saturating_sub(1);
        if let Some(ip) = self.address {
            if let Some(n) = open.by_address.get_mut(&ip) {
                *n = n.saturating_sub(1);
                if *n == 0 {
                    open.by_address.remove(&ip);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // Per-address and total caps, a /64 counted as one address, a trusted proxy exempt from the per-address cap only.
    #[test]
    fn caps() {
        let proxy: IpAddr = [10, 0, 0, 2].into();
        let conns = Connections::new(5, 2, Arc::from([proxy].as_slice()));
        let v6 = |n: u16| IpAddr::from([0x2001, 0xdb8, 0, 1, 0, 0, 0, n]);
        let a = (conns.admit(v6(1)), conns.admit(v6(2)));
        assert!(a.0.is_some() && a.1.is_some());
        assert!(conns.admit(v6(3)).is_none(), "the same /64");
        let proxied: Vec<_> = (0..3).filter_map(|_| conns.admit(proxy)).collect();
        assert_eq!(proxied.len(), 3);
        assert!(conns.admit([192, 0, 2, 1].into()).is_none(), "five in all");
        drop(a);
        assert!(conns.admit(v6(4)).is_some());
    }
}
