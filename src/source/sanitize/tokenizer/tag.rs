//! Reading one tag: its name, its attributes (quoted, unquoted or bare) and where it ends, the way a browser's
//! tokenizer does, including `<img/onerror=…>` and quoted values holding `>`.

use super::{is_space, RawAttr, Tokenizer, MAX_ATTRS};

impl<'a> Tokenizer<'a> {
    /// Parses a tag whose name starts at `start`. Returns the name, the self-closing flag and the offset after `>`,
    /// or `None` (and moves to the end) if the input ends inside the tag: browsers drop such a tag.
    pub(super) fn tag(
        &mut self,
        start: usize,
        attrs: &mut Vec<RawAttr<'a>>,
    ) -> Option<(&'a str, bool, usize)> {
        let src = self.src;
        let b = src.as_bytes();
        let mut i = start;
        while i < b.len() && !is_space(b[i]) && b[i] != b'/' && b[i] != b'>' {
            i += 1;
        }
        let name = &src[start..i];
        let mut self_closing = false;
        loop {
            while i < b.len() && is_space(b[i]) {
                i += 1;
            }
            match b.get(i) {
                None => break,
                Some(b'>') => return Some((name, self_closing, i + 1)),
                Some(b'/') => {
                    // `<img/onerror=…>`: a slash between attributes is skipped, so what follows is an attribute.
                    i += 1;
                    self_closing = b.get(i) == Some(&b'>');
                    continue;
                }
                Some(_) => {}
            }
            self_closing = false;
            let name_start = i;
            i += 1; // the first character may be '=': it is part of the name then
            while i < b.len() && !is_space(b[i]) && !matches!(b[i], b'/' | b'>' | b'=') {
                i += 1;
            }
            let attr_name = &src[name_start..i];
            while i < b.len() && is_space(b[i]) {
                i += 1;
            }
            let mut value = "";
            if b.get(i) == Some(&b'=') {
                i += 1;
                while i < b.len() && is_space(b[i]) {
                    i += 1;
                }
                match b.get(i) {
                    Some(&q @ (b'"' | b'\'')) => {
                        let close = src[i + 1..].find(char::from(q)).map(|k| i + 1 + k);
                        let Some(close) = close else { break };
                        value = &src[i + 1..close];
                        i = close + 1;
                    }
                    _ => {
                        let v0 = i;
                        while i < b.len() && !is_space(b[i]) && b[i] != b'>' {
                            i += 1;
                        }
                        value = &src[v0..i];
                    }
                }
            }
            if attrs.len() < MAX_ATTRS {
                attrs.push(RawAttr {
                    name: attr_name,
                    value,
                });
            }
        }
        self.pos = src.len();
        None
    }
}
