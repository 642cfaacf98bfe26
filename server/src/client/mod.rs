//! Who a request comes from, for the per-client limits (posts, edits, streams, connections). The TCP peer's
//! address, unless the peer is a `--trusted-proxy`: then the address that proxy (and any trusted proxy before it)
//! put in `X-Forwarded-For`. A header from anyone else is ignored, since any client can write one. Addresses are
//! grouped as one subscriber holds them: an IPv6 /64 (a home or a phone gets a whole /64, so rotating inside it must
//! not reset a limit), an IPv4 address (and an IPv4-mapped IPv6 one) as is.

use std::net::{IpAddr, Ipv6Addr};

use axum::http::HeaderMap;

#[cfg(test)]
mod tests;

/// The key the limits count under: `ip` with an IPv6 address cut to its /64.
pub fn group(ip: IpAddr) -> IpAddr {
    match canonical(ip) {
        IpAddr::V6(v6) => {
            let bits = u128::from(v6) & !((1u128 << 64) - 1);
            IpAddr::V6(Ipv6Addr::from(bits))
        }
        v4 => v4,
    }
}

/// An IPv4-mapped IPv6 address (`::ffff:a.b.c.d`, what a dual-stack socket reports) as the IPv4 address it is.
pub fn canonical(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V6(v6) => v6.to_ipv4_mapped().map_or(IpAddr::V6(v6), IpAddr::V4),
        v4 => v4,
    }
}

/// The client's address: `peer`, or, when `peer` is one of `trusted`, the right-most `X-Forwarded-For` entry that is
/// not itself a trusted proxy (each proxy appends the address it got the request from, so entries further left were
/// written by the client and prove nothing). A header that cannot be read leaves the peer's address.
pub fn client_address(peer: IpAddr, headers: &HeaderMap, trusted: &[IpAddr]) -> IpAddr {
    let peer = canonical(peer);
    if !is_trusted(peer, trusted) {
        return peer;
    }
    let mut hops = headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map(str::trim)
        .collect::<Vec<_>>();
    let mut client = peer;
    while let Some(hop) = hops.pop() {
        match parse_hop(hop) {
            Some(ip) if is_trusted(ip, trusted) => client = ip,
            Some(ip) => return ip,
            None => return client,
        }
    }
    client
}

/// Whether `ip` is one of the trusted proxies.
pub fn is_trusted(ip: IpAddr, trusted: &[IpAddr]) -> bool {
    let ip = canonical(ip);
    trusted.iter().any(|t| canonical(*t) == ip)
}

/// One `X-Forwarded-For` entry: an address, maybe with a port (`203.0.113.5:4711`, `[2001:db8::1]:4711`).
fn parse_hop(hop: &str) -> Option<IpAddr> {
    let ip = hop
        .parse::<IpAddr>()
        .ok()
        .or_else(|| hop.parse::<std::net::SocketAddr>().ok().map(|s| s.ip()))?;
    Some(canonical(ip))
}
