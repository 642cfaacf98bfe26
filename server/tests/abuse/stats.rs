//! What the load test counts: latencies of normal requests and the outcomes of every kind of client.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::Duration;

/// Shared by every client thread.
#[derive(Default)]
pub struct Stats {
    /// Latencies of the normal clients' answered requests.
    pub latencies: Mutex<Vec<Duration>>,
    /// Normal requests that got no answer, or an unexpected status.
    pub errors: AtomicUsize,
    /// Bodies of posts acknowledged with 201.
    pub acked: Mutex<Vec<String>>,
    /// Event streams the normal subscribers got (200).
    pub subscribed: AtomicUsize,
    /// The flood's streams: accepted (200) and refused (429).
    pub flood_open: AtomicUsize,
    pub flood_refused: AtomicUsize,
    /// Idle connections of the connection flood: kept open, and answered 503.
    pub idle_kept: AtomicUsize,
    pub idle_refused: AtomicUsize,
    /// Slow-header connections the server closed, and the longest any of them stayed open.
    pub slow_closed: AtomicUsize,
    pub slow_longest: Mutex<Duration>,
}

impl Stats {
    /// Counts one answered normal request.
    pub fn answered(&self, took: Duration) {
        self.latencies
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .push(took);
    }

    /// Counts one failed normal request.
    pub fn failed(&self) {
        self.errors.fetch_add(1, Ordering::Relaxed);
    }

    /// The `q` quantile (0..=1) of the latencies, in milliseconds.
    pub fn quantile_ms(&self, q: f64) -> f64 {
        let mut all = self
            .latencies
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .clone();
        if all.is_empty() {
            return 0.0;
        }
        all.sort();
        let i = ((all.len() - 1) as f64 * q).round() as usize;
        all[i.min(all.len() - 1)].as_secs_f64() * 1000.0
    }

    /// A count.
    pub fn n(counter: &AtomicUsize) -> usize {
        counter.load(Ordering::Relaxed)
    }

    /// Prints the figures as a Markdown table; `posts` is acknowledged, stored, lost.
    pub fn report(&self, elapsed: f64, posts: (usize, usize, usize)) {
        let n = Stats::n;
        let answered = self.latencies.lock().map(|l| l.len()).unwrap_or(0);
        let (p50, p99) = (self.quantile_ms(0.5), self.quantile_ms(0.99));
        let longest = *self.slow_longest.lock().unwrap_or_else(|p| p.into_inner());
        let rate = answered as f64 / elapsed;
        println!("| figure | value |\n| --- | --- |");
        println!("| normal requests answered | {answered} in {elapsed:.1} s ({rate:.0}/s) |");
        println!("| latency p50 / p99 | {p50:.1} ms / {p99:.1} ms |");
        println!("| normal requests failed | {} |", n(&self.errors));
        let (acked, stored, lost) = posts;
        println!("| comments acknowledged / stored / lost | {acked} / {stored} / {lost} |");
        println!("| subscribers' streams open | {} |", n(&self.subscribed));
        let (open, refused) = (n(&self.flood_open), n(&self.flood_refused));
        println!("| stream flood, one address | {open} open, {refused} refused 429 |");
        let (kept, refused) = (n(&self.idle_kept), n(&self.idle_refused));
        println!("| idle-connection flood, one address | {kept} accepted, {refused} refused 503 |");
        let closed = n(&self.slow_closed);
        let last = longest.as_secs_f64();
        println!("| slow-header clients cut off | {closed}, the last after {last:.1} s |");
    }
}
