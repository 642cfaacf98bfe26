//! Share links: each network's own share URL, built from the article's URL and title. Plain links, so nothing is
//! loaded from any network until the reader clicks one.

use std::rc::Rc;

use crate::model::{Network, ShareTarget};

/// The share bar's targets for an article, in [`Network::ALL`] order.
pub fn share_targets(url: &str, title: &str) -> Vec<ShareTarget> {
    Network::ALL
        .iter()
        .map(|&network| ShareTarget {
            network,
            href: Rc::from(share_url(network, url, title)),
        })
        .collect()
}

/// The URL that opens `network`'s share dialog for `url` with `title`.
pub fn share_url(network: Network, url: &str, title: &str) -> String {
    let u = encode_component(url);
    let t = encode_component(title);
    match network {
        Network::X => format!("https://x.com/intent/post?text={t}&url={u}"),
        Network::Facebook => format!("https://www.facebook.com/sharer/sharer.php?u={u}"),
        Network::LinkedIn => format!("https://www.linkedin.com/sharing/share-offsite/?url={u}"),
        Network::Reddit => format!("https://www.reddit.com/submit?url={u}&title={t}"),
        // WhatsApp and Bluesky take a single text: title, then the link on its own.
        Network::WhatsApp => format!("https://wa.me/?text={t}%20{u}"),
        Network::Telegram => format!("https://t.me/share/url?url={u}&text={t}"),
        Network::Bluesky => format!("https://bsky.app/intent/compose?text={t}%20{u}"),
        Network::Email => format!("mailto:?subject={t}&body={u}"),
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
        let targets = share_targets(URL, TITLE);
        assert_eq!(targets.len(), Network::ALL.len());
        let encoded = encode_component(URL);
        for t in &targets {
            assert!(
                t.href.contains(&encoded),
                "{:?} lacks the url: {}",
                t.network,
                t.href
            );
        }
    }

    // Query characters of the article URL must not leak into the share URL's own query.
    #[test]
    fn url_is_fully_encoded() {
        assert_eq!(encode_component("a b&c=d/é"), "a%20b%26c%3Dd%2F%C3%A9");
        let x = share_url(Network::X, URL, TITLE);
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
            (Network::Email, "mailto:?subject="),
        ];
        for (network, prefix) in expect {
            assert!(
                share_url(network, URL, TITLE).starts_with(prefix),
                "{network:?}"
            );
        }
    }
}
