//! The abusive clients that hold connections: a stream flood and an idle-connection flood from one address each,
//! and slow-header clients from a third, all started before the normal load and held open through it.

use std::io::Read;
use std::net::TcpStream;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::thread::{self, JoinHandle};
use std::time::Duration;

use super::clients::{connect_from, slow_headers, status_after, stream_head};
use super::stats::Stats;

/// Streams the flood tries to open, idle connections it opens, slow-header clients.
pub const FLOOD_STREAMS: usize = 300;
pub const IDLE: usize = 150;
pub const SLOW: usize = 40;

/// Starts every flood; returns the connections to keep open and the slow clients' threads.
pub fn start(
    rt: &tokio::runtime::Handle,
    port: u16,
    stats: &Arc<Stats>,
    stop: &Arc<AtomicBool>,
) -> (Vec<TcpStream>, Vec<JoinHandle<()>>) {
    let mut held = Vec::new();
    for _ in 0..FLOOD_STREAMS {
        let Some(mut s) = connect_from(rt, [127, 0, 9, 1], port) else {
            continue;
        };
        match status_after(&mut s, &stream_head()) {
            200 => {
                stats.flood_open.fetch_add(1, Ordering::Relaxed);
                held.push(s);
            }
            429 => {
                stats.flood_refused.fetch_add(1, Ordering::Relaxed);
            }
            _ => {}
        }
    }
    let idle: Vec<TcpStream> = (0..IDLE)
        .filter_map(|_| connect_from(rt, [127, 0, 9, 2], port))
        .collect();
    let mut threads = Vec::new();
    for _ in 0..SLOW {
        let Some(s) = connect_from(rt, [127, 0, 9, 3], port) else {
            continue;
        };
        let (stats, stop) = (stats.clone(), stop.clone());
        threads.push(thread::spawn(move || slow_headers(s, &stats, &stop)));
    }
    // A refused connection has its 503 at once; an accepted idle one has nothing to read.
    thread::sleep(Duration::from_millis(500));
    for mut s in idle {
        let _ = s.set_nonblocking(true);
        let mut buf = [0u8; 64];
        match s.read(&mut buf) {
            Ok(n) if n > 0 && buf.starts_with(b"HTTP/1.1 503") => {
                stats.idle_refused.fetch_add(1, Ordering::Relaxed);
            }
            Ok(_) => {}
            Err(_) => {
                stats.idle_kept.fetch_add(1, Ordering::Relaxed);
            }
        }
        held.push(s);
    }
    (held, threads)
}
