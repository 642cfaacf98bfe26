//! A server at its per-reader stream limit (`--max-streams-per-address`, issue 12) answers the widget's
//! `EventSource` with `429`: the browser gives that stream up for good, and the widget must fall back to polling
//! instead of going quiet. Here another stream from the same address (127.0.0.1) holds the only slot.

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

use crate::support::api::post_from_elsewhere;
use crate::support::thread::{one_new_comment_announced, open_trains, unique, TRAINS};
use crate::support::{dist, Browser, Server, Session};

/// Open the trains article's event stream from this process and keep it: the stream slot of 127.0.0.1.
async fn hold_the_stream(server: &Server) -> TcpStream {
    let addr = server
        .url
        .trim_start_matches("http://")
        .trim_end_matches('/');
    let mut conn = TcpStream::connect(addr)
        .await
        .expect("connect to the server");
    let request = format!(
        "GET /api/articles/{TRAINS}/events HTTP/1.1\r\nHost: {addr}\r\nAccept: text/event-stream\r\n\r\n"
    );
    conn.write_all(request.as_bytes())
        .await
        .expect("send the request");
    let mut head = [0u8; 64];
    let n = conn.read(&mut head).await.expect("read the answer");
    let status = String::from_utf8_lossy(&head[..n]).to_string();
    assert!(
        status.starts_with("HTTP/1.1 200"),
        "the held stream: {status}"
    );
    conn
}

#[tokio::test(flavor = "multi_thread")]
async fn refused_stream_falls_back_to_polling() {
    let server = Server::start_serving_with(dist(), |_| {
        vec!["--max-streams-per-address".into(), "1".into()]
    });
    let _held = hold_the_stream(&server).await;
    for browser in Browser::ALL {
        let s = Session::start(browser).await;
        open_trains(&s, &server, "").await;
        let body = unique(browser, "Found despite a refused stream");
        assert_eq!(post_from_elsewhere(&server, &body).await, 201);
        // No stream brings it; the poll does.
        one_new_comment_announced(
            &s,
            browser,
            "the widget went quiet after its stream was refused",
        )
        .await;
        s.close().await;
    }
}
