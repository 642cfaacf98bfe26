//! The list of origins the server may fetch from (`--render-origin`), which of them may be on a private network
//! (`--render-allow-private`), and the limits of one fetch. An origin matches exactly: scheme, host and port, after
//! the WHATWG URL parser has normalised them (so `http://0x7f.1/` is `http://127.0.0.1`, `HTTPS://API.Example:443`
//! is `https://api.example`).

use std::net::IpAddr;
use std::time::Duration;

use url::{Host, Url};

use super::address::classify;
use super::error::FetchError;

/// Redirects followed at most in one fetch; each one is checked like the first URL.
pub const MAX_REDIRECTS: usize = 3;

/// One listed origin.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Listed {
    origin: url::Origin,
    allow_private: bool,
}

/// What the server may fetch, and how much.
#[derive(Clone, Debug)]
pub struct Policy {
    listed: Vec<Listed>,
    /// The whole fetch (every redirect and the body) must be done within this.
    pub timeout: Duration,
    /// A body larger than this is refused (and not read further).
    pub max_bytes: u64,
}

/// A URL the policy accepts, ready to connect to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Target {
    /// The URL.
    pub url: Url,
    /// Its host, parsed (a name to resolve, or an address).
    pub host: Host<String>,
    /// Its port (the scheme's default when none is written).
    pub port: u16,
    /// https: the connection is TLS.
    pub tls: bool,
    /// The operator opened this origin to private addresses.
    pub allow_private: bool,
}

/// `value` as the origin the list compares with (`scheme://host[:port]`, default port left out), or what is wrong
/// with it. Used for the command line, so a typo stops the server instead of refusing every page.
pub fn parse_origin(value: &str) -> Result<String, String> {
    let url = Url::parse(value).map_err(|e| format!("{value:?} is not a URL: {e}"))?;
    let bad = |why: &str| {
        Err(format!(
            "{value:?} is not an origin such as https://api.example: {why}"
        ))
    };
    if !matches!(url.scheme(), "http" | "https") {
        return bad("only http and https are fetched");
    }
    if !url.username().is_empty() || url.password().is_some() {
        return bad("it holds a user name or password");
    }
    if url.path() != "/" || url.query().is_some() || url.fragment().is_some() {
        return bad("an origin has no path, query or fragment");
    }
    if url.host().is_none() {
        return bad("it has no host");
    }
    Ok(url.origin().ascii_serialization())
}

impl Policy {
    /// The policy of the command line's values. `private` origins must be listed too.
    pub fn new(
        origins: &[String],
        private: &[String],
        timeout: Duration,
        max_bytes: u64,
    ) -> Result<Policy, String> {
        let parse = |o: &str| {
            parse_origin(o)
                .and_then(|o| Url::parse(&o).map_err(|e| e.to_string()))
                .map(|u| u.origin())
        };
        let mut listed = Vec::new();
        for o in origins {
            listed.push(Listed {
                origin: parse(o)?,
                allow_private: false,
            });
        }
        for o in private {
            let origin = parse(o)?;
            match listed.iter_mut().find(|l| l.origin == origin) {
                Some(l) => l.allow_private = true,
                None => {
                    return Err(format!(
                        "--render-allow-private {o} is not also given as --render-origin"
                    ))
                }
            }
        }
        Ok(Policy {
            listed,
            timeout,
            max_bytes,
        })
    }

    /// Whether any origin is listed (else every fetch is refused).
    pub fn is_enabled(&self) -> bool {
        !self.listed.is_empty()
    }

    /// `url` checked against the list; `via` is the URL that redirected to it, for the message.
    pub fn target(&self, url: &str, via: Option<&str>) -> Result<Target, FetchError> {
        if !self.is_enabled() {
            return Err(FetchError::NotEnabled);
        }
        let bad = |why: &str| FetchError::BadUrl {
            url: url.to_string(),
            why: why.to_string(),
        };
        let parsed = Url::parse(url).map_err(|e| bad(&format!("not an absolute URL ({e})")))?;
        let tls = match parsed.scheme() {
            "https" => true,
            "http" => false,
            _ => return Err(bad("only http and https are fetched")),
        };
        if !parsed.username().is_empty() || parsed.password().is_some() {
            return Err(bad("it holds a user name or password"));
        }
        let (Some(host), Some(port)) = (parsed.host(), parsed.port_or_known_default()) else {
            return Err(bad("it has no host"));
        };
        let origin = parsed.origin();
        let Some(listed) = self.listed.iter().find(|l| l.origin == origin) else {
            return Err(FetchError::NotListed {
                url: url.to_string(),
                origin: origin.ascii_serialization(),
                via: via.map(str::to_string),
            });
        };
        let target = Target {
            host: host.to_owned(),
            port,
            tls,
            allow_private: listed.allow_private,
            url: parsed,
        };
        // An address in the URL itself is refused before anything is sent; names are checked once resolved.
        match target.host {
            Host::Ipv4(ip) => target.check(IpAddr::V4(ip))?,
            Host::Ipv6(ip) => target.check(IpAddr::V6(ip))?,
            Host::Domain(_) => {}
        }
        Ok(target)
    }
}

impl Target {
    /// Whether the connection may go to `ip` (one of the host's resolved addresses, or the host itself).
    pub fn check(&self, ip: IpAddr) -> Result<(), FetchError> {
        match classify(ip) {
            Some(class) if !(self.allow_private && class.may_be_allowed()) => {
                Err(FetchError::Address {
                    url: self.url.to_string(),
                    host: self.host.to_string(),
                    ip,
                    class,
                })
            }
            _ => Ok(()),
        }
    }

    /// The `Host` header: the host, with the port when it is not the scheme's default.
    pub fn host_header(&self) -> String {
        match self.url.port() {
            Some(port) => format!("{}:{port}", self.host),
            None => self.host.to_string(),
        }
    }

    /// The request target: path and query (never the fragment, which stays with the client).
    pub fn path_and_query(&self) -> String {
        match self.url.query() {
            Some(q) => format!("{}?{q}", self.url.path()),
            None => self.url.path().to_string(),
        }
    }
}
