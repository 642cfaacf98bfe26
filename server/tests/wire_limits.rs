//! Issue 12, finding 2, on the real binary over loopback: one client cannot take the server down. Event streams past
//! `--max-streams-per-address` are refused (429) while ordinary reads and posts still answer, a connection that
//! trickles its headers is closed after `--header-timeout`, and connections past the caps get a 503 at once.

mod common;

use std::io::{ErrorKind, Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

use common::{post, request, Site, ARTICLE};

fn connect(port: u16) -> TcpStream {
    let stream = TcpStream::connect(("127.0.0.1", port)).expect("connect");
    let _ = stream.set_read_timeout(Some(Duration::from_secs(10)));
    stream
}

/// Opens an event stream and reads its status; the connection stays open as long as it is kept.
fn open_stream(port: u16) -> (TcpStream, u16) {
    let mut stream = connect(port);
    let head = format!(
        "GET /api/articles/{ARTICLE}/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n"
    );
    stream.write_all(head.as_bytes()).expect("send");
    let mut line = Vec::new();
    let mut byte = [0u8; 1];
    while !line.ends_with(b"\r\n") && stream.read(&mut byte).map(|n| n > 0).unwrap_or(false) {
        line.push(byte[0]);
    }
    let status = String::from_utf8_lossy(&line)
        .split_whitespace()
        .nth(1)
        .map(str::to_owned);
    (stream, status.and_then(|s| s.parse().ok()).unwrap_or(0))
}

// Five streams from one address with a cap of three: three open, two refused with 429; reads and posts still work.
#[test]
fn extra_streams_are_refused_and_ordinary_requests_still_answer() {
    let site = Site::new("wire-streams");
    let server = site.start_with(&["--max-streams-per-address", "3", "--header-timeout", "1"]);
    let streams: Vec<(TcpStream, u16)> = (0..5).map(|_| open_stream(server.port)).collect();
    let statuses: Vec<u16> = streams.iter().map(|(_, s)| *s).collect();
    assert_eq!(statuses, [200, 200, 200, 429, 429]);
    let list = request(
        server.port,
        "GET",
        &format!("/api/articles/{ARTICLE}/comments"),
        None,
    );
    assert_eq!(list.map(|(status, _)| status), Some(200));
    assert!(post(server.port, "Still answered.").is_some());
    // The header timeout does not cut streams: past it, the first one is still open (nothing to read, no EOF).
    std::thread::sleep(Duration::from_millis(1500));
    let mut first = &streams[0].0;
    let _ = first.set_read_timeout(Some(Duration::from_millis(100)));
    let mut buf = [0u8; 1024];
    let open = loop {
        match first.read(&mut buf) {
            Ok(0) => break false,
            Ok(_) => continue, // the rest of the head
            Err(e) => break matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut),
        }
    };
    assert!(open, "the stream outlived --header-timeout");
    // A reader that leaves frees its slot at once (hyper notices the closed connection).
    let mut streams = streams;
    drop(streams.remove(0));
    let deadline = Instant::now() + Duration::from_secs(5);
    let mut again = open_stream(server.port);
    while again.1 != 200 && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(50));
        again = open_stream(server.port);
    }
    assert_eq!(again.1, 200, "the slot was given back");
}

// A client that sends half its headers and then one header line now and then is cut off after --header-timeout.
#[test]
fn slow_headers_are_cut_off() {
    let site = Site::new("wire-slow");
    let server = site.start_with(&["--header-timeout", "1"]);
    let mut stream = connect(server.port);
    let _ = stream.set_read_timeout(Some(Duration::from_millis(200)));
    let started = Instant::now();
    let _ = stream.write_all(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n");
    let mut closed = false;
    let mut buf = [0u8; 1024];
    while !closed && started.elapsed() < Duration::from_secs(8) {
        closed = stream.write_all(b"X-Slow: 1\r\n").is_err();
        closed |= match stream.read(&mut buf) {
            Ok(n) => n == 0,
            Err(err) => !matches!(err.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut),
        };
    }
    let took = started.elapsed();
    assert!(closed, "still open after {took:?}");
    assert!(took < Duration::from_secs(5), "closed only after {took:?}");
    let index = request(server.port, "GET", "/", None).map(|(status, _)| status);
    assert_eq!(index, Some(200), "others are still served");
}

// Connections past --max-connections-per-address, or past --max-connections, are answered 503 at once.
#[test]
fn connections_past_the_caps_get_503() {
    let site = Site::new("wire-conns");
    let list = format!("/api/articles/{ARTICLE}/comments");
    for flags in [
        [
            "--max-connections-per-address",
            "3",
            "--max-connections",
            "0",
        ],
        [
            "--max-connections",
            "3",
            "--max-connections-per-address",
            "0",
        ],
    ] {
        let server = site.start_with(&flags);
        let idle: Vec<TcpStream> = (0..3).map(|_| connect(server.port)).collect();
        std::thread::sleep(Duration::from_millis(300)); // Accepted and counted.
        let refused = request(server.port, "GET", &list, None).expect("an answer");
        assert_eq!(refused.0, 503, "{flags:?}: {}", refused.1);
        assert_eq!(refused.1["error"]["code"], "server_busy");
        drop(idle);
        let deadline = Instant::now() + Duration::from_secs(5);
        let mut status = 0;
        while status != 200 && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(100));
            status = request(server.port, "GET", &list, None).map_or(0, |(s, _)| s);
        }
        assert_eq!(
            status, 200,
            "{flags:?}: served again once the idle connections closed"
        );
    }
}
