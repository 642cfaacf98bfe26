//! A second client of the reference server's API, from the test itself: to post as someone else, to check what the
//! server stored, to act as the moderator.

use serde_json::{json, Value};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

use super::server::Server;
use super::thread::TRAINS;

/// One HTTP/1.1 request to the reference server from the test itself (a "second client"); returns status and JSON.
pub async fn api(server: &Server, method: &str, path: &str, body: Option<&Value>) -> (u16, Value) {
    api_as(server, method, path, None, body).await
}

/// [`api`] with `Authorization: Bearer <token>` (the poster's edit token, the moderator's token).
pub async fn api_as(
    server: &Server,
    method: &str,
    path: &str,
    bearer: Option<&str>,
    body: Option<&Value>,
) -> (u16, Value) {
    let auth = bearer
        .map(|t| format!("Authorization: Bearer {t}\r\n"))
        .unwrap_or_default();
    let host = server
        .url
        .trim_start_matches("http://")
        .trim_end_matches('/')
        .to_string();
    let mut stream = tokio::net::TcpStream::connect(&host)
        .await
        .expect("connect to the server");
    let payload = body.map(Value::to_string).unwrap_or_default();
    let head = format!(
        "{method} {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n{auth}Content-Type: application/json\r\nContent-Length: {}\r\n\r\n",
        payload.len()
    );
    stream.write_all(head.as_bytes()).await.expect("send");
    stream.write_all(payload.as_bytes()).await.expect("send");
    let mut raw = Vec::new();
    let _ = stream.read_to_end(&mut raw).await;
    let text = String::from_utf8_lossy(&raw).into_owned();
    let status = text
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let body = text.split_once("\r\n\r\n").map(|(_, b)| b).unwrap_or("");
    // The list is sent in one piece (Content-Length), so the body is the JSON itself.
    (status, serde_json::from_str(body).unwrap_or(Value::Null))
}

/// The trains article's comment list as the server answers it (`{"comments": […], …}`).
pub async fn trains_comments(server: &Server) -> Value {
    let (_, list) = api(
        server,
        "GET",
        &format!("/api/articles/{TRAINS}/comments"),
        None,
    )
    .await;
    list
}

/// Post `body` to the trains article as "Other", from outside the page; returns the status.
pub async fn post_from_elsewhere(server: &Server, body: &str) -> u16 {
    let (status, _) = api(
        server,
        "POST",
        &format!("/api/articles/{TRAINS}/comments"),
        Some(&json!({"author": {"name": "Other"}, "body": body})),
    )
    .await;
    status
}

/// [`stored_with_body`] once it is `expected`, asked again for up to 5 s (the page shows an edit as soon as the
/// server answers it; the list read here is another request, on another connection); the last count otherwise.
pub async fn stored_with_body_soon(server: &Server, body: &str, expected: usize) -> usize {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(5);
    loop {
        let n = stored_with_body(server, body).await;
        if n == expected || std::time::Instant::now() > deadline {
            return n;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
}

/// How many stored comments of the trains article have exactly this body.
pub async fn stored_with_body(server: &Server, body: &str) -> usize {
    trains_comments(server).await["comments"]
        .as_array()
        .map_or(0, |c| c.iter().filter(|c| c["body"] == body).count())
}
