//! The tree builder: walks the tokens, keeps a stack of the allowed elements it has opened, and writes a
//! well-formed, re-serialised copy of what the policy allows. It closes elements where a browser would imply their
//! end (a new `<li>`, `<p>` inside `<p>`…), closes everything still open at the end, and never nests deeper than
//! [`MAX_DEPTH`], so the browser builds exactly the tree we emit: there is nothing left for it to "fix", and so no
//! room for mutation XSS.
//!
//! Everything is a loop over tokens plus a bounded walk of the stack; no recursion.

use super::super::entities::decode_entities;
use super::attrs::write_attrs;
use super::policy::{classify, is_block, is_table_part, is_void, Action};
use super::text::{escape_into, normalize_newlines};
use super::tokenizer::{RawAttr, Token, Tokenizer};
use super::Policy;

/// Deepest nesting of emitted elements; deeper start tags are dropped (their text is kept).
pub(super) const MAX_DEPTH: usize = 64;

/// What a top-level piece of the output is (for [`super::sanitize_blocks`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum SegKind {
    /// Loose text.
    Text,
    /// An inline element; `has_block` when a block element is nested inside it (`<a><div>…`).
    Inline { has_block: bool },
    /// A block element.
    Block,
}

/// A top-level piece of the output: `out[start..end]`. Consecutive segments are contiguous.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Segment {
    pub start: usize,
    pub end: usize,
    pub kind: SegKind,
}

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
}

/// Can table part `name` open directly inside `parent`? Only where a browser keeps it as written.
fn fits_table_parent(name: &str, parent: Option<&str>) -> bool {
    match name {
        "caption" | "thead" | "tbody" | "tfoot" => parent == Some("table"),
        "tr" => matches!(parent, Some("table" | "thead" | "tbody" | "tfoot")),
        "td" | "th" => parent == Some("tr"),
        _ => true,
    }
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

    fn text(&mut self, s: &str) {
        if s.is_empty() {
            return;
        }
        let start = self.out.len();
        if self.stack.is_empty() {
            match self.segments.last() {
                Some(seg) if seg.kind == SegKind::Text && seg.end == start => {}
                _ => self.segments.push(Segment {
                    start,
                    end: start,
                    kind: SegKind::Text,
                }),
            }
        }
        escape_into(&mut self.out, s, false);
        // A browser eats one newline right after <pre>: give it one to eat so this one stays. Checked on what was
        // written, not on `s`: escaping drops NULs and turns CR into LF, so "\0\r" also starts with a newline.
        if !self.stack.is_empty()
            && self.pre_open_at == Some(start)
            && self.out[start..].starts_with('\n')
        {
            self.out.insert(start, '\n');
        }
        if self.stack.is_empty() {
            self.end_segment();
        }
    }

    pub(super) fn open(&mut self, name: &'static str, attrs: &[RawAttr<'_>]) {
        if is_table_part(name) && !self.stack.contains(&"table") {
            // A browser ignores these outside a table; so do we (their content stays).
            return;
        }
        self.implied_ends(name);
        if is_table_part(name) && !fits_table_parent(name, self.stack.last().copied()) {
            // Misplaced inside the table (a row in a paragraph, a cell outside a row): a browser would move or
            // re-parent it, and then our output would not parse back to what we meant. Keep only its content.
            return;
        }
        let void = is_void(name);
        if !void && self.stack.len() >= MAX_DEPTH {
            return;
        }
        let mut scratch = std::mem::take(&mut self.scratch);
        scratch.clear();
        if write_attrs(&mut scratch, name, attrs, self.policy, self.base) {
            let start = self.out.len();
            let block = is_block(name);
            if self.stack.is_empty() {
                let kind = if block {
                    SegKind::Block
                } else {
                    SegKind::Inline { has_block: false }
                };
                self.segments.push(Segment {
                    start,
                    end: start,
                    kind,
                });
            } else if let (true, Some(seg)) = (block, self.segments.last_mut()) {
                if let SegKind::Inline { has_block } = &mut seg.kind {
                    *has_block = true;
                }
            }
            self.out.push('<');
            self.out.push_str(name);
            self.out.push_str(&scratch);
            self.out.push('>');
            if void {
                if self.stack.is_empty() {
                    self.end_segment();
                }
            } else {
                self.stack.push(name);
            }
            if name == "pre" {
                self.pre_newline = true;
                self.pre_open_at = Some(self.out.len());
            }
        }
        self.scratch = scratch;
    }

    /// Closes open elements until only `len` remain.
    pub(super) fn pop_to(&mut self, len: usize) {
        while self.stack.len() > len {
            let Some(name) = self.stack.pop() else { break };
            self.out.push_str("</");
            self.out.push_str(name);
            self.out.push('>');
            if self.stack.is_empty() {
                self.end_segment();
            }
        }
    }

    fn end_segment(&mut self) {
        if let Some(seg) = self.segments.last_mut() {
            seg.end = self.out.len();
        }
    }
}
