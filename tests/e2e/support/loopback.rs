//! A minimal HTTP/1.1 server on a free loopback port, written here for what cannot run on this machine: APIs that
//! misbehave on purpose (`faults`) and platforms' documented responses (`wordpress`, `paging`). Each connection carries one
//! request (`Connection: close`); the handler answers on the stream, or hands it back to be left hanging.

use std::future::Future;
use std::sync::Arc;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

/// One request as read from the wire.
#[derive(Debug, Default)]
pub struct Request {
    /// `GET`, `POST`, `OPTIONS` ...
    pub method: String,
    /// The path with its query string.
    pub path: String,
    /// Header names in lower case, with their values.
    pub headers: Vec<(String, String)>,
    /// The body (`Content-Length` bytes).
    pub body: Vec<u8>,
}

impl Request {
    /// A header's value, by case-insensitive name.
    pub fn header(&self, name: &str) -> Option<&str> {
        let name = name.to_ascii_lowercase();
        self.headers
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.as_str())
    }

    /// The path without its query string.
    pub fn route(&self) -> &str {
        self.path.split('?').next().unwrap_or("/")
    }
}

/// Read one request: the head up to the blank line, then `Content-Length` bytes of body. `None` if the client
/// closed the connection first.
pub async fn read_request(stream: &mut TcpStream) -> Option<Request> {
    let mut buf = Vec::new();
    let mut chunk = [0u8; 4096];
    let head_end = loop {
        if let Some(i) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
            break i + 4;
        }
        match stream.read(&mut chunk).await {
            Ok(0) | Err(_) => return None,
            Ok(n) => buf.extend_from_slice(&chunk[..n]),
        }
    };
    let head = String::from_utf8_lossy(&buf[..head_end]).into_owned();
    let mut lines = head.split("\r\n");
    let mut first = lines.next().unwrap_or("").split_whitespace();
    let method = first.next().unwrap_or("GET").to_string();
    let path = first.next().unwrap_or("/").to_string();
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_ascii_lowercase(), v.trim().to_string()))
        .collect();
    let mut req = Request {
        method,
        path,
        headers,
        body: buf[head_end..].to_vec(),
    };
    let length: usize = req
        .header("content-length")
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);
    while req.body.len() < length {
        match stream.read(&mut chunk).await {
            Ok(0) | Err(_) => break,
            Ok(n) => req.body.extend_from_slice(&chunk[..n]),
        }
    }
    Some(req)
}

/// A whole response: status line, the given header lines (each ending in `\r\n`), content type and length, body.
pub fn response(status: &str, headers: &str, content_type: &str, body: &str) -> String {
    format!(
        "HTTP/1.1 {status}\r\n{headers}Content-Type: {content_type}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )
}

/// Send a whole response (see [`response`]) and close the connection: a handler's usual last step.
pub async fn send(mut stream: TcpStream, out: &str) -> Option<TcpStream> {
    let _ = stream.write_all(out.as_bytes()).await;
    let _ = stream.shutdown().await;
    None
}

/// The server; its task is stopped when dropped.
pub struct Loopback {
    /// `http://127.0.0.1:<port>`
    pub origin: String,
    task: tokio::task::JoinHandle<()>,
}

impl Loopback {
    /// Listen on a free loopback port; each request goes to `handler` with its stream. A stream the handler returns
    /// is kept open, unanswered, until the server is dropped (a server that hangs).
    pub async fn start<H, F>(handler: H) -> Loopback
    where
        H: Fn(Request, TcpStream) -> F + Send + Sync + 'static,
        F: Future<Output = Option<TcpStream>> + Send + 'static,
    {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
        let origin = format!("http://{}", listener.local_addr().expect("addr"));
        let handler = Arc::new(handler);
        let task = tokio::spawn(async move {
            let parked = Arc::new(tokio::sync::Mutex::new(Vec::new()));
            while let Ok((mut stream, _)) = listener.accept().await {
                let (parked, handler) = (parked.clone(), handler.clone());
                tokio::spawn(async move {
                    let Some(req) = read_request(&mut stream).await else {
                        return;
                    };
                    if let Some(stream) = handler(req, stream).await {
                        parked.lock().await.push(stream);
                    }
                });
            }
        });
        Loopback { origin, task }
    }
}

impl Drop for Loopback {
    fn drop(&mut self) {
        self.task.abort();
    }
}
