//! Writing the output: escaped text, start tags with their checked attributes, end tags, and the top-level
//! [`Segment`]s they form (for [`super::super::sanitize_blocks`]). Where elements close is decided in
//! [`super::super::scope`].

use super::super::attrs::write_attrs;
use super::super::kinds::{is_block, is_table_part, is_void};
use super::super::table::fits_table_parent;
use super::super::text::escape_into;
use super::super::tokenizer::RawAttr;
use super::{Builder, MAX_DEPTH};

/// What a top-level piece of the output is (for [`super::sanitize_blocks`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(in crate::source::sanitize) enum SegKind {
    /// Loose text.
    Text,
    /// An inline element; `has_block` when a block element is nested inside it (`<a><div>…`).
    Inline { has_block: bool },
    /// A block element.
    Block,
}

/// A top-level piece of the output: `out[start..end]`. Consecutive segments are contiguous.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(in crate::source::sanitize) struct Segment {
    pub start: usize,
    pub end: usize,
    pub kind: SegKind,
}

impl Builder<'_, '_> {
    pub(in crate::source::sanitize) fn text(&mut self, s: &str) {
        if s.is_empty() || self.foster_text(s) {
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

    pub(in crate::source::sanitize) fn open(&mut self, name: &'static str, attrs: &[RawAttr<'_>]) {
        if is_table_part(name) && !self.stack.contains(&"table") {
            // A browser ignores these outside a table; so do we (their content stays).
            return;
        }
        if !self.table_keeps(name) {
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
                if name == "table" {
                    self.foster.push(String::new());
                }
            }
            if name == "pre" {
                self.pre_newline = true;
                self.pre_open_at = Some(self.out.len());
            }
        }
        self.scratch = scratch;
    }

    /// Closes open elements until only `len` remain.
    pub(in crate::source::sanitize) fn pop_to(&mut self, len: usize) {
        while self.stack.len() > len {
            let Some(name) = self.stack.pop() else { break };
            self.out.push_str("</");
            self.out.push_str(name);
            self.out.push('>');
            if self.stack.is_empty() {
                self.end_segment();
            }
            if name == "table" {
                self.flush_foster();
            }
        }
    }

    fn end_segment(&mut self) {
        if let Some(seg) = self.segments.last_mut() {
            seg.end = self.out.len();
        }
    }
}
