//! The answer to a connection over a cap: a complete 503 in the API's error shape, written at once, then the
//! connection closed. Written before the request is read, so the request is drained briefly afterwards: closing a
//! socket with unread data resets it, and the client might lose the answer.

use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

/// How long a refused connection may take to receive its answer and send its request.
const LINGER: Duration = Duration::from_secs(1);

const BODY: &str = r#"{"error":{"code":"server_busy","message":"The server has too many open connections. Please try again in a few seconds."}}"#;

/// Answers 503 and closes `stream`.
pub(super) async fn busy(mut stream: TcpStream) {
    let head = format!(
        "HTTP/1.1 503 Service Unavailable\r\ncontent-type: application/json\r\ncache-control: no-store\r\n\
         retry-after: 5\r\nconnection: close\r\ncontent-length: {}\r\n\r\n",
        BODY.len()
    );
    let answer = async {
        stream.write_all(head.as_bytes()).await?;
        stream.write_all(BODY.as_bytes()).await?;
        stream.shutdown().await?;
        let mut sink = [0u8; 4096];
        while stream.read(&mut sink).await? > 0 {}
        Ok::<(), std::io::Error>(())
    };
    // A client that does not read or does not stop sending is cut off: refusing must stay cheap.
    let _ = tokio::time::timeout(LINGER, answer).await;
}
