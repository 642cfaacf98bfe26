//! Tests of client addresses: grouping and `X-Forwarded-For` behind trusted proxies.

use super::*;

fn ip(s: &str) -> IpAddr {
    s.parse().unwrap_or_else(|err| panic!("{s}: {err}"))
}

fn forwarded(values: &[&str]) -> HeaderMap {
    let mut headers = HeaderMap::new();
    for v in values {
        if let Ok(v) = v.parse() {
            headers.append("x-forwarded-for", v);
        }
    }
    headers
}

#[test]
fn groups_ipv6_by_64_and_ipv4_by_address() {
    assert_eq!(
        group(ip("2001:db8:1:2::1")),
        group(ip("2001:db8:1:2:ffff::9"))
    );
    assert_ne!(group(ip("2001:db8:1:2::1")), group(ip("2001:db8:1:3::1")));
    assert_eq!(group(ip("2001:db8:1:2::1")), ip("2001:db8:1:2::"));
    assert_ne!(group(ip("127.0.9.1")), group(ip("127.0.9.2")));
    assert_eq!(group(ip("::ffff:10.0.0.1")), ip("10.0.0.1"));
}

#[test]
fn forwarded_for_only_from_trusted_proxies() {
    let proxy = [ip("10.0.0.2")];
    let headers = forwarded(&["198.51.100.1, 203.0.113.5"]);
    assert_eq!(
        client_address(ip("10.0.0.2"), &headers, &proxy),
        ip("203.0.113.5")
    );
    assert_eq!(
        client_address(ip("::ffff:10.0.0.2"), &headers, &proxy),
        ip("203.0.113.5")
    );
    // Anyone else's header is ignored.
    assert_eq!(
        client_address(ip("192.0.2.9"), &headers, &proxy),
        ip("192.0.2.9")
    );
    assert_eq!(
        client_address(ip("10.0.0.2"), &headers, &[]),
        ip("10.0.0.2")
    );
    // Two trusted proxies in a row: the first untrusted entry from the right is the client.
    let chain = [ip("10.0.0.2"), ip("10.0.0.3")];
    let headers = forwarded(&["6.6.6.6", "203.0.113.7, 10.0.0.3"]);
    assert_eq!(
        client_address(ip("10.0.0.2"), &headers, &chain),
        ip("203.0.113.7")
    );
    // Ports, brackets, no header, garbage.
    let headers = forwarded(&["[2001:db8::5]:443"]);
    assert_eq!(
        client_address(ip("10.0.0.2"), &headers, &proxy),
        ip("2001:db8::5")
    );
    let headers = forwarded(&["203.0.113.8:4711"]);
    assert_eq!(
        client_address(ip("10.0.0.2"), &headers, &proxy),
        ip("203.0.113.8")
    );
    assert_eq!(
        client_address(ip("10.0.0.2"), &HeaderMap::new(), &proxy),
        ip("10.0.0.2")
    );
    let headers = forwarded(&["unknown"]);
    assert_eq!(
        client_address(ip("10.0.0.2"), &headers, &proxy),
        ip("10.0.0.2")
    );
}
