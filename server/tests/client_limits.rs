//! Issue 12, finding 6, through the router in-process with chosen peer addresses: the limits count an IPv6 /64 as one
//! client, read the client behind a `--trusted-proxy` from `X-Forwarded-For` (and only there), and cover edits.
#![allow(dead_code)] // The shared harness has more helpers than one test file uses.

include!("harness/http.rs");

/// A post of a fresh comment from `peer`, with extra headers; its status.
fn post_from(server: &Server, peer: &str, headers: &[(&str, &str)]) -> u16 {
    let peer: SocketAddr = peer.parse().expect("a socket address");
    let body = comment("Ana", "Hello").to_string().into_bytes();
    let mut all = vec![("Content-Type", "application/json")];
    all.extend_from_slice(headers);
    let res = server.request_from(peer, "POST", &comments_path(), &all, Some(&body));
    res.status
}

// Six addresses of one /64 are one client for --rate-limit 3; another /64 is another client; IPv4 counts by address,
// and an IPv4-mapped IPv6 peer is its IPv4 address.
#[test]
fn one_ipv6_64_is_one_client() {
    let fixture = Fixture::new();
    let server = fixture.start(&["--rate-limit", "3"]);
    let statuses: Vec<u16> = (1..=6)
        .map(|n| post_from(&server, &format!("[2001:db8:1:2::{n}]:4000"), &[]))
        .collect();
    assert_eq!(statuses, [201, 201, 201, 429, 429, 429]);
    assert_eq!(post_from(&server, "[2001:db8:1:3::1]:4000", &[]), 201);
    for _ in 0..3 {
        assert_eq!(post_from(&server, "10.1.1.1:4000", &[]), 201);
    }
    assert_eq!(post_from(&server, "[::ffff:10.1.1.1]:4000", &[]), 429);
    assert_eq!(post_from(&server, "10.1.1.2:4000", &[]), 201);
}

// Behind a trusted proxy each reader has their own limit (one spammer no longer blocks everyone); anyone else's
// X-Forwarded-For is ignored, so it cannot be used to dodge the limit.
#[test]
fn trusted_proxy_names_the_client() {
    let fixture = Fixture::new();
    let server = fixture.start(&["--rate-limit", "1", "--trusted-proxy", "10.0.0.2"]);
    let proxy = "10.0.0.2:5000";
    let spammer = [("X-Forwarded-For", "203.0.113.5")];
    assert_eq!(post_from(&server, proxy, &spammer), 201);
    assert_eq!(post_from(&server, proxy, &spammer), 429);
    let reader = [("X-Forwarded-For", "198.51.100.1, 203.0.113.6")];
    assert_eq!(post_from(&server, proxy, &reader), 201, "another reader");
    let direct = "192.0.2.9:5000";
    assert_eq!(
        post_from(&server, direct, &[("X-Forwarded-For", "1.1.1.1")]),
        201
    );
    assert_eq!(
        post_from(&server, direct, &[("X-Forwarded-For", "2.2.2.2")]),
        429
    );
}

// Edits and deletes, refused ones included (token guessing), count against --edit-rate-limit.
#[test]
fn edits_are_rate_limited() {
    let fixture = Fixture::new();
    let server = fixture.start(&["--edit-rate-limit", "3"]);
    let res = server.post_json(&comments_path(), &comment("Ed", "Tpyo"));
    let token = res.header("folio-edit-token").expect("a token").to_owned();
    let id = res.json()["id"].as_str().expect("an id").to_owned();
    let path = format!("{}/{id}", comments_path());
    let edit = json!({"body": "Typo"}).to_string().into_bytes();
    let patch = |token: &str| {
        let auth = format!("Bearer {token}");
        let headers = [
            ("Content-Type", "application/json"),
            ("Authorization", &auth),
        ];
        server.request("PATCH", &path, &headers, Some(&edit)).status
    };
    assert_eq!(patch("guess-1"), 403);
    assert_eq!(patch(&token), 200);
    assert_eq!(patch(&token), 200);
    assert_eq!(patch(&token), 429);
    let auth = format!("Bearer {token}");
    let delete = server.request("DELETE", &path, &[("Authorization", &auth)], None);
    assert_eq!(delete.status, 429);
    assert!(delete.header("retry-after").is_some());
}
