use std::fmt;

/// What a server said about a refused request, read from a Folio error body
/// (`{"error": {"code", "field", "message"}}`) when there is one.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ServerMessage {
    /// Machine-readable code (`invalid_field`).
    pub code: Option<String>,
    /// The form field at fault (`body`, `name`, `email`, `parent`).
    pub field: Option<String>,
    /// A sentence for the reader.
    pub message: Option<String>,
}

impl ServerMessage {
    /// Read a Folio (or similar `{"message": ...}`) error body; anything else gives an empty message.
    pub fn from_body(body: &str) -> Self {
        let Ok(v) = serde_json::from_str::<serde_json::Value>(body) else {
            return Self::default();
        };
        let e = v.get("error").filter(|e| e.is_object()).unwrap_or(&v);
        let s = |k: &str| e.get(k).and_then(|x| x.as_str()).map(str::to_string);
        Self {
            code: s("code"),
            field: s("field"),
            message: s("message")
                .or_else(|| v.get("error").and_then(|x| x.as_str()).map(str::to_string)),
        }
    }
}

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

#[cfg(test)]
mod tests;
