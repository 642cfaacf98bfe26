//! Edit tokens: random, unguessable strings handed to a poster, and compared without leaking timing.

/// The shortest moderator token accepted (`--moderator-token`): long enough that guessing it is hopeless.
pub const MIN_MODERATOR_TOKEN_CHARS: usize = 16;

/// 128 random bits as 32 hex digits, from the operating system's generator (`getrandom`). There is no weaker
/// fallback: a token someone could predict would let them edit another person's comment, so when the generator
/// fails the post fails (a 500) instead.
pub fn fresh_token() -> Result<String, getrandom::Error> {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes)?;
    Ok(bytes.iter().map(|b| format!("{b:02x}")).collect())
}

/// Equality that looks at every byte, so the time taken does not tell how much of a guess was right.
pub fn same(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
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
}
