//! The policy's URL checks, https included (the integration tests in `tests/render_origin.rs` fetch over http on
//! loopback; there is no internet here for a real TLS server, so the https path is pinned by these).

use std::net::IpAddr;
use std::time::Duration;

use url::Host;

use super::address::Forbidden;
use super::fetch::{server_name, tls_config};
use super::*;

fn policy(origins: &[&str], private: &[&str]) -> Policy {
    let own = |l: &[&str]| l.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    Policy::new(&own(origins), &own(private), Duration::from_secs(5), 1024).expect("a policy")
}

// Origins are normalised by the URL parser, so spelling them differently does not slip past the list.
#[test]
fn origins_are_normalised() {
    assert_eq!(
        parse_origin("https://API.Example:443/"),
        Ok("https://api.example".into())
    );
    assert_eq!(
        parse_origin("http://api.example:8080"),
        Ok("http://api.example:8080".into())
    );
    assert_eq!(parse_origin("http://0x7f.1"), Ok("http://127.0.0.1".into()));
    assert_eq!(parse_origin("http://[::1]:9/"), Ok("http://[::1]:9".into()));
    for bad in [
        "api.example",
        "ftp://api.example",
        "https://api.example/wp-json",
        "https://api.example/?q",
        "https://u:p@api.example",
        "file:///etc/passwd",
    ] {
        assert!(parse_origin(bad).is_err(), "{bad}");
    }
}

// Scheme, host and port must all match; an https origin gives a TLS target on port 443.
#[test]
fn exact_origin_match() {
    let p = policy(&["https://api.example", "http://api.example:8080"], &[]);
    let t = p
        .target("https://API.example/wp-json/wp/v2/posts/1?x=1#f", None)
        .expect("listed");
    assert!(t.tls);
    assert_eq!(t.port, 443);
    assert_eq!(t.host, Host::Domain("api.example".to_string()));
    assert_eq!(t.host_header(), "api.example");
    assert_eq!(t.path_and_query(), "/wp-json/wp/v2/posts/1?x=1");
    assert!(!t.allow_private);
    let plain = p.target("http://api.example:8080/a", None).expect("listed");
    assert!(!plain.tls);
    assert_eq!(plain.host_header(), "api.example:8080");
    for other in [
        "http://api.example/a",
        "https://api.example:8443/a",
        "https://evil.example/a",
        "https://api.example.evil.example/a",
        "http://api.example:8081/a",
    ] {
        assert!(
            matches!(p.target(other, None), Err(FetchError::NotListed { .. })),
            "{other}"
        );
    }
    assert!(matches!(
        p.target("https://user@api.example/a", None),
        Err(FetchError::BadUrl { .. })
    ));
    assert!(matches!(
        p.target("/relative", None),
        Err(FetchError::BadUrl { .. })
    ));
    assert!(matches!(
        p.target("ftp://api.example/", None),
        Err(FetchError::BadUrl { .. })
    ));
}

// With no list at all, nothing is fetched, and the message says how to turn it on.
#[test]
fn off_without_a_list() {
    let p = policy(&[], &[]);
    assert!(!p.is_enabled());
    let e = p.target("https://api.example/", None).expect_err("refused");
    assert_eq!(e, FetchError::NotEnabled);
    assert!(e.to_string().contains("--render-origin"));
}

// A listed origin written as a private address is refused before anything is sent, unless opened for it.
#[test]
fn private_addresses_in_the_url() {
    let p = policy(
        &[
            "http://10.0.0.7",
            "http://169.254.169.254",
            "http://127.0.0.1:9",
        ],
        &[],
    );
    for url in [
        "http://10.0.0.7/a",
        "http://169.254.169.254/latest/meta-data/",
        "http://127.0.0.1:9/",
    ] {
        let e = p.target(url, None).expect_err("refused");
        assert!(matches!(e, FetchError::Address { .. }), "{url}: {e}");
        assert_eq!(e.status().as_u16(), 403);
    }
    let e = p
        .target("http://169.254.169.254/x", None)
        .expect_err("refused");
    assert!(
        e.to_string()
            .contains("169.254.169.254 is a link-local address"),
        "{e}"
    );
    let opened = policy(&["http://127.0.0.1:9"], &["http://127.0.0.1:9"]);
    assert!(opened.target("http://127.0.0.1:9/a", None).is_ok());
}

