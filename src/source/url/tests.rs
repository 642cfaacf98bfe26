use super::*;

const BASE: &str = "http://a/b/c/d;p?q";

fn r(reference: &str) -> String {
    resolve(Some(BASE), reference).unwrap_or_else(|| format!("<none for {reference}>"))
}

// RFC 3986 section 5.4.1: the normal examples.
#[test]
fn rfc3986_normal_examples() {
    let cases = [
        ("g:h", "g:h"),
        ("g", "http://a/b/c/g"),
        ("./g", "http://a/b/c/g"),
        ("g/", "http://a/b/c/g/"),
        ("/g", "http://a/g"),
        ("//g", "http://g"),
        ("?y", "http://a/b/c/d;p?y"),
        ("g?y", "http://a/b/c/g?y"),
        ("#s", "http://a/b/c/d;p?q#s"),
        ("g#s", "http://a/b/c/g#s"),
        ("g?y#s", "http://a/b/c/g?y#s"),
        (";x", "http://a/b/c/;x"),
        ("g;x", "http://a/b/c/g;x"),
        ("g;x?y#s", "http://a/b/c/g;x?y#s"),
        ("", "http://a/b/c/d;p?q"),
        (".", "http://a/b/c/"),
        ("./", "http://a/b/c/"),
        ("..", "http://a/b/"),
        ("../", "http://a/b/"),
        ("../g", "http://a/b/g"),
        ("../..", "http://a/"),
        ("../../", "http://a/"),
        ("../../g", "http://a/g"),
    ];
    for (reference, want) in cases {
        assert_eq!(r(reference), want, "reference {reference:?}");
    }
}

// RFC 3986 section 5.4.2: the abnormal examples (strict parser).
#[test]
fn rfc3986_abnormal_examples() {
    let cases = [
        ("../../../g", "http://a/g"),
        ("../../../../g", "http://a/g"),
        ("/./g", "http://a/g"),
        ("/../g", "http://a/g"),
        ("g.", "http://a/b/c/g."),
        (".g", "http://a/b/c/.g"),
        ("g..", "http://a/b/c/g.."),
        ("..g", "http://a/b/c/..g"),
        ("./../g", "http://a/b/g"),
        ("./g/.", "http://a/b/c/g/"),
        ("g/./h", "http://a/b/c/g/h"),
        ("g/../h", "http://a/b/c/h"),
        ("g;x=1/./y", "http://a/b/c/g;x=1/y"),
        ("g;x=1/../y", "http://a/b/c/y"),
        ("g?y/./x", "http://a/b/c/g?y/./x"),
        ("g?y/../x", "http://a/b/c/g?y/../x"),
        ("g#s/./x", "http://a/b/c/g#s/./x"),
        ("g#s/../x", "http://a/b/c/g#s/../x"),
        ("http:g", "http:g"),
    ];
    for (reference, want) in cases {
        assert_eq!(r(reference), want, "reference {reference:?}");
    }
}

// Whitespace around and tabs/newlines inside a reference are ignored, as browsers do.
#[test]
fn resolve_strips_whitespace_and_tabs() {
    assert_eq!(r("  \n../g\t/h\r\n "), "http://a/b/g/h");
    assert_eq!(
        resolve(None, " HTTPS://x.org/a/../b ").as_deref(),
        Some("https://x.org/b")
    );
}

// A base without path gets "/" before a relative path; backslashes act as slashes for http.
#[test]
fn resolve_empty_base_path_and_backslash() {
    assert_eq!(
        resolve(Some("https://x.org"), "a").as_deref(),
        Some("https://x.org/a")
    );
    assert_eq!(
        resolve(Some("https://x.org/p/q"), "..\\r").as_deref(),
        Some("https://x.org/r")
    );
}

// Relative references need a base with a scheme.
#[test]
fn resolve_needs_a_base() {
    assert_eq!(resolve(None, "/a"), None);
    assert_eq!(resolve(Some("not a url"), "/a"), None);
}

// Links: http(s)/mailto pass, every disguise of javascript: is refused.
#[test]
fn safe_link_schemes() {
    assert_eq!(
        safe_link(None, "https://x.org/a").as_deref(),
        Some("https://x.org/a")
    );
    assert_eq!(
        safe_link(None, "MAILTO:a@b.org").as_deref(),
        Some("mailto:a@b.org")
    );
    for bad in [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        "  javascript:alert(1)",
        "java\tscript:alert(1)",
        "java\nscript:alert(1)",
        "\u{1}javascript:alert(1)",
        "java\u{0}script:alert(1)",
        "vbscript:msgbox(1)",
        "data:text/html,<script>alert(1)</script>",
        "file:///etc/passwd",
        "java script:alert(1)",
    ] {
        assert_eq!(safe_link(None, bad), None, "{bad:?}");
        assert_eq!(
            safe_link(Some("https://x.org/a/"), bad),
            None,
            "{bad:?} with base"
        );
    }
}

// Relative links resolve against the base, or stay relative without one when they cannot carry a scheme.
#[test]
fn safe_link_relative() {
    let base = Some("https://news.example/api/articles/42");
    assert_eq!(
        safe_link(base, "../img/a.png").as_deref(),
        Some("https://news.example/api/img/a.png")
    );
    assert_eq!(
        safe_link(base, "//cdn.example/x").as_deref(),
        Some("https://cdn.example/x")
    );
    assert_eq!(safe_link(base, "#top").as_deref(), Some("#top"));
    for ok in ["/a", "./a", "../a", "?q=1", "#x", "a/b:c", "a"] {
        assert_eq!(safe_link(None, ok).as_deref(), Some(ok), "{ok:?}");
    }
    assert_eq!(safe_link(None, "a:b"), None);
    assert_eq!(safe_link(None, "   "), None);
}

// Images: only http(s) or scheme-free relative.
#[test]
fn safe_image_schemes() {
    assert_eq!(
        safe_image(None, "http://x.org/a.jpg").as_deref(),
        Some("http://x.org/a.jpg")
    );
    assert_eq!(
        safe_image(Some("https://x.org/a/"), "b.jpg").as_deref(),
        Some("https://x.org/a/b.jpg")
    );
    assert_eq!(safe_image(None, "img/b.jpg").as_deref(), Some("img/b.jpg"));
    for bad in [
        "data:image/png;base64,AAAA",
        "javascript:alert(1)",
        "mailto:a@b",
        "#x",
        "x:y",
    ] {
        assert_eq!(safe_image(None, bad), None, "{bad:?}");
    }
}

// Ids with any characters survive a trip through a URL; malformed escapes are kept as written.
#[test]
fn components_round_trip() {
    for id in ["c1", "a b/c?d#e", "ünï-cödé_~.", "100%"] {
        assert_eq!(decode_component(&encode_component(id)), id);
    }
    assert_eq!(encode_component("a b/é"), "a%20b%2F%C3%A9");
    assert_eq!(decode_component("%zz%4"), "%zz%4");
    assert_eq!(decode_component("%FF"), "%FF", "not UTF-8: kept as written");
}
