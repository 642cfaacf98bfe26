//! The oracle shared by the HTML targets: sanitiser output never holds an active element, an event handler, a
//! style, or a URL attribute with a scheme other than http, https or mailto.

const BANNED_ELEMENTS: [&str; 12] = [
    "<script",
    "<style",
    "<iframe",
    "<svg",
    "<math",
    "<object",
    "<embed",
    "<form",
    "<input",
    "<base",
    "<meta",
    "<template",
];

pub fn check(html: &str) {
    let lower = html.to_ascii_lowercase();
    for e in BANNED_ELEMENTS {
        assert!(!lower.contains(e), "{e} in {html:?}");
    }
    let mut rest = lower.as_str();
    while let Some(start) = rest.find('<') {
        let end = rest[start..].find('>').map_or(rest.len(), |e| start + e);
        let tag = &rest[start..end];
        // Attribute values are double-quoted with `"` escaped, so splitting on quotes alternates name/value.
        for (i, piece) in tag.split('"').enumerate() {
            if i % 2 == 0 {
                for name in piece.split_whitespace().skip(usize::from(i == 0)) {
                    let name = name.trim_end_matches('=');
                    assert!(!name.starts_with("on"), "handler {name} in {html:?}");
                    assert!(
                        !matches!(
                            name,
                            "style" | "srcdoc" | "formaction" | "id" | "name" | "target"
                        ),
                        "{name} in {html:?}"
                    );
                }
            } else {
                let prev = tag.split('"').nth(i - 1).unwrap_or("");
                if prev.ends_with("href=") || prev.ends_with("src=") || prev.ends_with("cite=") {
                    let v = piece.replace("&amp;", "&");
                    let scheme_end = v.find(['/', '?', '#']).unwrap_or(v.len());
                    if let Some(colon) = v[..scheme_end].find(':') {
                        assert!(
                            matches!(&v[..colon], "http" | "https" | "mailto"),
                            "URL {v:?} in {html:?}"
                        );
                    }
                }
            }
        }
        rest = &rest[end..];
    }
}
