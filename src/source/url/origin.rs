//! The origin of a URL (`scheme://host[:port]`), as a browser computes it: what same-origin rules compare (edit
//! tokens are sent only to the origin they came from; avatars load only from the API's origin by default).

use super::resolve;

/// The origin (`scheme://host[:port]`, lower case, default port left out) of an absolute http(s) URL, as a browser
/// computes it; `None` for anything else (a relative URL, another scheme, no host, a port that is no number).
pub fn origin_of(url: &str) -> Option<String> {
    let url = resolve(None, url)?;
    let (scheme, rest) = url.split_once("://")?;
    let default_port = match scheme {
        "http" => 80,
        "https" => 443,
        _ => return None,
    };
    let authority = &rest[..rest.find(['/', '?', '#']).unwrap_or(rest.len())];
    // User information ends at the last `@` (as browsers read it).
    let host_port = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    // The port follows the last `:` after an IPv6 literal's `]`.
    let colon = host_port
        .rfind(':')
        .filter(|&i| host_port.rfind(']').is_none_or(|b| i > b));
    let (host, port) = match colon {
        Some(i) => (&host_port[..i], &host_port[i + 1..]),
        None => (host_port, ""),
    };
    if host.is_empty() {
        return None;
    }
    let port = match port {
        "" => default_port,
        p if p.bytes().all(|b| b.is_ascii_digit()) => p.parse::<u16>().ok()?,
        _ => return None,
    };
    let host = host.to_ascii_lowercase();
    Some(if port == default_port {
        format!("{scheme}://{host}")
    } else {
        format!("{scheme}://{host}:{port}")
    })
}
