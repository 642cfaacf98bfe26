//! The checks of option values that are more than a number or a path; each error says what a good value looks like.

use crate::token::MIN_MODERATOR_TOKEN_CHARS;

/// A moderator token must be long enough not to be guessed, and sendable in a header (visible ASCII).
pub(super) fn check_moderator_token(token: &str) -> Result<String, String> {
    if token.chars().count() < MIN_MODERATOR_TOKEN_CHARS
        || !token.bytes().all(|b| b.is_ascii_graphic())
    {
        return Err(format!(
            "the moderator token must be at least {MIN_MODERATOR_TOKEN_CHARS} visible ASCII characters without spaces"
        ));
    }
    Ok(token.to_owned())
}

/// `<path-prefix>=<policy>`: the prefix is a URL path, the policy one header value (visible ASCII and spaces); the
/// policy may itself hold `=` (hashes), so only the first one splits.
pub(super) fn parse_csp(value: &str) -> Result<(String, String), String> {
    match value.split_once('=') {
        Some((prefix, policy))
            if prefix.starts_with('/')
                && !policy.trim().is_empty()
                && policy.bytes().all(|b| b == b' ' || b.is_ascii_graphic()) =>
        {
            Ok((prefix.to_owned(), policy.trim().to_owned()))
        }
        _ => Err(format!(
            "{value:?} is not <path-prefix>=<policy> such as \"/hosts/=default-src 'self'\""
        )),
    }
}

/// An origin is `scheme://host[:port]` with nothing after it; browsers send exactly that, so anything else could
/// never match and is better reported now. A trailing `/` is dropped.
pub(super) fn parse_origin(value: &str) -> Result<String, String> {
    if value == "*" {
        return Ok(value.to_owned());
    }
    let trimmed = value.strip_suffix('/').unwrap_or(value);
    let rest = trimmed
        .strip_prefix("https://")
        .or_else(|| trimmed.strip_prefix("http://"));
    match rest {
        Some(host)
            if !host.is_empty()
                && !host.contains(['/', '?', '#', '@'])
                && host.bytes().all(|b| b.is_ascii_graphic()) =>
        {
            Ok(trimmed.to_owned())
        }
        _ => Err(format!(
            "{value:?} is not an origin such as https://news.example"
        )),
    }
}
