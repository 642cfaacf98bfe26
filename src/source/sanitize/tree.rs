//! The tree builder: walks the tokens, keeps a stack of the allowed elements it has opened, and writes a
//! well-formed, re-serialised copy of what the policy allows. It closes elements where a browser would imply their
//! end (a new `<li>`, `<p>` inside `<p>`…), keeps out of tables what a browser would foster-parent, closes all
//! still open at the end, and never nests deeper than [`MAX_DEPTH`], so the browser builds exactly the tree we
//! emit (checked against html5ever): there is nothing left for it to "fix", so no room for mutation XSS.
//!
//! Everything is a loop over tokens plus a bounded walk of the stack; no recursion. This file reads the tokens;
//! writing the output and its top-level segments is in [`emit`], implied ends and nesting limits in [`super::scope`].

mod emit;

pub(super) use emit::{SegKind, Segment};

use super::super::entities::decode_entities;
use super::kinds::is_void;
use super::policy::{classify, Action};
use super::text::normalize_newlines;
use super::tokenizer::{RawAttr, Token, Tokenizer};
use super::Policy;

/// Deepest nesting of emitted elements; deeper start tags are dropped (their text is kept).
pub(super) const MAX_DEPTH: usize = 64;

/// A dropped subtree being skipped: its element name as written and how many of it are open.
struct Skip<'a> {
    name: &'a str,
    depth: usize,
}

pub(super) struct Builder<'a, 'b> {
    policy: Policy,
    base: Option<&'b str>,
    out: String,
    pub(super) stack: Vec<&'static str>,
    skip: Option<Skip<'a>>,
    /// The previous token opened a `<pre>`: browsers drop one newline right after it, so we do too.
    pre_newline: bool,
    /// Output offset just after the last `<pre …>` we wrote (see [`Builder::text`]).
    pre_open_at: Option<usize>,
    segments: Vec<Segment>,
    scratch: String,
    /// Per open table, the text a browser would foster-parent out of it ([`super::table`]).
    pub(super) foster: Vec<String>,
}

/// The name in ASCII lower case, in `buf`; `""` for names longer than any element we know.
fn lowercase<'b>(name: &str, buf: &'b mut [u8; 16]) -> &'b str {
    let n = name.as_bytes();
    let Some(dst) = buf.get_mut(..n.len()) else {
        return "";
    };
    for (d, s) in dst.iter_mut().zip(n) {
        *d = s.to_ascii_lowercase();
    }
    std::str::from_utf8(dst).unwrap_or("")
}

pub(super) fn is_heading(name: &str) -> bool {
    matches!(name, "h2" | "h3" | "h4" | "h5" | "h6")
}

/// Sanitises `html`: the output and its top-level segments.
pub(super) fn run(html: &str, policy: Policy, base: Option<&str>) -> (String, Vec<Segment>) {
    let html = normalize_newlines(html);
    let mut b = Builder {
        policy,
        base,
        out: String::with_capacity(html.len().min(1 << 20)),
        stack: Vec::new(),
        skip: None,
        pre_newline: false,
        pre_open_at: None,
        segments: Vec::new(),
        scratch: String::new(),
        foster: Vec::new(),
    };
    let mut tokens = Tokenizer::new(&html);
    let mut attrs = Vec::new();
    while let Some(t) = tokens.next_token(&mut attrs) {
        b.token(t, &attrs);
    }
    b.pop_to(0);
    (b.out, b.segments)
}

impl<'a> Builder<'a, '_> {
    fn token(&mut self, t: Token<'a>, attrs: &[RawAttr<'_>]) {
        let after_pre = std::mem::take(&mut self.pre_newline);
        let mut buf = [0u8; 16];
        match t {
            Token::Text(raw) => {
                if self.skip.is_none() {
                    let raw = if after_pre {
                        raw.strip_prefix('\n').unwrap_or(raw)
                    } else {
                        raw
                    };
                    self.text(&decode_entities(raw));
                }
            }
            Token::Start { name, self_closing } => {
                if let Some(skip) = &mut self.skip {
                    if !self_closing && skip.name.eq_ignore_ascii_case(name) {
                        skip.depth += 1;
                    }
                    return;
                }
                let lower = lowercase(name, &mut buf);
                match classify(lower, self.policy) {
                    // `<svg/>` is complete in itself (foreign content honours the slash); void ones have no content.
                    Action::DropSubtree if !self_closing && !is_void(lower) => {
                        self.skip = Some(Skip { name, depth: 1 });
                    }
                    Action::DropSubtree | Action::Unwrap => {}
                    Action::AltText => {
                        if let Some(alt) = attrs.iter().find(|a| a.name.eq_ignore_ascii_case("alt"))
                        {
                            self.text(&decode_entities(alt.value));
                        }
                    }
                    Action::Keep(n) => self.open(n, attrs),
                }
            }
            Token::End { name } => {
                let kept = match classify(lowercase(name, &mut buf), self.policy) {
                    Action::Keep(n) => Some(n),
                    _ => None,
                };
                if let Some(skip) = &mut self.skip {
                    if skip.name.eq_ignore_ascii_case(name) {
                        skip.depth -= 1;
                        if skip.depth == 0 {
                            self.skip = None;
                        }
                        return;
                    }
                    // The end tag of an element we have open ends the skipped subtree too: an unclosed <svg> or
                    // <option> costs its own content, not the rest of the article.
                    match kept {
                        Some(n) if self.stack.contains(&n) => self.skip = None,
                        _ => return,
                    }
                }
                if let Some(n) = kept {
                    self.close(n);
                }
            }
        }
    }
}
