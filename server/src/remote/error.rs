//! Why a server-side fetch did not give a document: refused by the policy (403), the other side failed (502), or
//! it took too long (504). Each message names the URL and the reason, for the error page and the log.

use std::fmt;
use std::net::IpAddr;

use axum::http::StatusCode;

use super::address::Forbidden;

/// What went wrong, with the URL it concerns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FetchError {
    /// The server was started without `--render-origin`.
    NotEnabled,
    /// Not an absolute http(s) URL, or one with a user name or password in it.
    BadUrl {
        /// The URL as given.
        url: String,
        /// What is wrong with it.
        why: String,
    },
    /// The URL's origin is not on the list; `via` is the URL whose redirect pointed there.
    NotListed {
        /// The refused URL.
        url: String,
        /// Its origin, as the list would have to spell it.
        origin: String,
        /// The listed URL that redirected to it.
        via: Option<String>,
    },
    /// The host is, or resolves to, an address the policy refuses.
    Address {
        /// The refused URL.
        url: String,
        /// The host name or address in it.
        host: String,
        /// The address.
        ip: IpAddr,
        /// What kind of address it is.
        class: Forbidden,
    },
    /// The host name did not resolve.
    Resolve {
        /// The URL.
        url: String,
        /// The resolver's answer.
        why: String,
    },
    /// No connection, or the exchange failed (TLS included).
    Connect {
        /// The URL.
        url: String,
        /// What failed.
        why: String,
    },
    /// The answer was not a success.
    Status {
        /// The URL.
        url: String,
        /// Its status.
        status: u16,
    },
    /// More redirects than allowed.
    TooManyRedirects {
        /// The URL that redirected once too often.
        url: String,
        /// The cap.
        max: usize,
    },
    /// The body (or its announced length) passed the size cap; reading stopped there.
    TooLarge {
        /// The URL.
        url: String,
        /// The cap in bytes.
        max: u64,
    },
    /// The body is not UTF-8 text.
    NotText {
        /// The URL.
        url: String,
    },
    /// The whole fetch (redirects and body included) took longer than the timeout.
    Timeout {
        /// The URL first asked for.
        url: String,
        /// The timeout in seconds.
        secs: u64,
    },
}

impl FetchError {
    /// The status of the page that reports it: 403 for what the policy refuses, 504 for a timeout, 502 for a
    /// failure of the other side.
    pub fn status(&self) -> StatusCode {
        match self {
            FetchError::NotEnabled | FetchError::NotListed { .. } | FetchError::Address { .. } => {
                StatusCode::FORBIDDEN
            }
            FetchError::BadUrl { .. } => StatusCode::BAD_REQUEST,
            FetchError::Timeout { .. } => StatusCode::GATEWAY_TIMEOUT,
            _ => StatusCode::BAD_GATEWAY,
        }
    }
}

impl fmt::Display for FetchError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FetchError::NotEnabled => f.write_str(
                "this server renders no other sources: it was started without --render-origin",
            ),
            FetchError::BadUrl { url, why } => write!(f, "{url:?} cannot be fetched: {why}"),
            FetchError::NotListed { url, origin, via } => {
                write!(f, "{url} is refused: its origin {origin} is not on this server's list of render origins")?;
                match via {
                    Some(via) => write!(f, " (the listed {via} redirected there)"),
                    None => Ok(()),
                }
            }
            FetchError::Address {
                url,
                host,
                ip,
                class,
            } => {
                // An address in the URL is named as the address it is (an IPv6 one may be spelled differently).
                if host.trim_matches(['[', ']']).parse::<IpAddr>().is_ok() {
                    write!(f, "{url} is refused: {ip} is {class}")
                } else {
                    write!(f, "{url} is refused: {host} resolves to {ip}, {class}")
                }
            }
            FetchError::Resolve { url, why } => {
                write!(
                    f,
                    "{url} could not be fetched: its host name did not resolve ({why})"
                )
            }
            FetchError::Connect { url, why } => write!(f, "{url} could not be fetched: {why}"),
            FetchError::Status { url, status } => write!(f, "{url} answered HTTP {status}"),
            FetchError::TooManyRedirects { url, max } => {
                write!(f, "{url} is refused: more than {max} redirects")
            }
            FetchError::TooLarge { url, max } => {
                write!(f, "{url} is refused: its answer is larger than {max} bytes")
            }
            FetchError::NotText { url } => write!(f, "{url} did not answer UTF-8 text"),
            FetchError::Timeout { url, secs } => {
                let unit = if *secs == 1 { "second" } else { "seconds" };
                write!(f, "{url} did not answer within {secs} {unit}")
            }
        }
    }
}

impl std::error::Error for FetchError {}
