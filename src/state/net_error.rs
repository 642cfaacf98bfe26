//! Why a request failed: [`NetError`], classified from an HTTP status or a browser failure, and what the server
//! said ([`ServerMessage`], in [`server_message`]). Its wording is in [`display`].

mod display;
mod server_message;

pub use server_message::ServerMessage;

/// Why a request failed, named so the widget can tell the reader what happened and what to do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NetError {
    /// 404 or 410: there is nothing at that address.
    NotFound {
        /// The address asked for.
        url: String,
    },
    /// 429: too many requests.
    RateLimited {
        /// Seconds the server asked to wait, from `Retry-After`.
        retry_after: Option<u32>,
    },
    /// Another 4xx: the server refused the request.
    Refused {
        /// The status code.
        status: u16,
        /// What the server said.
        server: ServerMessage,
    },
    /// 5xx: the server failed.
    Server {
        /// The status code.
        status: u16,
        /// What the server said.
        server: ServerMessage,
    },
    /// No answer within the time limit.
    Timeout {
        /// The limit, in seconds.
        seconds: u32,
    },
    /// The browser reports no network connection.
    Offline,
    /// The request did not complete and the server could not be reached at all.
    Unreachable {
        /// The address asked for.
        url: String,
    },
    /// The server answered, but without a CORS header allowing this page's origin, so the browser withheld the
    /// answer. (Browsers report this exactly like an unreachable server; Folio tells them apart with a second,
    /// `no-cors` request, which succeeds only when the server is there.)
    CorsRefused {
        /// The address asked for.
        url: String,
    },
    /// The answer started but the connection closed before it was complete.
    Interrupted {
        /// The address asked for.
        url: String,
    },
    /// The address itself is unusable.
    BadUrl {
        /// What was given.
        url: String,
    },
}

impl NetError {
    /// Classify a non-2xx HTTP answer.
    pub fn from_status(status: u16, url: &str, body: &str, retry_after: Option<&str>) -> Self {
        match status {
            404 | 410 => Self::NotFound {
                url: url.to_string(),
            },
            429 => Self::RateLimited {
                retry_after: retry_after.and_then(|r| r.trim().parse().ok()),
            },
            500..=599 => Self::Server {
                status,
                server: ServerMessage::from_body(body),
            },
            _ => Self::Refused {
                status,
                server: ServerMessage::from_body(body),
            },
        }
    }

    /// The server's own message, when it sent one.
    pub fn server_message(&self) -> Option<&ServerMessage> {
        match self {
            Self::Refused { server, .. } | Self::Server { server, .. } => Some(server),
            _ => None,
        }
    }

    /// Whether trying again later may help (a 400 will fail the same way; a timeout may not).
    pub fn is_transient(&self) -> bool {
        !matches!(
            self,
            Self::NotFound { .. }
                | Self::Refused { .. }
                | Self::BadUrl { .. }
                | Self::CorsRefused { .. }
        )
    }
}

#[cfg(test)]
mod tests;
