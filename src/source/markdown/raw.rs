//! Autolinks (`<https://…>`, `<user@host>`) and raw inline HTML (tags, comments, processing instructions,
//! declarations, CDATA): recognised, never interpreted; the sanitiser decides what stays. Searches for a
//! terminator remember where they failed, so a text full of unterminated `<!--` stays linear.

/// Where searches for the end of a comment, processing instruction, declaration or CDATA section found nothing:
/// a later search of the same kind starting after that point finds nothing either.
#[derive(Default)]
pub(super) struct HtmlMemo([Option<usize>; 4]);

impl HtmlMemo {
    fn find(&mut self, s: &str, from: usize, kind: usize, pat: &str) -> Option<usize> {
        if self.0[kind].is_some_and(|failed| from >= failed) {
            return None;
        }
        match s.get(from..).and_then(|rest| rest.find(pat)) {
            Some(at) => Some(from + at + pat.len()),
            None => {
                self.0[kind] = Some(self.0[kind].map_or(from, |f| f.min(from)));
                None
            }
        }
    }
}

/// `<scheme:…>` or `<user@host>` at `i`: the address, whether it is an email address, the end.
pub(super) fn autolink(s: &str, i: usize) -> Option<(&str, bool, usize)> {
    let b = s.as_bytes();
    let start = i + 1;
    // URI: a scheme of 2–32 characters, a colon, then no spaces, controls or angle brackets.
    let scheme = b[start..]
        .iter()
        .take(33)
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, b'+' | b'.' | b'-'))
        .count();
    if (2..=32).contains(&scheme)
        && b[start].is_ascii_alphabetic()
        && b.get(start + scheme) == Some(&b':')
    {
        let mut j = start + scheme + 1;
        while let Some(&c) = b.get(j) {
            match c {
                b'>' => return Some((&s[start..j], false, j + 1)),
                b'<' => return None,
                c if c <= b' ' || c == 0x7f => return None,
                _ => j += 1,
            }
        }
        return None;
    }
    // Email: the HTML spec's valid e-mail address.
    let local = b[start..]
        .iter()
        .take_while(|c| c.is_ascii_alphanumeric() || b".!#$%&'*+/=?^_`{|}~-".contains(c))
        .count();
    if local == 0 || b.get(start + local) != Some(&b'@') {
        return None;
    }
    let mut j = start + local + 1;
    loop {
        let label = b[j..]
            .iter()
            .take(64)
            .take_while(|c| c.is_ascii_alphanumeric() || **c == b'-')
            .count();
        if label == 0 || label > 63 || b[j] == b'-' || b[j + label - 1] == b'-' {
            return None;
        }
        j += label;
        match b.get(j) {
            Some(b'.') => j += 1,
            Some(b'>') => return Some((&s[start..j], true, j + 1)),
            _ => return None,
        }
    }
}

/// The end of the raw HTML tag, comment, processing instruction, declaration or CDATA section at `i`.
pub(super) fn html_tag_end(s: &str, i: usize) -> Option<usize> {
    tag_end(s, i, &mut HtmlMemo::default())
}

pub(super) fn tag_end(s: &str, i: usize, memo: &mut HtmlMemo) -> Option<usize> {
    let b = s.as_bytes();
    let rest = &s[i..];
    if let Some(body) = rest.strip_prefix("<!--") {
        if body.starts_with('>') {
            return Some(i + 5);
        }
        if body.starts_with("->") {
            return Some(i + 6);
        }
        return memo.find(s, i + 4, 0, "-->");
    }
    if rest.starts_with("<?") {
        return memo.find(s, i + 2, 1, "?>");
    }
    if rest.starts_with("<![CDATA[") {
        return memo.find(s, i + 9, 2, "]]>");
    }
    if rest.starts_with("<!") && b.get(i + 2).is_some_and(u8::is_ascii_alphabetic) {
        return memo.find(s, i + 2, 3, ">");
    }
    let closing = b.get(i + 1) == Some(&b'/');
    let mut j = i + 1 + usize::from(closing);
    if !b.get(j).is_some_and(u8::is_ascii_alphabetic) {
        return None;
    }
    while b
        .get(j)
        .is_some_and(|c| c.is_ascii_alphanumeric() || *c == b'-')
    {
        j += 1;
    }
    if closing {
        j = skip_ws(b, j);
        return (b.get(j) == Some(&b'>')).then_some(j + 1);
    }
    loop {
        let k = skip_ws(b, j);
        match b.get(k) {
            Some(b'>') => return Some(k + 1),
            Some(b'/') => return (b.get(k + 1) == Some(&b'>')).then_some(k + 2),
            _ => {}
        }
        // An attribute needs whitespace before it.
        if k == j {
            return None;
        }
        let name_ok = b
            .get(k)
            .is_some_and(|c| c.is_ascii_alphabetic() || matches!(c, b'_' | b':'));
        if !name_ok {
            return None;
        }
        j = k + 1;
        while b
            .get(j)
            .is_some_and(|c| c.is_ascii_alphanumeric() || matches!(c, b'_' | b'.' | b':' | b'-'))
        {
            j += 1;
        }
        let v = skip_ws(b, j);
        if b.get(v) != Some(&b'=') {
            continue;
        }
        let v = skip_ws(b, v + 1);
        match b.get(v) {
            Some(&q @ (b'"' | b'\'')) => {
                let close = s[v + 1..].find(char::from(q))?;
                j = v + 1 + close + 1;
            }
            Some(_) => {
                let len = b[v..]
                    .iter()
                    .take_while(|c| !c.is_ascii_whitespace() && !b"\"'=<>`".contains(c))
                    .count();
                if len == 0 {
                    return None;
                }
                j = v + len;
            }
            None => return None,
        }
    }
}

fn skip_ws(b: &[u8], mut i: usize) -> usize {
    while b.get(i).is_some_and(u8::is_ascii_whitespace) {
        i += 1;
    }
    i
}
