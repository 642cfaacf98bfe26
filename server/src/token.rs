//! Edit tokens: random, unguessable strings handed to a poster, stored only as SHA-256 digests, and compared
//! without leaking timing.

use sha2::{Digest, Sha256};

/// The shortest moderator token accepted (`--moderator-token`): long enough that guessing it is hopeless.
pub const MIN_MODERATOR_TOKEN_CHARS: usize = 16;

/// 128 random bits as 32 hex digits, from the operating system's generator (`getrandom`). There is no weaker
/// fallback: a token someone could predict would let them edit another person's comment, so when the generator
/// fails the post fails (a 500) instead.
pub fn fresh_token() -> Result<String, getrandom::Error> {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes)?;
    Ok(hex(&bytes))
}

/// What the database keeps of a token: its SHA-256 as 64 hex digits. A token has 128 random bits, so the digest
/// cannot be reversed or guessed, and a leaked database (a backup, a copy) lets nobody edit a comment.
pub fn digest(token: &str) -> String {
    sha256_hex(token.as_bytes())
}

/// SHA-256 of `bytes` as lower-case hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

/// Whether `given` is the token whose digest is `stored`. Digests of equal length are compared with [`same`], so
/// the time taken tells nothing about how close a guess was.
pub fn matches_digest(given: &str, stored: &str) -> bool {
    same(&digest(given), stored)
}

/// Equality that looks at every byte, so the time taken does not tell how much of a guess was right.
pub fn same(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    // Tokens are 32 hex digits and differ each time; comparison is exact.
    #[test]
    fn tokens() -> Result<(), getrandom::Error> {
        let (a, b) = (fresh_token()?, fresh_token()?);
        assert_eq!(a.len(), 32);
        assert!(a.bytes().all(|c| c.is_ascii_hexdigit()));
        assert_ne!(a, b);
        assert!(same(&a, &a.clone()));
        assert!(!same(&a, &b));
        assert!(!same("ab", "abc"));
        Ok(())
    }

    // The digest is SHA-256 (a published test vector), never the token itself, and only the right token matches.
    #[test]
    fn digests() {
        assert_eq!(
            sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        let stored = digest("t0k3n");
        assert_ne!(stored, "t0k3n");
        assert!(matches_digest("t0k3n", &stored));
        assert!(!matches_digest("t0k3m", &stored));
        assert!(!matches_digest("", &stored));
    }
}
