//! Share links: each network's own share URL, built from the article's URL and title. Plain links, so nothing is
//! loaded from any network until the reader clicks one. Each URL's source is listed in docs/embed.md ("Share
//! links"). Mastodon has no central site: its link goes to the reader's own server, which they name once
//! ([`mastodon_server`] checks what they typed).

use std::rc::Rc;

use crate::model::{Network, ShareTarget};

/// The share bar's targets for an article, in [`Network::ALL`] order. Mastodon's has a link only when the reader
/// has named their server (`mastodon`, already checked by [`mastodon_server`]).
pub fn share_targets(url: &str, title: &str, mastodon: Option<&str>) -> Vec<ShareTarget> {
    Network::ALL
        .iter()
        .map(|&network| ShareTarget {
            network,
            href: match network {
                Network::Mastodon => mastodon.map(|server| mastodon_share_url(server, url, title)),
                _ => share_url(network, url, title),
            }
            .map(Rc::from),
        })
        .collect()
}

/// The post a network's text field starts with: the title, then the link on its own.
fn text_and_link(url: &str, title: &str) -> String {
    encode_component(title) + "%20" + &encode_component(url)
}

/// The share page of the reader's Mastodon `server` (a host name from [`mastodon_server`]): Mastodon's web app
/// answers `/share?text=` with its compose box, filled in.
pub fn mastodon_share_url(server: &str, url: &str, title: &str) -> String {
    format!("https://{server}/share?text={}", text_and_link(url, title))
}

/// The URL that opens `network`'s share dialog for `url` with `title`; `None` for Mastodon, whose URL needs the
/// reader's server ([`mastodon_share_url`]).
pub fn share_url(network: Network, url: &str, title: &str) -> Option<String> {
    let u = encode_component(url);
    let t = encode_component(title);
    Some(match network {
        Network::X => format!("https://x.com/intent/post?text={t}&url={u}"),
        Network::Facebook => format!("https://www.facebook.com/sharer/sharer.php?u={u}"),
        Network::LinkedIn => format!("https://www.linkedin.com/sharing/share-offsite/?url={u}"),
        Network::Reddit => format!("https://www.reddit.com/submit?url={u}&title={t}"),
        // WhatsApp and Bluesky take a single text: title, then the link on its own.
        Network::WhatsApp => format!("https://wa.me/?text={t}%20{u}"),
        Network::Telegram => format!("https://t.me/share/url?url={u}&text={t}"),
        Network::Bluesky => format!("https://bsky.app/intent/compose?text={t}%20{u}"),
        // Threads shows `url` as a link card under the text.
        Network::Threads => format!("https://www.threads.net/intent/post?text={t}&url={u}"),
        Network::Mastodon => return None,
        Network::Email => format!("mailto:?subject={t}&body={u}"),
    })
}

/// Why a Mastodon server name was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HostError {
    /// Nothing was typed.
    Empty,
    /// Not a host name (`mastodon.social`): a space, a port, a missing dot, a label too long …
    Invalid,
}

/// The host name of a Mastodon server from what a reader typed: `mastodon.social`, `https://Mastodon.Social/`,
/// or a handle such as `@me@mastodon.social` all give `mastodon.social`. A host name is dot-separated labels of
/// ASCII letters, digits and inner hyphens (at most 63 each, 253 in all) whose last label is not a number, so no
/// IP address, port, path or user name reaches the share URL. (An internationalised name is typed in its
/// `xn--` form.)
pub fn mastodon_server(input: &str) -> Result<String, HostError> {
    let mut host = input.trim();
    for scheme in ["https://", "http://"] {
        if host.len() >= scheme.len() && host[..scheme.len()].eq_ignore_ascii_case(scheme) {
            host = &host[scheme.len()..];
        }
    }
    // A pasted address may carry a path (`/@me`); a handle names its server after its last `@`.
    host = host.split('/').next().unwrap_or(host);
    host = host.rsplit('@').next().unwrap_or(host);
    let host = host.strip_suffix('.').unwrap_or(host).to_ascii_lowercase();
    if host.is_empty() {
        return Err(if input.trim().is_empty() {
            HostError::Empty
        } else {
            HostError::Invalid
        });
    }
    let labels: Vec<&str> = host.split('.').collect();
    let label_ok = |l: &&str| {
        (1..=63).contains(&l.len())
            && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
            && !l.starts_with('-')
            && !l.ends_with('-')
    };
    let last_is_name = labels
        .last()
        .is_some_and(|l| !l.bytes().all(|b| b.is_ascii_digit()));
    if host.len() <= 253 && labels.len() >= 2 && labels.iter().all(label_ok) && last_is_name {
        Ok(host)
    } else {
        Err(HostError::Invalid)
    }
}

