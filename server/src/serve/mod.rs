//! Serving the router on a socket with the limits that keep one client from taking the server down (issue 12,
//! finding 2): caps on open connections, in all and per client address (`conns`), and a time limit on reading a
//! request's headers (hyper's `header_read_timeout`, which also closes a keep-alive connection left idle that
//! long). `axum::serve` has neither, hence serving by hand. A connection over a cap gets a 503 at once (`refuse`),
//! so its client learns why instead of hanging in the accept queue.

mod conns;
mod refuse;

use std::future::Future;
use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;
use std::time::Duration;

use axum::extract::ConnectInfo;
use axum::Router;
use hyper::body::Incoming;
use hyper::server::conn::http1;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use tokio::net::TcpListener;
use tower::ServiceExt;

use crate::config::Config;
use conns::Connections;

/// How long a shutdown waits for requests in flight (event streams end at once on the stop signal).
const GRACE: Duration = Duration::from_secs(10);

/// The limits applied while serving.
#[derive(Debug, Clone)]
pub struct ServeLimits {
    /// Open connections at most; 0: no limit.
    pub max_connections: usize,
    /// Open connections per client address (an IPv6 /64) at most, trusted proxies exempt; 0: no limit.
    pub max_connections_per_address: usize,
    /// The time a client has to send a request's headers; `None`: no limit.
    pub header_timeout: Option<Duration>,
    /// The reverse proxies, exempt from the per-address cap.
    pub trusted_proxies: Arc<[IpAddr]>,
}

impl ServeLimits {
    /// The limits of `config`.
    pub fn from_config(config: &Config) -> Self {
        let limits = &config.limits;
        ServeLimits {
            max_connections: limits.max_connections,
            max_connections_per_address: limits.max_connections_per_address,
            header_timeout: (limits.header_timeout_secs > 0)
                .then(|| Duration::from_secs(limits.header_timeout_secs)),
            trusted_proxies: Arc::from(limits.trusted_proxies.as_slice()),
        }
    }
}

/// Serves `router` on `listener` until `shutdown` resolves, then lets requests in flight finish (for at most
/// ten seconds). Each request carries its peer's address as [`ConnectInfo`], as with axum's own server.
pub async fn serve(
    listener: TcpListener,
    router: Router,
    limits: ServeLimits,
    shutdown: impl Future<Output = ()>,
) {
    let conns = Connections::new(
        limits.max_connections,
        limits.max_connections_per_address,
        limits.trusted_proxies.clone(),
    );
    let mut http = http1::Builder::new();
    http.timer(TokioTimer::new())
        .header_read_timeout(limits.header_timeout);
    let graceful = GracefulShutdown::new();
    tokio::pin!(shutdown);
    loop {
        let (stream, peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(pair) => pair,
                Err(err) => {
                    // Out of file descriptors, typically: wait for some to close instead of spinning.
                    tracing::error!("cannot accept a connection: {err}");
                    tokio::time::sleep(Duration::from_millis(100)).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let Some(admitted) = conns.admit(peer.ip()) else {
            tokio::spawn(refuse::busy(stream));
            continue;
        };
        let router = router.clone();
        let service = hyper::service::service_fn(move |mut req: hyper::Request<Incoming>| {
            req.extensions_mut().insert(ConnectInfo::<SocketAddr>(peer));
            router.clone().oneshot(req)
        });
        let conn = graceful.watch(http.serve_connection(TokioIo::new(stream), service));
        tokio::spawn(async move {
            // A client that goes away or times out ends its connection; there is nothing to report.
            let _ = conn.await;
            drop(admitted);
        });
    }
    drop(listener);
    let _ = tokio::time::timeout(GRACE, graceful.shutdown()).await;
}
