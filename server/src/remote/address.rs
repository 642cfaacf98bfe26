//! Which IP addresses a server-side fetch may connect to. Only public unicast addresses by default: everything a
//! request from inside the server's network could reach but a reader could not (loopback, private ranges, link-local
//! with the clouds' metadata service at 169.254.169.254, IPv6 unique-local, …) is refused, and so are addresses that
//! reach no single host (unspecified, multicast, broadcast) or that wrap an IPv4 address in IPv6 (mapped,
//! compatible, NAT64, 6to4), whose IPv4 part is judged by the same rules.

use std::fmt;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

/// Why an address is not a public unicast one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Forbidden {
    /// `0.0.0.0/8`, `::`: "this host", which connects to the server itself on most systems.
    Unspecified,
    /// `127.0.0.0/8`, `::1`.
    Loopback,
    /// `10/8`, `172.16/12`, `192.168/16`, and `100.64/10` (carrier-grade NAT, shared address space).
    Private,
    /// `169.254/16` (the cloud metadata service lives there), `fe80::/10`, and the old site-local `fec0::/10`.
    LinkLocal,
    /// `fc00::/7`: IPv6's private addresses.
    UniqueLocal,
    /// `224/4`, `ff00::/8`.
    Multicast,
    /// `255.255.255.255`.
    Broadcast,
    /// Documentation, benchmarking, IETF protocol and reserved ranges (`192.0.2/24`, `198.18/15`, `240/4`,
    /// `2001:db8::/32`, `100::/64`, Teredo `2001::/32`, the deprecated IPv4-compatible `::a.b.c.d` …): no public
    /// API lives there.
    Reserved,
}

impl Forbidden {
    /// Whether `--render-allow-private` may open this class for one origin: a host on the operator's own network
    /// (private, loopback, link-local, unique-local), never an address that names no single host.
    pub fn may_be_allowed(self) -> bool {
        matches!(
            self,
            Forbidden::Loopback
                | Forbidden::Private
                | Forbidden::LinkLocal
                | Forbidden::UniqueLocal
        )
    }
}

impl fmt::Display for Forbidden {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Forbidden::Unspecified => "an unspecified address",
            Forbidden::Loopback => "a loopback address",
            Forbidden::Private => "a private address",
            Forbidden::LinkLocal => "a link-local address",
            Forbidden::UniqueLocal => "a unique-local address",
            Forbidden::Multicast => "a multicast address",
            Forbidden::Broadcast => "the broadcast address",
            Forbidden::Reserved => "a reserved address",
        })
    }
}

/// `None` for a public unicast address, else why it is not one.
pub fn classify(ip: IpAddr) -> Option<Forbidden> {
    match ip {
        IpAddr::V4(v4) => classify_v4(v4),
        IpAddr::V6(v6) => classify_v6(v6),
    }
}

fn classify_v4(ip: Ipv4Addr) -> Option<Forbidden> {
    let [a, b, c, _] = ip.octets();
    Some(match (a, b, c) {
        (0, _, _) => Forbidden::Unspecified,
        (127, _, _) => Forbidden::Loopback,
        (10, _, _) | (192, 168, _) => Forbidden::Private,
        (172, 16..=31, _) | (100, 64..=127, _) => Forbidden::Private,
        (169, 254, _) => Forbidden::LinkLocal,
        (224..=239, _, _) => Forbidden::Multicast,
        _ if ip.is_broadcast() => Forbidden::Broadcast,
        (240..=255, _, _) => Forbidden::Reserved,
        (192, 0, 0) | (192, 0, 2) | (198, 51, 100) | (203, 0, 113) => Forbidden::Reserved,
        (198, 18..=19, _) => Forbidden::Reserved,
        _ => return None,
    })
}