// The opt-in is per origin, must name a listed one, and never opens multicast or unspecified addresses.
#[test]
fn private_opt_in() {
    let own = |l: &[&str]| l.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    let unlisted = Policy::new(
        &own(&["https://a.example"]),
        &own(&["http://b.example"]),
        Duration::ZERO,
        1,
    );
    assert!(unlisted.is_err());
    let p = policy(
        &["http://lan.example", "http://other.example"],
        &["http://lan.example"],
    );
    let lan = p.target("http://lan.example/", None).expect("listed");
    assert!(lan.allow_private);
    assert!(lan.check("192.168.1.5".parse().expect("ip")).is_ok());
    assert!(lan.check("::1".parse().expect("ip")).is_ok());
    for never in ["0.0.0.0", "224.0.0.1", "::", "ff02::1", "255.255.255.255"] {
        assert!(lan.check(never.parse().expect("ip")).is_err(), "{never}");
    }
    let other = p.target("http://other.example/", None).expect("listed");
    let e = other
        .check("192.168.1.5".parse().expect("ip"))
        .expect_err("refused");
    assert_eq!(
        e.to_string(),
        "http://other.example/ is refused: other.example resolves to 192.168.1.5, a private address"
    );
    assert!(matches!(
        e,
        FetchError::Address {
            class: Forbidden::Private,
            ..
        }
    ));
}

// A redirect's target is named with the listed URL that pointed there.
#[test]
fn redirect_messages() {
    let p = policy(&["https://api.example"], &[]);
    let e = p
        .target("http://127.0.0.1:1/", Some("https://api.example/a"))
        .expect_err("refused");
    let text = e.to_string();
    assert!(
        text.contains("http://127.0.0.1:1 is not on this server's list"),
        "{text}"
    );
    assert!(
        text.contains("the listed https://api.example/a redirected there"),
        "{text}"
    );
}

// The https path: the TLS settings build (ring, the Mozilla roots) and certificates are checked against the host
// name, or the address when the URL names one.
#[test]
fn tls_is_ready() {
    let config = tls_config().expect("TLS settings");
    assert_eq!(config.alpn_protocols, [b"http/1.1".to_vec()]);
    assert!(server_name(&Host::Domain("api.example".into())).is_ok());
    let ip: IpAddr = "2606:4700::1111".parse().expect("ip");
    let IpAddr::V6(v6) = ip else { unreachable!() };
    assert!(server_name(&Host::Ipv6(v6)).is_ok());
}

// An https URL on a listed loopback origin goes through the TLS handshake; a plain-HTTP server there fails it with
// a clear message (a real socket, so the https code path runs, not only its settings).
#[tokio::test]
async fn https_handshake_runs() {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let port = listener.local_addr().expect("addr").port();
    tokio::spawn(async move {
        if let Ok((mut socket, _)) = listener.accept().await {
            use tokio::io::AsyncWriteExt;
            let _ = socket.write_all(b"HTTP/1.1 400 Bad Request\r\n\r\n").await;
        }
    });
    let origin = format!("https://127.0.0.1:{port}");
    let p = policy(&[&origin], &[&origin]);
    let e = fetch(&p, &format!("{origin}/a"))
        .await
        .expect_err("no TLS there");
    assert!(matches!(e, FetchError::Connect { .. }), "{e}");
    assert!(e.to_string().contains("TLS failed"), "{e}");
    assert_eq!(e.status().as_u16(), 502);
}
