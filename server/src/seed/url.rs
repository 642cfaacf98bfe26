//! Seed comments may name pictures and pages relative to their file; the API serves them from another path.

/// Makes a URL relative to the seed file root-relative. The seed file is read at
/// `/demo/comments/<id>.json` but the same comments are also served at
/// `/api/articles/<id>/comments`, where a relative URL would point elsewhere.
pub fn resolve_url(base: &str, url: &str) -> String {
    let has_scheme = url
        .split_once(':')
        .map(|(scheme, _)| {
            let mut chars = scheme.chars();
            chars.next().is_some_and(|c| c.is_ascii_alphabetic())
                && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
        })
        .unwrap_or(false);
    if has_scheme || url.starts_with('/') {
        return url.to_owned();
    }
    if url.starts_with('?') || url.starts_with('#') {
        return format!("{base}{url}");
    }
    let split = url.find(['?', '#']).unwrap_or(url.len());
    let (path, rest) = url.split_at(split);
    let dir = &base[..base.rfind('/').map_or(0, |i| i + 1)];
    let mut segments: Vec<&str> = dir.split('/').filter(|s| !s.is_empty()).collect();
    let parts: Vec<&str> = path.split('/').collect();
    for (i, part) in parts.iter().enumerate() {
        let last = i + 1 == parts.len();
        match *part {
            "." => {}
            ".." => {
                segments.pop();
            }
            other => segments.push(other),
        }
        // A trailing `.`/`..` still names a directory, so keep the slash.
        if last && matches!(*part, "." | "..") {
            segments.push("");
        }
    }
    format!("/{}{rest}", segments.join("/"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolves_relative_urls_against_the_seed_file() {
        let base = "/demo/comments/a.json";
        assert_eq!(resolve_url(base, "../img/x.png"), "/demo/img/x.png");
        assert_eq!(resolve_url(base, "x.png?s=1"), "/demo/comments/x.png?s=1");
        assert_eq!(resolve_url(base, "../../../x"), "/x");
        assert_eq!(resolve_url(base, "/abs.png"), "/abs.png");
        assert_eq!(resolve_url(base, "https://e.org/a"), "https://e.org/a");
        assert_eq!(resolve_url(base, "//cdn.e.org/a"), "//cdn.e.org/a");
    }
}
