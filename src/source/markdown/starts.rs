//! The start conditions of leaf and container blocks, each a test on the rest of a line: ATX headings, code
//! fences, setext underlines, thematic breaks, list markers, HTML blocks (CommonMark chapter 4 and 5).

use super::line::Line;

/// `# Heading #`: level and text.
pub(super) fn atx_heading(s: &str) -> Option<(u8, &str)> {
    let level = s.bytes().take_while(|&b| b == b'#').count();
    if level == 0 || level > 6 {
        return None;
    }
    let rest = &s[level..];
    if !(rest.is_empty() || rest.starts_with([' ', '\t'])) {
        return None;
    }
    let mut text = rest.trim_matches([' ', '\t']);
    // A closing run of `#` goes if it is the whole text or follows a space.
    let without = text.trim_end_matches('#');
    if without.is_empty() {
        text = "";
    } else if without.ends_with([' ', '\t']) {
        text = without.trim_end_matches([' ', '\t']);
    }
    Some((level as u8, text))
}

/// ```` ``` ```` or `~~~` (3 or more) opening a fenced code block: the fence character and length.
pub(super) fn opening_fence(s: &str) -> Option<(u8, usize)> {
    let ch = *s.as_bytes().first()?;
    if ch != b'`' && ch != b'~' {
        return None;
    }
    let len = s.bytes().take_while(|&b| b == ch).count();
    if len < 3 || (ch == b'`' && s[len..].contains('`')) {
        return None;
    }
    Some((ch, len))
}

pub(super) fn closing_fence(s: &str, ch: u8, len: usize) -> bool {
    let run = s.bytes().take_while(|&b| b == ch).count();
    run >= len && s[run..].bytes().all(|b| b == b' ' || b == b'\t')
}

/// A setext underline: `=` gives level 1, `-` level 2.
pub(super) fn setext(s: &str) -> Option<u8> {
    let ch = *s.as_bytes().first()?;
    if ch != b'=' && ch != b'-' {
        return None;
    }
    let run = s.bytes().take_while(|&b| b == ch).count();
    if !s[run..].bytes().all(|b| b == b' ' || b == b'\t') {
        return None;
    }
    Some(if ch == b'=' { 1 } else { 2 })
}

/// `***`, `---`, `___` (three or more, spaces allowed between).
pub(super) fn thematic_break(s: &str) -> bool {
    let Some(&ch) = s.as_bytes().first() else {
        return false;
    };
    if !matches!(ch, b'*' | b'-' | b'_') {
        return false;
    }
    let mut count = 0;
    for b in s.bytes() {
        if b == ch {
            count += 1;
        } else if b != b' ' && b != b'\t' {
            return false;
        }
    }
    count >= 3
}

pub(super) struct Marker {
    pub ordered: bool,
    pub start: u64,
    pub marker: u8,
    pub len: usize,
}

/// A list marker at the line's first non-space character: `-`, `+`, `*`, or up to 9 digits and `.` or `)`,
/// followed by a space, a tab or the line end. Interrupting a paragraph, a list item may not be empty and an
/// ordered one must start at 1.
pub(super) fn list_marker(ln: &Line, interrupts_para: bool) -> Option<Marker> {
    let s = ln.rest_from_nonspace();
    let b = s.as_bytes();
    let m = match *b.first()? {
        c @ (b'-' | b'+' | b'*') => Marker {
            ordered: false,
            start: 0,
            marker: c,
            len: 1,
        },
        b'0'..=b'9' => {
            let digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
            let delim = *b.get(digits)?;
            if digits > 9 || !matches!(delim, b'.' | b')') {
                return None;
            }
            Marker {
                ordered: true,
                start: s[..digits].parse().ok()?,
                marker: delim,
                len: digits + 1,
            }
        }
        _ => return None,
    };
    let after = &s[m.len..];
    if !(after.is_empty() || after.starts_with([' ', '\t'])) {
        return None;
    }
    if interrupts_para
        && (after.trim_matches([' ', '\t']).is_empty() || (m.ordered && m.start != 1))
    {
        return None;
    }
    Some(m)
}

/// HTML block kinds by their start condition (CommonMark 4.6); kind 7 (any complete tag alone) cannot
/// interrupt a paragraph.
pub(super) fn html_block_start(s: &str, interrupts_para: bool) -> Option<u8> {
    let b = s.as_bytes();
    if b.first() != Some(&b'<') {
        return None;
    }
    let lower = |n: usize| s.get(..n.min(s.len())).unwrap_or(s).to_ascii_lowercase();
    let head = lower(12);
    for name in ["<script", "<pre", "<style", "<textarea"] {
        if head.starts_with(name) {
            match b.get(name.len()) {
                None | Some(b' ' | b'\t' | b'>') => return Some(1),
                _ => {}
            }
        }
    }
    if s.starts_with("<!--") {
        return Some(2);
    }
    if s.starts_with("<?") {
        return Some(3);
    }
    if s.starts_with("<![CDATA[") {
        return Some(5);
    }
    if b.get(2).is_some_and(u8::is_ascii_alphabetic) && s.starts_with("<!") {
        return Some(4);
    }
    let name_start = if b.get(1) == Some(&b'/') { 2 } else { 1 };
    let name_len = b[name_start..]
        .iter()
        .take_while(|c| c.is_ascii_alphanumeric() || **c == b'-')
        .count();
    let name = s[name_start..name_start + name_len].to_ascii_lowercase();
    if name_len > 0 && BLOCK_TAGS.binary_search(&name.as_str()).is_ok() {
        let after = &s[name_start + name_len..];
        if after.is_empty() || after.starts_with([' ', '\t', '>']) || after.starts_with("/>") {
            return Some(6);
        }
    }
    if !interrupts_para {
        if let Some(end) = super::raw::html_tag_end(s, 0) {
            let is_raw = ["script", "style", "pre", "textarea"].contains(&name.as_str());
            if !is_raw
                && s[end..].bytes().all(|b| b == b' ' || b == b'\t')
                && !s[..end].contains('\n')
            {
                return Some(7);
            }
        }
    }
    None
}

/// Does a line end an HTML block of kind `t` (kinds 1–5 end at a marker; 6 and 7 at a blank line)?
pub(super) fn html_block_ends(t: u8, line: &str) -> bool {
    match t {
        1 => {
            let l = line.to_ascii_lowercase();
            ["</script>", "</pre>", "</style>", "</textarea>"]
                .iter()
                .any(|end| l.contains(end))
        }
        2 => line.contains("-->"),
        3 => line.contains("?>"),
        4 => line.contains('>'),
        5 => line.contains("]]>"),
        _ => false,
    }
}

/// The block-level tag names of CommonMark's HTML block kind 6, sorted.
static BLOCK_TAGS: &[&str] = &[
    "address",
    "article",
    "aside",
    "base",
    "basefont",
    "blockquote",
    "body",
    "caption",
    "center",
    "col",
    "colgroup",
    "dd",
    "details",
    "dialog",
    "dir",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "frame",
    "frameset",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "head",
    "header",
    "hr",
    "html",
    "iframe",
    "legend",
    "li",
    "link",
    "main",
    "menu",
    "menuitem",
    "nav",
    "noframes",
    "ol",
    "optgroup",
    "option",
    "p",
    "param",
    "search",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "title",
    "tr",
    "track",
    "ul",
];
