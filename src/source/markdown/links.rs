//! The pieces of a link both the block parser (reference definitions) and the inline parser (inline links) read:
//! labels, destinations, titles. Every scanner moves forward only and stops at a bounded distance or at the next
//! delimiter, so no input makes them quadratic (titles, the one unbounded case, remember where they failed).

use std::collections::HashMap;
use std::rc::Rc;

use super::escape::{is_ascii_punct, unescape};

/// Reference definitions by normalised label: destination and title, already unescaped. The first definition of a
/// label wins.
///
/// The index is a `HashMap<Rc<str>, usize>` into a list, the one map type the thread builder already uses: the wasm
/// then carries one instance of the hash table's code for both (each instance is about a kilobyte).
#[derive(Default)]
pub(super) struct RefMap {
    index: HashMap<Rc<str>, usize>,
    targets: Vec<(String, String)>,
}

impl RefMap {
    /// Keeps `(destination, title)` for `label` (normalised) unless the label is already defined.
    fn define(&mut self, label: String, target: (String, String)) {
        // `contains_key` and `insert`, the calls the thread builder makes, so no other instance is needed.
        if !self.index.contains_key(label.as_str()) {
            self.index.insert(Rc::from(label), self.targets.len());
            self.targets.push(target);
        }
    }

    /// The destination and title defined for `label` (normalised).
    pub(super) fn get(&self, label: &str) -> Option<&(String, String)> {
        self.targets.get(*self.index.get(label)?)
    }
}

/// Longest link label CommonMark allows.
const MAX_LABEL: usize = 999;
/// Parentheses a bare destination may nest (cmark's limit).
const MAX_PARENS: usize = 32;

/// A label as references match it: inner whitespace collapsed, trimmed, ASCII letters case-folded. CommonMark
/// folds every Unicode letter; that needs the Unicode case tables (several KB of the wasm) for labels that differ
/// only in the case of a non-ASCII letter, which real comments do not write (a known difference, listed in the
/// differential test).
pub(super) fn normalize_label(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out.make_ascii_lowercase();
    out
}

/// A link label `[…]` starting at `i`: returns the end of its content and the position after `]`.
pub(super) fn scan_label(s: &str, i: usize) -> Option<(usize, usize)> {
    let b = s.as_bytes();
    if b.get(i) != Some(&b'[') {
        return None;
    }
    let mut j = i + 1;
    let mut nonblank = false;
    while j < b.len() && j - i <= MAX_LABEL + 1 {
        match b[j] {
            b'\\' if b.get(j + 1).is_some_and(|&c| is_ascii_punct(c)) => {
                nonblank = true;
                j += 2;
                continue;
            }
            b'[' => return None,
            b']' => {
                return (nonblank && j - i - 1 <= MAX_LABEL).then_some((j, j + 1));
            }
            c => nonblank |= !c.is_ascii_whitespace(),
        }
        j += 1;
    }
    None
}

/// A link destination at `i`: `<…>` (may be empty) or a bare run with balanced parentheses (empty when
/// `allow_empty`). Returns it unescaped and the position after it.
pub(super) fn scan_destination(s: &str, i: usize, allow_empty: bool) -> Option<(String, usize)> {
    let b = s.as_bytes();
    if b.get(i) == Some(&b'<') {
        let mut j = i + 1;
        while j < b.len() {
            match b[j] {
                b'>' => return Some((unescape(&s[i + 1..j]), j + 1)),
                b'<' | b'\n' | b'\r' => return None,
                b'\\' if b.get(j + 1).is_some_and(|&c| is_ascii_punct(c)) => j += 2,
                _ => j += 1,
            }
        }
        return None;
    }
    let mut depth = 0usize;
    let mut j = i;
    while j < b.len() {
        match b[j] {
            b'\\' if b.get(j + 1).is_some_and(|&c| is_ascii_punct(c)) => {
                j += 2;
                continue;
            }
            b'(' => {
                depth += 1;
                if depth > MAX_PARENS {
                    return None;
                }
            }
            b')' if depth == 0 => break,
            b')' => depth -= 1,
            c if c <= b' ' || c == 0x7f => break,
            _ => {}
        }
        j += 1;
    }
    if depth != 0 || (j == i && !allow_empty) {
        return None;
    }
    Some((unescape(&s[i..j]), j))
}

