//! Issue 16, operations: with `--log-format json` every log line on stderr is a JSON object, and SIGTERM is a
//! graceful shutdown: open event streams are ended (the reader's connection closes, so it reconnects elsewhere),
//! and the process exits 0 promptly. Runs on either backend.

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::{post, Site, ARTICLE};

#[test]
fn json_logs_and_a_graceful_shutdown_that_ends_streams() {
    let site = Site::new("operations");
    let mut child = Command::new(env!("CARGO_BIN_EXE_folio-server"))
        .arg("--dist")
        .arg(site.root.join("dist"))
        .arg("--db")
        .arg(site.store.arg())
        .args(["--addr", "127.0.0.1:0", "--log-format", "json"])
        .env_remove("RUST_LOG")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn folio-server");
    let mut line = String::new();
    BufReader::new(child.stdout.take().expect("stdout"))
        .read_line(&mut line)
        .expect("the startup line");
    let port: u16 = line
        .trim_end()
        .strip_prefix("Folio is running at http://127.0.0.1:")
        .and_then(|rest| rest.strip_suffix('/'))
        .and_then(|p| p.parse().ok())
        .unwrap_or_else(|| panic!("unexpected first line {line:?}"));

    let mut stream = TcpStream::connect(("127.0.0.1", port)).expect("connect");
    stream
        .write_all(
            format!("GET /api/articles/{ARTICLE}/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
                .as_bytes(),
        )
        .expect("send");
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .expect("timeout");
    let mut head = [0u8; 64];
    let n = stream.read(&mut head).expect("the stream's head");
    assert!(String::from_utf8_lossy(&head[..n]).contains("200 OK"));
    assert!(post(port, "before the shutdown").is_some());

    let term = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .expect("kill -TERM");
    assert!(term.success());
    // The stream ends: read until the server closes the connection.
    let start = Instant::now();
    let mut rest = Vec::new();
    let closed = stream.read_to_end(&mut rest).is_ok();
    assert!(
        closed && start.elapsed() < Duration::from_secs(8),
        "the event stream was not ended by the shutdown"
    );
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        assert!(start.elapsed() < Duration::from_secs(10), "still running");
        std::thread::sleep(Duration::from_millis(50));
    };
    assert!(status.success(), "{status}");

    let mut stderr = String::new();
    child
        .stderr
        .take()
        .expect("stderr")
        .read_to_string(&mut stderr)
        .expect("the log");
    let lines: Vec<&str> = stderr.lines().filter(|l| !l.trim().is_empty()).collect();
    assert!(lines.len() >= 2, "{stderr}");
    for l in &lines {
        let v: serde_json::Value =
            serde_json::from_str(l).unwrap_or_else(|err| panic!("not JSON ({err}): {l}"));
        assert!(
            v["level"].is_string() && v["fields"]["message"].is_string(),
            "{l}"
        );
    }
    assert!(stderr.contains("seed comments imported"), "{stderr}");
    assert!(stderr.contains("shutting down"), "{stderr}");
}
