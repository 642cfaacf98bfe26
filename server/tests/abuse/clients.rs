//! The clients of the load test. Normal ones connect from 127.0.0.1 (reads, posts) and 127.0.0.2 (event streams);
//! abusive ones from addresses of their own in 127.0.9.0/24, so the per-address caps meet them and not the normal
//! clients (Linux answers on all of 127.0.0.0/8).

use std::io::{ErrorKind, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use super::common::{post, request, ARTICLE};
use super::stats::Stats;

/// A connection to the server on `port` from the loopback address `from` (std cannot bind before connecting;
/// tokio's socket can, on the shared runtime).
pub fn connect_from(rt: &tokio::runtime::Handle, from: [u8; 4], port: u16) -> Option<TcpStream> {
    let stream = rt
        .block_on(async move {
            let socket = tokio::net::TcpSocket::new_v4()?;
            socket.bind(SocketAddr::from((from, 0)))?;
            let stream = socket
                .connect(SocketAddr::from(([127, 0, 0, 1], port)))
                .await?;
            stream.into_std()
        })
        .ok()?;
    stream.set_nonblocking(false).ok()?;
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .ok()?;
    Some(stream)
}

/// The status of the answer's first line, after sending `head`.
pub fn status_after(stream: &mut TcpStream, head: &str) -> u16 {
    if stream.write_all(head.as_bytes()).is_err() {
        return 0;
    }
    let mut buf = [0u8; 512];
    let n = stream.read(&mut buf).unwrap_or(0);
    let text = String::from_utf8_lossy(&buf[..n]);
    text.split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0)
}

/// The request that opens an event stream.
pub fn stream_head() -> String {
    format!("GET /api/articles/{ARTICLE}/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n")
}

/// A reader: lists the comments until `stop`.
pub fn reader(port: u16, stats: &Stats, stop: &AtomicBool) {
    let path = format!("/api/articles/{ARTICLE}/comments");
    while !stop.load(Ordering::Relaxed) {
        let started = Instant::now();
        match request(port, "GET", &path, None) {
            Some((200, _)) => stats.answered(started.elapsed()),
            _ => stats.failed(),
        }
    }
}

/// A writer: posts unique comments until `stop`; acknowledged ones are remembered.
pub fn writer(port: u16, who: usize, stats: &Stats, stop: &AtomicBool) {
    let mut n = 0;
    while !stop.load(Ordering::Relaxed) {
        let body = format!("load w{who} n{n} end");
        n += 1;
        let started = Instant::now();
        match post(port, &body) {
            Some(_) => {
                stats.answered(started.elapsed());
                stats
                    .acked
                    .lock()
                    .unwrap_or_else(|p| p.into_inner())
                    .push(body);
            }
            None => stats.failed(),
        }
    }
}

/// A slow-header client: half a request, then one header line every half second, until the server hangs up.
pub fn slow_headers(mut stream: TcpStream, stats: &Stats, stop: &AtomicBool) {
    let started = Instant::now();
    let _ = stream.set_read_timeout(Some(Duration::from_millis(500)));
    let _ = stream.write_all(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n");
    let mut buf = [0u8; 256];
    while !stop.load(Ordering::Relaxed) {
        let closed = stream.write_all(b"X-Slow: 1\r\n").is_err()
            || match stream.read(&mut buf) {
                Ok(n) => n == 0,
                Err(e) => !matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut),
            };
        if closed {
            stats.slow_closed.fetch_add(1, Ordering::Relaxed);
            let mut longest = stats.slow_longest.lock().unwrap_or_else(|p| p.into_inner());
            *longest = (*longest).max(started.elapsed());
            return;
        }
    }
}
