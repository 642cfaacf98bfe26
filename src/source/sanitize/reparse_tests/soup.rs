//! A small deterministic tag-soup generator for the reparse oracle.

/// Tags the allowlist keeps, drops or unwraps, weighted towards tables; text; attribute lists ('|'-separated).
const TAGS: &str = "p br hr blockquote ul ol li dl dt dd b i em strong u s code pre span div section aside \
    figure figcaption details summary q time small sub sup mark cite h1 h2 h3 h4 h6 img a a table table table \
    thead tbody tfoot tr tr td td th caption colgroup col script svg math select option textarea template font \
    nobr form button";
const TEXT: &str = "x|word | |\n|a &amp; b|&nbsp;|&lt;i&gt;|<|\r|\t y|&#13;|\0";
const ATTRS: &str =
    "||| href=\"/x\"| href=\"https://e.example/\"| href=\"javascript:x\"| src=\"/i.png\"\
    | alt=\"pic\"| colspan=\"2\"| title=\"t\"| lang=\"en\"| start=\"3\"| datetime=\"2020\"";

/// Deterministic tag soup: `n` tokens drawn with a xorshift PRNG seeded by `seed`.
pub(super) fn soup(seed: u64, n: usize) -> String {
    let mut s = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    let mut next = |k: usize| {
        s ^= s << 13;
        s ^= s >> 7;
        s ^= s << 17;
        (s % k as u64) as usize
    };
    let (tags, text, attrs): (Vec<_>, Vec<_>, Vec<_>) = (
        TAGS.split_whitespace().collect(),
        TEXT.split('|').collect(),
        ATTRS.split('|').collect(),
    );
    let mut out = String::new();
    for _ in 0..n {
        match next(10) {
            0..=3 => out.push_str(text[next(text.len())]),
            4..=6 => out.push_str(&format!(
                "<{}{}>",
                tags[next(tags.len())],
                attrs[next(attrs.len())]
            )),
            _ => out.push_str(&format!("</{}>", tags[next(tags.len())])),
        }
    }
    out
}