/// Where title scans reached the end of the text without finding their closing quote, by kind (`"`, `'`, `)`):
/// a later title of the same kind starting after that point cannot close either.
#[derive(Default)]
pub(super) struct TitleMemo([Option<usize>; 3]);

/// A link title at `i`: `"…"`, `'…'` or `(…)`. Returns it unescaped and the position after it.
pub(super) fn scan_title(s: &str, i: usize, memo: &mut TitleMemo) -> Option<(String, usize)> {
    let b = s.as_bytes();
    let (close, slot) = match b.get(i) {
        Some(b'"') => (b'"', 0),
        Some(b'\'') => (b'\'', 1),
        Some(b'(') => (b')', 2),
        _ => return None,
    };
    if memo.0[slot].is_some_and(|failed| i >= failed) {
        return None;
    }
    let mut j = i + 1;
    while j < b.len() {
        match b[j] {
            b'\\' if b.get(j + 1).is_some_and(|&c| is_ascii_punct(c)) => j += 2,
            c if c == close => return Some((unescape(&s[i + 1..j]), j + 1)),
            b'(' if close == b')' => return None,
            _ => j += 1,
        }
    }
    memo.0[slot] = Some(memo.0[slot].map_or(i, |f| f.min(i)));
    None
}

/// Spaces and tabs from `i`, then at most one line ending and the spaces and tabs after it. Returns the new
/// position and whether a line ending was crossed.
pub(super) fn skip_space(s: &str, mut i: usize) -> (usize, bool) {
    let b = s.as_bytes();
    while matches!(b.get(i), Some(b' ' | b'\t')) {
        i += 1;
    }
    let mut newline = false;
    if b.get(i) == Some(&b'\n') {
        newline = true;
        i += 1;
        while matches!(b.get(i), Some(b' ' | b'\t')) {
            i += 1;
        }
    }
    (i, newline)
}

/// Position after the spaces and tabs from `i` if the line ends there (at `\n` or the end of text).
fn line_end(s: &str, mut i: usize) -> Option<usize> {
    let b = s.as_bytes();
    while matches!(b.get(i), Some(b' ' | b'\t')) {
        i += 1;
    }
    match b.get(i) {
        None => Some(i),
        Some(b'\n') => Some(i + 1),
        _ => None,
    }
}

/// Reads the link reference definitions at the start of a paragraph's text into `refs`; returns how many bytes
/// they took (the rest is the paragraph).
pub(super) fn take_ref_defs(s: &str, refs: &mut RefMap) -> usize {
    let mut memo = TitleMemo::default();
    let mut p = 0;
    loop {
        // Continuation lines keep their indentation.
        let start = p + s[p..].len() - s[p..].trim_start_matches([' ', '\t']).len();
        let Some((label, dest, title, end)) = ref_def(s, start, &mut memo) else {
            return p;
        };
        refs.define(normalize_label(&label), (dest, title));
        p = end;
    }
}

/// One definition `[label]: destination "title"` at `p`, ending at a line end.
fn ref_def(s: &str, p: usize, memo: &mut TitleMemo) -> Option<(String, String, String, usize)> {
    let (label_end, after) = scan_label(s, p)?;
    if s.as_bytes().get(after) != Some(&b':') {
        return None;
    }
    let label = &s[p + 1..label_end];
    let (q, _) = skip_space(s, after + 1);
    let (dest, dest_end) = scan_destination(s, q, false)?;
    let without_title = line_end(s, dest_end);
    let (t, _) = skip_space(s, dest_end);
    if t > dest_end {
        if let Some((title, title_end)) = scan_title(s, t, memo) {
            if let Some(end) = line_end(s, title_end) {
                return Some((label.to_owned(), dest, title, end));
            }
        }
    }
    without_title.map(|end| (label.to_owned(), dest, String::new(), end))
}