fn classify_v6(ip: Ipv6Addr) -> Option<Forbidden> {
    let s = ip.segments();
    // The IPv4 address in the low 32 bits, for the forms that carry one.
    let low_v4 = || {
        let o = ip.octets();
        Ipv4Addr::new(o[12], o[13], o[14], o[15])
    };
    if ip.is_unspecified() {
        return Some(Forbidden::Unspecified);
    }
    if ip.is_loopback() {
        return Some(Forbidden::Loopback);
    }
    match s {
        // ::ffff:a.b.c.d (mapped) and 64:ff9b::a.b.c.d (NAT64): the IPv4 address is what is reached.
        [0, 0, 0, 0, 0, 0xffff, _, _] | [0x64, 0xff9b, 0, 0, 0, 0, _, _] => {
            return classify_v4(low_v4());
        }
        // ::a.b.c.d (IPv4-compatible, deprecated since 2006) and 64:ff9b:1::/48 (local-use NAT64).
        [0, 0, 0, 0, 0, 0, _, _] | [0x64, 0xff9b, 1, ..] => return Some(Forbidden::Reserved),
        // 6to4: 2002:AABB:CCDD::/48 tunnels to the IPv4 address AA.BB.CC.DD.
        [0x2002, hi, lo, ..] => {
            let v4 = Ipv4Addr::new((hi >> 8) as u8, hi as u8, (lo >> 8) as u8, lo as u8);
            return classify_v4(v4).map(|_| Forbidden::Reserved);
        }
        _ => {}
    }
    Some(match s[0] {
        0xff00..=0xffff => Forbidden::Multicast,
        // fe80::/10 link-local and fec0::/10, the site-local range deprecated in 2004.
        0xfe80..=0xfeff => Forbidden::LinkLocal,
        0xfc00..=0xfdff => Forbidden::UniqueLocal,
        // Teredo (2001::/32) tunnels to an address it hides; 2001:db8::/32 is for documentation.
        0x2001 if s[1] == 0 || s[1] == 0xdb8 => Forbidden::Reserved,
        // 100::/64, the discard-only prefix.
        0x100 if s[1..4] == [0, 0, 0] => Forbidden::Reserved,
        // Outside 2000::/3 nothing is allocated for global unicast.
        0..=0x1fff | 0x4000..=0xfbff => Forbidden::Reserved,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn class(text: &str) -> Option<Forbidden> {
        classify(text.parse().expect("an IP address"))
    }

    // Every range an SSRF would aim at is refused, named for the error page.
    #[test]
    fn non_public_addresses_are_named() {
        use Forbidden::*;
        let cases = [
            ("0.0.0.0", Unspecified),
            ("0.1.2.3", Unspecified),
            ("::", Unspecified),
            ("127.0.0.1", Loopback),
            ("127.255.0.9", Loopback),
            ("::1", Loopback),
            ("10.0.0.1", Private),
            ("172.16.0.1", Private),
            ("172.31.255.255", Private),
            ("192.168.1.1", Private),
            ("100.64.0.1", Private),
            ("169.254.169.254", LinkLocal),
            ("fe80::1", LinkLocal),
            ("fec0::1", LinkLocal),
            ("fc00::1", UniqueLocal),
            ("fd12:3456::1", UniqueLocal),
            ("224.0.0.1", Multicast),
            ("239.255.255.250", Multicast),
            ("ff02::1", Multicast),
            ("255.255.255.255", Broadcast),
            ("240.0.0.1", Reserved),
            ("192.0.2.1", Reserved),
            ("198.18.0.1", Reserved),
            ("2001:db8::1", Reserved),
            ("2001:0:4136:e378::1", Reserved),
            ("100::1", Reserved),
            ("::7f00:1", Reserved),
            ("64:ff9b:1::1", Reserved),
            // IPv4 inside IPv6 is judged as the IPv4 address it reaches.
            ("::ffff:127.0.0.1", Loopback),
            ("::ffff:10.1.2.3", Private),
            ("::ffff:169.254.169.254", LinkLocal),
            ("64:ff9b::a00:1", Private),
            ("2002:7f00:1::1", Reserved),
            ("2002:c0a8:101::1", Reserved),
        ];
        for (ip, expected) in cases {
            assert_eq!(class(ip), Some(expected), "{ip}");
        }
    }

    // Public unicast addresses pass, in both families and in the wrapped forms.
    #[test]
    fn public_addresses_pass() {
        for ip in [
            "1.1.1.1",
            "93.184.216.34",
            "172.32.0.1",
            "100.128.0.1",
            "192.169.0.1",
            "2606:4700::1111",
            "2a00:1450:4001::200e",
            "::ffff:93.184.216.34",
            "64:ff9b::5db8:d822",
            "2002:5db8:d822::1",
        ] {
            assert_eq!(class(ip), None, "{ip}");
        }
    }

    // The operator's opt-in opens their own network, never addresses that name no single host.
    #[test]
    fn which_classes_an_operator_may_open() {
        assert!(Forbidden::Loopback.may_be_allowed());
        assert!(Forbidden::Private.may_be_allowed());
        assert!(Forbidden::UniqueLocal.may_be_allowed());
        assert!(!Forbidden::Unspecified.may_be_allowed());
        assert!(!Forbidden::Multicast.may_be_allowed());
        assert!(!Forbidden::Broadcast.may_be_allowed());
        assert!(!Forbidden::Reserved.may_be_allowed());
    }
}
