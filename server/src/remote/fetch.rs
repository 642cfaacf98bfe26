//! One server-side `GET`, made safe: the URL must be on the list ([`Policy::target`]); the server resolves the host
//! name itself, checks every address it gets and connects to a checked address (never resolving again, so a DNS
//! answer that changes between check and connect — rebinding — reaches nothing unchecked); redirects are followed
//! only to listed origins, each hop checked like the first, at most [`MAX_REDIRECTS`]; the body is read up to
//! [`Policy::max_bytes`]; and all of it, redirects and body included, must finish within [`Policy::timeout`].
//!
//! HTTP/1.1 by hand on hyper's client connection (no pool, one request per connection), over TLS for https
//! (rustls with the Mozilla roots of `webpki-roots`, so the result does not depend on the host's certificate store).

use std::net::{IpAddr, SocketAddr};
use std::sync::{Arc, OnceLock};

use axum::http::{header, Request, StatusCode};
use http_body_util::{BodyExt, Empty};
use hyper::body::{Bytes, Incoming};
use hyper::Response;
use hyper_util::rt::TokioIo;
use tokio::io::{AsyncRead, AsyncWrite};
use tokio::net::TcpStream;
use tokio::task::JoinHandle;
use tokio_rustls::rustls::pki_types::ServerName;
use tokio_rustls::rustls::{ClientConfig, RootCertStore};
use tokio_rustls::TlsConnector;
use url::Host;

use super::error::FetchError;
use super::policy::{Policy, Target, MAX_REDIRECTS};

/// What the server says it is, so an API's operator can tell these requests apart.
const USER_AGENT: &str = concat!(
    "folio-server/",
    env!("CARGO_PKG_VERSION"),
    " (server rendering)"
);

/// A fetched document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fetched {
    /// The URL that answered (after redirects).
    pub url: String,
    /// The body.
    pub text: String,
    /// The paging headers it came with (`folio::net::PAGING_HEADERS`), for a comment list's next page.
    pub paging: Vec<(String, String)>,
}

/// `GET url` under `policy`: the body as text, or why not.
pub async fn fetch(policy: &Policy, url: &str) -> Result<Fetched, FetchError> {
    match tokio::time::timeout(policy.timeout, follow(policy, url)).await {
        Ok(result) => result,
        Err(_) => Err(FetchError::Timeout {
            url: url.to_string(),
            secs: policy.timeout.as_secs(),
        }),
    }
}

/// The fetch and its redirects, without the overall timeout.
async fn follow(policy: &Policy, url: &str) -> Result<Fetched, FetchError> {
    let mut current = url.to_string();
    let mut via: Option<String> = None;
    for hop in 0..=MAX_REDIRECTS {
        let target = policy.target(&current, via.as_deref())?;
        let (response, _connection) = get(&target).await?;
        let status = response.status();
        if status.is_redirection() && status != StatusCode::NOT_MODIFIED {
            let next = response
                .headers()
                .get(header::LOCATION)
                .and_then(|v| v.to_str().ok())
                .and_then(|location| target.url.join(location).ok());
            let Some(next) = next else {
                return Err(FetchError::Status {
                    url: current,
                    status: status.as_u16(),
                });
            };
            if hop == MAX_REDIRECTS {
                return Err(FetchError::TooManyRedirects {
                    url: current,
                    max: MAX_REDIRECTS,
                });
            }
            via = Some(current);
            current = next.to_string();
            continue;
        }
        if !status.is_success() {
            return Err(FetchError::Status {
                url: current,
                status: status.as_u16(),
            });
        }
        let paging = crate::handlers::read::paging_headers(response.headers());
        let body = read_body(response, &current, policy.max_bytes).await?;
        let text = String::from_utf8(body).map_err(|_| FetchError::NotText {
            url: current.clone(),
        })?;
        return Ok(Fetched {
            url: current,
            text,
            paging,
        });
    }
    // The loop returns on its last hop; this is never reached.
    Err(FetchError::TooManyRedirects {
        url: current,
        max: MAX_REDIRECTS,
    })
}

/// Aborts the task driving a connection when dropped, so nothing outlives a fetch that ended or timed out.
struct Connection(JoinHandle<()>);

impl Drop for Connection {
    fn drop(&mut self) {
        self.0.abort();
    }
}

/// One request to `target` on a fresh connection; the response's body is read through the returned connection.
async fn get(target: &Target) -> Result<(Response<Incoming>, Connection), FetchError> {
    let tcp = connect(target).await?;
    let failed = |why: String| FetchError::Connect {
        url: target.url.to_string(),
        why,
    };
    if target.tls {
        let name = server_name(&target.host).map_err(failed)?;
        let tls = TlsConnector::from(tls_config().map_err(failed)?)
            .connect(name, tcp)
            .await
            .map_err(|e| failed(format!("TLS failed: {e}")))?;
        exchange(target, tls).await
    } else {
        exchange(target, tcp).await
    }
}

