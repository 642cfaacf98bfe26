//! A per-client limit (on new comments, on edits): a sliding window of one minute, kept in memory (a restart forgets
//! it, which is fine for a limit meant to slow scripts down, not to account for anything). Callers pass the client's
//! address already grouped ([`crate::client::group`]).

use std::collections::{HashMap, VecDeque};
use std::net::IpAddr;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const WINDOW: Duration = Duration::from_secs(60);

/// Shared by every request; cheap to clone.
#[derive(Clone, Default)]
pub struct RateLimiter {
    per_minute: u32,
    seen: Arc<Mutex<HashMap<IpAddr, VecDeque<Instant>>>>,
}

impl RateLimiter {
    /// At most `per_minute` requests per address per minute; 0 allows any number.
    pub fn new(per_minute: u32) -> Self {
        RateLimiter {
            per_minute,
            seen: Arc::default(),
        }
    }

    /// The limit per minute (0: none).
    pub fn per_minute(&self) -> u32 {
        self.per_minute
    }

    /// Counts one request from `addr` at `now`; `Err(seconds)` when the address must wait that long first.
    pub fn check(&self, addr: IpAddr, now: Instant) -> Result<(), u64> {
        if self.per_minute == 0 {
            return Ok(());
        }
        let mut seen = self.seen.lock().unwrap_or_else(|p| p.into_inner());
        // Forget addresses whose window is over, so the map cannot grow without bound.
        if seen.len() > 10_000 {
            seen.retain(|_, times| {
                times
                    .back()
                    .is_some_and(|t| now.duration_since(*t) < WINDOW)
            });
        }
        let times = seen.entry(addr).or_default();
        while times
            .front()
            .is_some_and(|t| now.duration_since(*t) >= WINDOW)
        {
            times.pop_front();
        }
        if times.len() >= self.per_minute as usize {
            let wait = times
                .front()
                .map(|t| WINDOW.saturating_sub(now.duration_since(*t)))
                .unwrap_or(WINDOW);
            return Err(wait.as_secs_f64().ceil() as u64);
        }
        times.push_back(now);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // The n+1th post within a minute is refused with the wait; a minute later it is accepted; other addresses and a
    // zero limit are not affected.
    #[test]
    fn sliding_window() {
        let l = RateLimiter::new(2);
        let a: IpAddr = [127, 0, 0, 1].into();
        let b: IpAddr = [127, 0, 0, 2].into();
        let t0 = Instant::now();
        assert!(l.check(a, t0).is_ok());
        assert!(l.check(a, t0 + Duration::from_secs(10)).is_ok());
        assert_eq!(l.check(a, t0 + Duration::from_secs(20)), Err(40));
        assert!(l.check(b, t0 + Duration::from_secs(20)).is_ok());
        assert!(l.check(a, t0 + Duration::from_secs(61)).is_ok());
        let off = RateLimiter::new(0);
        for _ in 0..100 {
            assert!(off.check(a, t0).is_ok());
        }
    }
}
