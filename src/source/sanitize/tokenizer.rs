//! A lenient HTML tokenizer: enough of the HTML tokenizer to find text, tags and comments roughly where a browser
//! would. Exact fidelity is not what keeps the page safe (the sanitiser re-serialises only what it allows, escaped,
//! so the browser parses exactly our output); it only decides which text survives.
//!
//! Every step moves forward through the input and nothing recurses, so time is linear and the stack is flat.
//! This file drives the token loop; reading a tag is in [`tag`], skipping comments and raw text in [`skip`].

mod skip;
mod tag;

use skip::{bogus_comment_end, comment_end, find_end_tag};

/// An attribute as written: the name in its original case, the value still entity-encoded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct RawAttr<'a> {
    pub name: &'a str,
    pub value: &'a str,
}

/// One token. Attributes of a start tag go to the vector passed to [`Tokenizer::next_token`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Token<'a> {
    /// Text, entities not yet decoded. Consecutive text may come in several tokens.
    Text(&'a str),
    /// A start tag; `name` in its original case.
    Start { name: &'a str, self_closing: bool },
    /// An end tag; `name` in its original case.
    End { name: &'a str },
}

/// Elements whose content a browser does not parse as markup: it runs to the matching end tag. We skip it whole.
const RAW_TEXT: &[&str] = &[
    "script", "style", "xmp", "iframe", "noembed", "noframes", "noscript", "textarea", "title",
];

/// More than this many attributes on one tag are ignored (they are still parsed past).
const MAX_ATTRS: usize = 64;

/// HTML's ASCII whitespace.
fn is_space(b: u8) -> bool {
    matches!(b, b'\t' | b'\n' | b'\x0c' | b'\r' | b' ')
}

pub(super) struct Tokenizer<'a> {
    src: &'a str,
    pos: usize,
    /// Set after the start tag of a raw-text element: the next call skips its content.
    raw: Option<&'a str>,
}

impl<'a> Tokenizer<'a> {
    pub fn new(src: &'a str) -> Self {
        Tokenizer {
            src,
            pos: 0,
            raw: None,
        }
    }

    /// The next token, or `None` at the end of the input. `attrs` is cleared and receives a start tag's attributes.
    pub fn next_token(&mut self, attrs: &mut Vec<RawAttr<'a>>) -> Option<Token<'a>> {
        attrs.clear();
        if let Some(name) = self.raw.take() {
            self.pos = find_end_tag(self.src, self.pos, name).unwrap_or(self.src.len());
        }
        let bytes = self.src.as_bytes();
        loop {
            let rest = self.src.get(self.pos..).filter(|r| !r.is_empty())?;
            if !rest.starts_with('<') {
                let n = rest.find('<').unwrap_or(rest.len());
                self.pos += n;
                return Some(Token::Text(&rest[..n]));
            }
            let at = self.pos;
            match bytes.get(at + 1) {
                Some(c) if c.is_ascii_alphabetic() => {
                    let (name, self_closing, end) = self.tag(at + 1, attrs)?;
                    self.pos = end;
                    if name.eq_ignore_ascii_case("plaintext") {
                        // Everything after <plaintext> is text to a browser, for ever: we drop it all.
                        self.pos = self.src.len();
                    } else if RAW_TEXT.iter().any(|r| r.eq_ignore_ascii_case(name)) {
                        self.raw = Some(name);
                    }
                    return Some(Token::Start { name, self_closing });
                }
                Some(b'/') => match bytes.get(at + 2) {
                    Some(c) if c.is_ascii_alphabetic() => {
                        // End tags may carry attributes (ignored) whose quoted values can hold '>'.
                        let mut ignored = Vec::new();
                        let (name, _, end) = self.tag(at + 2, &mut ignored)?;
                        self.pos = end;
                        return Some(Token::End { name });
                    }
                    Some(b'>') => self.pos = at + 3,
                    Some(_) => self.pos = bogus_comment_end(self.src, at + 2),
                    None => {
                        self.pos = self.src.len();
                        return Some(Token::Text(rest));
                    }
                },
                Some(b'!') if rest.starts_with("<!--") => self.pos = comment_end(self.src, at + 4),
                Some(b'!' | b'?') => self.pos = bogus_comment_end(self.src, at + 2),
                _ => {
                    // A '<' that starts no tag is text, up to the next '<'.
                    let n = rest[1..].find('<').map_or(rest.len(), |i| i + 1);
                    self.pos += n;
                    return Some(Token::Text(&rest[..n]));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests;