/// The request and its response head over `io`.
async fn exchange<T>(target: &Target, io: T) -> Result<(Response<Incoming>, Connection), FetchError>
where
    T: AsyncRead + AsyncWrite + Unpin + Send + 'static,
{
    let failed = |e: &dyn std::fmt::Display| FetchError::Connect {
        url: target.url.to_string(),
        why: format!("HTTP failed: {e}"),
    };
    let (mut sender, driver) = hyper::client::conn::http1::handshake(TokioIo::new(io))
        .await
        .map_err(|e| failed(&e))?;
    let connection = Connection(tokio::spawn(async move {
        let _ = driver.await;
    }));
    let request = Request::get(target.path_and_query())
        .header(header::HOST, target.host_header())
        .header(header::USER_AGENT, USER_AGENT)
        .header(header::ACCEPT, "application/json")
        // Compressed bodies would need decoding and would make the size cap count the wrong bytes.
        .header(header::ACCEPT_ENCODING, "identity")
        .header(header::CONNECTION, "close")
        .body(Empty::<Bytes>::new())
        .map_err(|e| failed(&e))?;
    let response = sender.send_request(request).await.map_err(|e| failed(&e))?;
    Ok((response, connection))
}

/// A TCP connection to one of the host's checked addresses, tried in the resolver's order.
async fn connect(target: &Target) -> Result<TcpStream, FetchError> {
    let addresses = addresses(target).await?;
    let mut last = String::from("no address");
    for address in addresses {
        match TcpStream::connect(address).await {
            Ok(stream) => return Ok(stream),
            Err(e) => last = format!("cannot connect to {address}: {e}"),
        }
    }
    Err(FetchError::Connect {
        url: target.url.to_string(),
        why: last,
    })
}

/// The host's addresses, every one checked: one refused address refuses the host (a name that mixes public and
/// private addresses is not one to trust with a request from inside).
async fn addresses(target: &Target) -> Result<Vec<SocketAddr>, FetchError> {
    let ips: Vec<IpAddr> = match &target.host {
        Host::Ipv4(ip) => vec![IpAddr::V4(*ip)],
        Host::Ipv6(ip) => vec![IpAddr::V6(*ip)],
        Host::Domain(name) => tokio::net::lookup_host((name.as_str(), target.port))
            .await
            .map_err(|e| FetchError::Resolve {
                url: target.url.to_string(),
                why: e.to_string(),
            })?
            .map(|a| a.ip())
            .collect(),
    };
    if ips.is_empty() {
        return Err(FetchError::Resolve {
            url: target.url.to_string(),
            why: "no address".into(),
        });
    }
    for ip in &ips {
        target.check(*ip)?;
    }
    Ok(ips
        .into_iter()
        .map(|ip| SocketAddr::new(ip, target.port))
        .collect())
}

/// The body, refused as soon as it passes `max` bytes (announced or received).
async fn read_body(
    response: Response<Incoming>,
    url: &str,
    max: u64,
) -> Result<Vec<u8>, FetchError> {
    let too_large = || FetchError::TooLarge {
        url: url.to_string(),
        max,
    };
    let announced = response
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if announced.is_some_and(|n| n > max) {
        return Err(too_large());
    }
    let mut body = response.into_body();
    let mut bytes = Vec::new();
    while let Some(frame) = body.frame().await {
        let frame = frame.map_err(|e| FetchError::Connect {
            url: url.to_string(),
            why: format!("the body could not be read: {e}"),
        })?;
        if let Ok(data) = frame.into_data() {
            if (bytes.len() + data.len()) as u64 > max {
                return Err(too_large());
            }
            bytes.extend_from_slice(&data);
        }
    }
    Ok(bytes)
}

/// The name the certificate must carry: the host name, or the address the URL names.
pub(super) fn server_name(host: &Host<String>) -> Result<ServerName<'static>, String> {
    match host {
        Host::Domain(name) => ServerName::try_from(name.clone())
            .map_err(|e| format!("{name} is not a name TLS can check: {e}")),
        Host::Ipv4(ip) => Ok(ServerName::IpAddress(IpAddr::V4(*ip).into())),
        Host::Ipv6(ip) => Ok(ServerName::IpAddress(IpAddr::V6(*ip).into())),
    }
}

/// The TLS settings, built once: the Mozilla roots, TLS 1.2 and 1.3 with rustls's safe defaults (ring as the
/// crypto provider), HTTP/1.1.
pub(super) fn tls_config() -> Result<Arc<ClientConfig>, String> {
    static CONFIG: OnceLock<Result<Arc<ClientConfig>, String>> = OnceLock::new();
    CONFIG
        .get_or_init(|| {
            let mut roots = RootCertStore::empty();
            roots.extend(webpki_roots::TLS_SERVER_ROOTS.iter().cloned());
            let provider = Arc::new(tokio_rustls::rustls::crypto::ring::default_provider());
            let mut config = ClientConfig::builder_with_provider(provider)
                .with_safe_default_protocol_versions()
                .map_err(|e| format!("TLS cannot be set up: {e}"))?
                .with_root_certificates(roots)
                .with_no_client_auth();
            config.alpn_protocols = vec![b"http/1.1".to_vec()];
            Ok(Arc::new(config))
        })
        .clone()
}