/// Percent-encode everything but RFC 3986's unreserved characters, as `encodeURIComponent` does (it also keeps
/// `!'()*`; encoding them too is stricter and always valid).
pub fn encode_component(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 3 / 2);
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b'.' | b'~') {
            out.push(char::from(byte));
        } else {
            out.push('%');
            out.push(char::from(b"0123456789ABCDEF"[usize::from(byte >> 4)]));
            out.push(char::from(b"0123456789ABCDEF"[usize::from(byte & 15)]));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const URL: &str = "https://news.example/latin-america/cuba-china?x=1&y=2";
    const TITLE: &str = "Cuba and China Agree — “Military” Cooperation";

    // Every network gets exactly one link, and each carries the encoded article URL.
    #[test]
    fn every_target_carries_the_url() {
        let targets = share_targets(URL, TITLE, Some("mastodon.social"));
        assert_eq!(targets.len(), Network::ALL.len());
        let encoded = encode_component(URL);
        for t in &targets {
            let href = t.href.as_deref().unwrap_or_default();
            assert!(
                href.contains(&encoded),
                "{:?} lacks the url: {}",
                t.network,
                href
            );
        }
    }

    // Query characters of the article URL must not leak into the share URL's own query.
    #[test]
    fn url_is_fully_encoded() {
        assert_eq!(encode_component("a b&c=d/é"), "a%20b%26c%3Dd%2F%C3%A9");
        let x = share_url(Network::X, URL, TITLE).unwrap_or_default();
        assert!(x.starts_with("https://x.com/intent/post?text="));
        assert_eq!(
            x.matches('&').count(),
            1,
            "only the separator between text and url: {x}"
        );
    }

    // Each network's own endpoint, so the links work without any script of theirs.
    #[test]
    fn known_endpoints() {
        let expect = [
            (
                Network::Facebook,
                "https://www.facebook.com/sharer/sharer.php?u=",
            ),
            (
                Network::LinkedIn,
                "https://www.linkedin.com/sharing/share-offsite/?url=",
            ),
            (Network::Reddit, "https://www.reddit.com/submit?url="),
            (Network::WhatsApp, "https://wa.me/?text="),
            (Network::Telegram, "https://t.me/share/url?url="),
            (Network::Bluesky, "https://bsky.app/intent/compose?text="),
            (
                Network::Threads,
                "https://www.threads.net/intent/post?text=",
            ),
            (Network::Email, "mailto:?subject="),
        ];
        for (network, prefix) in expect {
            assert!(
                share_url(network, URL, TITLE).is_some_and(|u| u.starts_with(prefix)),
                "{network:?}"
            );
        }
    }

    // Threads, Bluesky and Mastodon get the title and the link; Threads takes the link as its own parameter.
    #[test]
    fn threads_bluesky_and_mastodon_urls() {
        let (url, title) = ("https://news.example/a?b=1", "Night trains & more");
        assert_eq!(
            share_url(Network::Threads, url, title).as_deref(),
            Some("https://www.threads.net/intent/post?text=Night%20trains%20%26%20more&url=https%3A%2F%2Fnews.example%2Fa%3Fb%3D1")
        );
        assert_eq!(
            share_url(Network::Bluesky, url, title).as_deref(),
            Some("https://bsky.app/intent/compose?text=Night%20trains%20%26%20more%20https%3A%2F%2Fnews.example%2Fa%3Fb%3D1")
        );
        assert_eq!(share_url(Network::Mastodon, url, title), None);
        assert_eq!(
            mastodon_share_url("fosstodon.org", url, title),
            "https://fosstodon.org/share?text=Night%20trains%20%26%20more%20https%3A%2F%2Fnews.example%2Fa%3Fb%3D1"
        );
    }

    // Until the reader names a server, Mastodon has no link; afterwards it links to that server.
    #[test]
    fn mastodon_links_only_with_a_server() {
        let mastodon = |server| {
            share_targets(URL, TITLE, server)
                .into_iter()
                .find(|t| t.network == Network::Mastodon)
                .and_then(|t| t.href)
        };
        assert_eq!(mastodon(None), None);
        assert!(
            mastodon(Some("mas.to")).is_some_and(|h| h.starts_with("https://mas.to/share?text="))
        );
    }

    // What readers type is reduced to the host name; anything that is not one is refused.
    #[test]
    fn mastodon_server_names() {
        for (typed, host) in [
            ("mastodon.social", "mastodon.social"),
            ("  Mastodon.Social  ", "mastodon.social"),
            ("https://mastodon.social/", "mastodon.social"),
            ("HTTP://mas.to/@someone", "mas.to"),
            ("@me@fosstodon.org", "fosstodon.org"),
            ("social.example.co.uk.", "social.example.co.uk"),
            ("xn--caf-dma.example", "xn--caf-dma.example"),
            ("a-b.c1", "a-b.c1"),
        ] {
            assert_eq!(mastodon_server(typed).as_deref(), Ok(host), "{typed}");
        }
        assert_eq!(mastodon_server("   "), Err(HostError::Empty));
        for bad in [
            "localhost",
            "mastodon social",
            "mastodon.social:443",
            "-bad.example",
            "bad-.example",
            "a..b",
            "192.168.0.1",
            "café.example",
            "https://",
            "javascript:alert(1)",
            "evil.example?x=1",
            "evil.example#frag",
            "a_b.example",
        ] {
            assert_eq!(mastodon_server(bad), Err(HostError::Invalid), "{bad}");
        }
        assert_eq!(
            mastodon_server(&format!("{}.example", "a".repeat(64))),
            Err(HostError::Invalid)
        );
        assert!(mastodon_server(&format!("{}.example", "a".repeat(63))).is_ok());
        let long = ["abcdefghi"; 26].join(".");
        assert_eq!(mastodon_server(&long), Err(HostError::Invalid));
    }
}
