//! How a [`NetError`] reads in logs and in the widget's technical details: one sentence per kind, with the
//! server's own message appended when it sent one.

use std::fmt;

use super::{NetError, ServerMessage};

impl fmt::Display for NetError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NotFound { url } => write!(f, "nothing was found at {url}"),
            Self::RateLimited {
                retry_after: Some(s),
            } => write!(f, "too many requests; retry in {s} s"),
            Self::RateLimited { retry_after: None } => write!(f, "too many requests"),
            Self::Refused { status, server } => {
                write!(
                    f,
                    "the server refused the request ({status}{})",
                    suffix(server)
                )
            }
            Self::Server { status, server } => {
                write!(f, "the server failed ({status}{})", suffix(server))
            }
            Self::Timeout { seconds } => write!(f, "no answer within {seconds} s"),
            Self::Offline => write!(f, "the browser is offline"),
            Self::Unreachable { url } => write!(f, "{url} could not be reached"),
            Self::CorsRefused { url } => write!(
                f,
                "{url} answered but does not allow this page's origin (CORS): the API must send \
                 Access-Control-Allow-Origin for this site"
            ),
            Self::Interrupted { url } => {
                write!(
                    f,
                    "the connection to {url} closed before the answer was complete"
                )
            }
            Self::BadUrl { url } => write!(f, "\"{url}\" is not a usable URL"),
        }
    }
}

fn suffix(server: &ServerMessage) -> String {
    server
        .message
        .as_deref()
        .map(|m| format!(": {m}"))
        .unwrap_or_default()
}
