//! Phase two of CommonMark: the text of one paragraph, heading or table cell into inline HTML — code spans,
//! emphasis, strikethrough, links, images, autolinks, raw HTML, escapes, character references, line breaks.
//!
//! One left-to-right pass turns the text into pieces; delimiter runs (`*`, `_`, `~`) and brackets go on stacks and
//! are matched with CommonMark's algorithm. The delimiter stack is a linked list over an arena with the spec's
//! "openers bottom" bounds, brackets deactivate through a watermark, code spans find their closing run in an
//! index, and every look-ahead that can fail far away remembers where it failed: the pass stays linear (or
//! n·log n) on hostile input, and nothing recurses.

use super::escape::{escape_attr, escape_href, escape_text, is_ascii_punct, is_punct, scan_entity};
use super::links::{
    normalize_label, scan_destination, scan_label, scan_title, skip_space, RefMap, TitleMemo,
};
use super::raw::{autolink, tag_end, HtmlMemo};

/// Renders inline Markdown `text` into `out`.
pub(super) fn render(out: &mut String, text: &str, refs: &RefMap) {
    let text = text.trim_end_matches([' ', '\t', '\n']);
    let mut p = InlineParser::new(text, refs);
    p.parse();
    p.write(out);
}

const NONE: usize = usize::MAX;

enum Piece {
    /// Literal text, escaped when written.
    Text(String),
    Code(String),
    /// Raw inline HTML, written as is (the sanitiser follows).
    Html(String),
    SoftBreak,
    HardBreak,
    /// A delimiter run: index into the delimiter arena.
    Delim(usize),
    LinkStart {
        image: bool,
        dest: String,
        title: String,
    },
    LinkEnd {
        image: bool,
        title: String,
    },
}

struct Delim {
    ch: u8,
    /// Characters not (yet) used by emphasis.
    count: usize,
    /// Length of the run as written (the "multiple of 3" rule uses it).
    orig: usize,
    can_open: bool,
    can_close: bool,
    prev: usize,
    next: usize,
    /// Tags this run opens (in match order: later ones are outer) and closes.
    opens: Vec<&'static str>,
    closes: Vec<&'static str>,
}

struct Bracket {
    piece: usize,
    image: bool,
    /// The last delimiter before the bracket: emphasis inside the link text is matched above it.
    delim_bottom: usize,
    /// Where the link text starts.
    text_start: usize,
    /// Another `[` follows inside: the text cannot be a reference label.
    bracket_after: bool,
}

struct InlineParser<'a> {
    s: &'a str,
    refs: &'a RefMap,
    pieces: Vec<Piece>,
    delims: Vec<Delim>,
    tail: usize,
    brackets: Vec<Bracket>,
    /// Brackets below this index are inactive links (a link formed after them: links do not nest).
    inactive_below: usize,
    buf: String,
    /// Backtick runs by length (see [`CodeRuns`]), found on the first backtick.
    code_runs: Option<CodeRuns>,
    titles: TitleMemo,
    html: HtmlMemo,
}

impl<'a> InlineParser<'a> {
    fn new(s: &'a str, refs: &'a RefMap) -> Self {
        let sentinel = Delim {
            ch: 0,
            count: 0,
            orig: 0,
            can_open: false,
            can_close: false,
            prev: NONE,
            next: NONE,
            opens: Vec::new(),
            closes: Vec::new(),
        };
        InlineParser {
            s,
            refs,
            pieces: Vec::new(),
            delims: vec![sentinel],
            tail: 0,
            brackets: Vec::new(),
            inactive_below: 0,
            buf: String::new(),
            code_runs: None,
            titles: TitleMemo::default(),
            html: HtmlMemo::default(),
        }
    }

    fn flush(&mut self) {
        if !self.buf.is_empty() {
            self.pieces.push(Piece::Text(std::mem::take(&mut self.buf)));
        }
    }

    fn parse(&mut self) {
        let s = self.s;
        let b = s.as_bytes();
        let mut i = 0;
        let mut mark = 0;
        while i < b.len() {
            let c = b[i];
            if !matches!(
                c,
                b'\\' | b'`' | b'*' | b'_' | b'~' | b'[' | b'!' | b']' | b'<' | b'&' | b'\n'
            ) {
                i += 1;
                continue;
            }
            self.buf.push_str(&s[mark..i]);
            i = match c {
                b'\\' => match b.get(i + 1) {
                    Some(&n) if is_ascii_punct(n) => {
                        self.buf.push(char::from(n));
                        i + 2
                    }
                    Some(b'\n') => {
                        self.flush();
                        self.pieces.push(Piece::HardBreak);
                        skip_indent(b, i + 2)
                    }
                    _ => {
                        self.buf.push('\\');
                        i + 1
                    }
                },
                b'\n' => {
                    // Two spaces before the line end make a hard break (pulldown-cmark counted tabs too, and so
                    // do we); a single one goes.
                    let trimmed = self.buf.trim_end_matches([' ', '\t']).len();
                    let hard = self.buf.len() - trimmed >= 2;
                    self.buf.truncate(trimmed);
                    self.flush();
                    self.pieces.push(if hard {
                        Piece::HardBreak
                    } else {
                        Piece::SoftBreak
                    });
                    skip_indent(b, i + 1)
                }
                b'`' => self.code_span(i),
                b'*' | b'_' | b'~' => self.delim_run(i),
                b'[' => self.open_bracket(i, false),
                b'!' if b.get(i + 1) == Some(&b'[') => self.open_bracket(i, true),
                b'!' => {
                    self.buf.push('!');
                    i + 1
                }
                b']' => self.close_bracket(i),
                b'<' => self.angle(i),
                _ => match scan_entity(s, i) {
                    Some((text, end)) => {
                        self.buf.push_str(&text);
                        end
                    }
                    None => {
                        self.buf.push('&');
                        i + 1
                    }
                },
            };
            mark = i;
        }
        self.buf.push_str(&s[mark.min(s.len())..]);
        self.flush();
        self.process_emphasis(0);
    }

    /// A backtick run at `i`: a code span up to the next run of the same length, or literal backticks.
    fn code_span(&mut self, i: usize) -> usize {
        let s = self.s;
        let b = s.as_bytes();
        let len = b[i..].iter().take_while(|&&c| c == b'`').count();
        let runs = self.code_runs.get_or_insert_with(|| backtick_runs(b));
        if let Some((_, starts, seen)) = runs
            .binary_search_by_key(&len, |r| r.0)
            .ok()
            .and_then(|k| runs.get_mut(k))
        {
            while *seen < starts.len() && starts[*seen] < i + len {
                *seen += 1;
            }
            if let Some(&close) = starts.get(*seen) {
                let mut code: String = s[i + len..close]
                    .chars()
                    .map(|c| if c == '\n' { ' ' } else { c })
                    .collect();
                if code.len() >= 2
                    && code.starts_with(' ')
                    && code.ends_with(' ')
                    && !code.bytes().all(|c| c == b' ')
                {
                    code = code[1..code.len() - 1].to_owned();
                }
                self.flush();
                self.pieces.push(Piece::Code(code));
                return close + len;
            }
        }
        self.buf.push_str(&s[i..i + len]);
        i + len
    }

    /// A run of `*`, `_` or `~` at `i`: a delimiter with CommonMark's flanking rules.
    fn delim_run(&mut self, i: usize) -> usize {
        let s = self.s;
        let b = s.as_bytes();
        let ch = b[i];
        let len = b[i..].iter().take_while(|&&c| c == ch).count();
        let end = i + len;
        if ch == b'~' && len > 2 {
            self.buf.push_str(&s[i..end]);
            return end;
        }
        let before = s[..i].chars().next_back().unwrap_or('\n');
        let after = s[end..].chars().next().unwrap_or('\n');
        let left = !after.is_whitespace()
            && (!is_punct(after) || before.is_whitespace() || is_punct(before));
        let right = !before.is_whitespace()
            && (!is_punct(before) || after.is_whitespace() || is_punct(after));

        let (before_ws, after_ws) = (before.is_whitespace(), after.is_whitespace());
        // `_` cannot open or close inside a word, `*` can. Tildes follow GFM as pulldown-cmark read it: `~~` opens
        // before any non-space and closes after a non-space that is not punctuation (or where `*` would), a
        // single `~` behaves like `_`.
        let (can_open, can_close) = if ch == b'~' {
            let open = !after_ws && (len == 2 || before_ws || is_punct(before));
            let close = !before_ws
                && ((len == 2 && !is_punct(before))
                    || before == '~'
                    || after_ws
                    || is_punct(after));
            (open, close)
        } else if ch == b'_' {
            (
                left && (!right || is_punct(before)),
                right && (!left || is_punct(after)),
            )
        } else {
            (left, right)
        };
        self.flush();
        let id = self.delims.len();
        self.delims.push(Delim {
            ch,
            count: len,
            orig: len,
            can_open,
            can_close,
            prev: self.tail,
            next: NONE,
            opens: Vec::new(),
            closes: Vec::new(),
        });
        self.delims[self.tail].next = id;
        self.tail = id;
        self.pieces.push(Piece::Delim(id));
        end
    }

    fn open_bracket(&mut self, i: usize, image: bool) -> usize {
        self.flush();
        if let Some(top) = self.brackets.last_mut() {
            top.bracket_after = true;
        }
        let text_start = i + if image { 2 } else { 1 };
        self.brackets.push(Bracket {
            piece: self.pieces.len(),
            image,
            delim_bottom: self.tail,
            text_start,
            bracket_after: false,
        });
        self.pieces
            .push(Piece::Text(if image { "![" } else { "[" }.to_owned()));
        text_start
    }

    fn pop_bracket(&mut self) {
        self.brackets.pop();
        self.inactive_below = self.inactive_below.min(self.brackets.len());
    }

    /// `]` at `i`: a link or image if the innermost open bracket and what follows make one, else text.
    fn close_bracket(&mut self, i: usize) -> usize {
        let Some(top) = self.brackets.last() else {
            self.buf.push(']');
            return i + 1;
        };
        if !top.image && self.brackets.len() - 1 < self.inactive_below {
            self.pop_bracket();
            self.buf.push(']');
            return i + 1;
        }
        let (image, piece, bottom) = (top.image, top.piece, top.delim_bottom);
        let found = self.link_after(i, top.text_start, top.bracket_after);
        let Some((dest, title, end)) = found else {
            self.pop_bracket();
            self.buf.push(']');
            return i + 1;
        };
        self.flush();
        self.pieces[piece] = Piece::LinkStart {
            image,
            dest,
            title: title.clone(),
        };
        self.pieces.push(Piece::LinkEnd { image, title });
        self.process_emphasis(bottom);
        self.pop_bracket();
        if !image {
            self.inactive_below = self.brackets.len();
        }
        end
    }

    /// What follows the `]` at `i`: an inline destination `(…)`, or a reference (full `[label]`, collapsed `[]`,
    /// or the link text itself). Returns destination, title and the end of the link.
    fn link_after(
        &mut self,
        i: usize,
        text_start: usize,
        bracket_after: bool,
    ) -> Option<(String, String, usize)> {
        let s = self.s;
        let after = i + 1;
        if s.as_bytes().get(after) == Some(&b'(') {
            if let Some(link) = self.inline_destination(after) {
                return Some(link);
            }
        }
        let text_label = (!bracket_after).then(|| &s[text_start..i]);
        let (label, end) = if s[after..].starts_with("[]") {
            (text_label, after + 2)
        } else if let Some((label_end, end)) = scan_label(s, after) {
            (Some(&s[after + 1..label_end]), end)
        } else {
            (text_label, after)
        };
        let label = label.filter(|l| l.len() <= 999 && !l.trim().is_empty())?;
        let (dest, title) = self.refs.get(&normalize_label(label))?;
        Some((dest.clone(), title.clone(), end))
    }

    /// `(destination "title")` at `open`.
    fn inline_destination(&mut self, open: usize) -> Option<(String, String, usize)> {
        let s = self.s;
        let b = s.as_bytes();
        let (p, _) = skip_space(s, open + 1);
        let (dest, p) = if b.get(p) == Some(&b')') {
            (String::new(), p)
        } else {
            scan_destination(s, p, true)?
        };
        let (mut q, _) = skip_space(s, p);
        let mut title = String::new();
        if q > p {
            if let Some((t, end)) = scan_title(s, q, &mut self.titles) {
                title = t;
                q = skip_space(s, end).0;
            }
        }
        (b.get(q) == Some(&b')')).then_some((dest, title, q + 1))
    }

    /// `<` at `i`: an autolink, raw HTML, or text.
    fn angle(&mut self, i: usize) -> usize {
        let s = self.s;
        if let Some((url, email, end)) = autolink(s, i) {
            self.flush();
            let dest = if email {
                format!("mailto:{url}")
            } else {
                url.to_owned()
            };
            self.pieces.push(Piece::LinkStart {
                image: false,
                dest,
                title: String::new(),
            });
            self.pieces.push(Piece::Text(url.to_owned()));
            self.pieces.push(Piece::LinkEnd {
                image: false,
                title: String::new(),
            });
            return end;
        }
        if let Some(end) = tag_end(s, i, &mut self.html) {
            self.flush();
            self.pieces.push(Piece::Html(s[i..end].to_owned()));
            return end;
        }
        self.buf.push('<');
        i + 1
    }

    fn unlink(&mut self, d: usize) {
        let (prev, next) = (self.delims[d].prev, self.delims[d].next);
        self.delims[prev].next = next;
        if next == NONE {
            self.tail = prev;
        } else {
            self.delims[next].prev = prev;
        }
    }

    /// CommonMark's "process emphasis" over the delimiters after `bottom`; removes them from the stack.
    fn process_emphasis(&mut self, bottom: usize) {
        // Lowest opener worth looking at, by delimiter kind, whether the closer can also open, closer length % 3.
        let mut floor = [[[bottom; 3]; 2]; 3];
        let mut closer = self.delims[bottom].next;
        while closer != NONE {
            let d = &self.delims[closer];
            if !d.can_close {
                closer = d.next;
                continue;
            }
            let kind = match d.ch {
                b'*' => 0,
                b'_' => 1,
                _ => 2,
            };
            // Tildes share one bound whatever the run (pulldown-cmark's reading: a `~~` that closes nothing hides
            // the openers below it from a later `~`).
            let key = if kind == 2 {
                (2, 0, 0)
            } else {
                (kind, usize::from(d.can_open), d.orig % 3)
            };
            let lowest = floor[key.0][key.1][key.2];
            let mut o = d.prev;
            let mut found = NONE;
            while o != NONE && o > lowest {
                let od = &self.delims[o];
                if od.ch == d.ch && od.can_open && od.count > 0 {
                    let ok = if d.ch == b'~' {
                        od.count == d.count
                    } else {
                        !((od.can_close || d.can_open)
                            && (od.orig + d.orig) % 3 == 0
                            && !(od.orig % 3 == 0 && d.orig % 3 == 0))
                    };
                    if ok {
                        found = o;
                        break;
                    }
                }
                o = od.prev;
            }
            if found == NONE {
                floor[key.0][key.1][key.2] = d.prev;
                let (next, can_open) = (d.next, d.can_open);
                if !can_open {
                    self.unlink(closer);
                }
                closer = next;
                continue;
            }
            let (oc, cc) = (self.delims[found].count, self.delims[closer].count);
            let (used, tag) = match d.ch {
                b'~' => (cc, "del"),
                _ if oc >= 2 && cc >= 2 => (2, "strong"),
                _ => (1, "em"),
            };
            self.delims[found].count -= used;
            self.delims[found].opens.push(tag);
            self.delims[closer].count -= used;
            self.delims[closer].closes.push(tag);
            // Delimiters between the two can no longer match anything.
            self.delims[found].next = closer;
            self.delims[closer].prev = found;
            if self.delims[found].count == 0 {
                self.unlink(found);
            }
            if self.delims[closer].count == 0 {
                let next = self.delims[closer].next;
                self.unlink(closer);
                closer = next;
            }
        }
        self.delims[bottom].next = NONE;
        self.tail = bottom;
    }

    fn write(&self, out: &mut String) {
        // Inside an image only the text counts: it becomes the alt attribute.
        let mut alt = 0usize;
        for piece in &self.pieces {
            match piece {
                Piece::Text(t) if alt > 0 => escape_attr(out, t),
                Piece::Text(t) => escape_text(out, t),
                Piece::Code(t) | Piece::Html(t) if alt > 0 => escape_attr(out, t),
                Piece::Code(t) => {
                    out.push_str("<code>");
                    escape_text(out, t);
                    out.push_str("</code>");
                }
                Piece::Html(t) => out.push_str(t),
                Piece::SoftBreak | Piece::HardBreak if alt > 0 => out.push(' '),
                Piece::SoftBreak => out.push('\n'),
                Piece::HardBreak => out.push_str("<br />\n"),
                Piece::Delim(d) => {
                    let d = &self.delims[*d];
                    if alt == 0 {
                        for tag in &d.closes {
                            out.push_str("</");
                            out.push_str(tag);
                            out.push('>');
                        }
                    }
                    for _ in 0..d.count {
                        out.push(char::from(d.ch));
                    }
                    if alt == 0 {
                        for tag in d.opens.iter().rev() {
                            out.push('<');
                            out.push_str(tag);
                            out.push('>');
                        }
                    }
                }
                Piece::LinkStart { image, dest, title } => {
                    if alt > 0 {
                        alt += usize::from(*image);
                    } else if *image {
                        out.push_str("<img src=\"");
                        escape_href(out, dest);
                        out.push_str("\" alt=\"");
                        alt = 1;
                    } else {
                        out.push_str("<a href=\"");
                        escape_href(out, dest);
                        if !title.is_empty() {
                            out.push_str("\" title=\"");
                            escape_attr(out, title);
                        }
                        out.push_str("\">");
                    }
                }
                Piece::LinkEnd { image, title } => {
                    if *image {
                        alt = alt.saturating_sub(1);
                        if alt == 0 {
                            if !title.is_empty() {
                                out.push_str("\" title=\"");
                                escape_attr(out, title);
                            }
                            out.push_str("\" />");
                        }
                    } else if alt == 0 {
                        out.push_str("</a>");
                    }
                }
            }
        }
    }
}

/// Position after the spaces and tabs that start the next line.
fn skip_indent(b: &[u8], mut i: usize) -> usize {
    while matches!(b.get(i), Some(b' ' | b'\t')) {
        i += 1;
    }
    i
}

/// Backtick runs grouped by length, shortest first: the length, the runs' start positions (ascending), and how many
/// of them lie behind the cursor. A sorted list, not a hash map: a text of n bytes has fewer than √(2n) distinct
/// run lengths, and the wasm carries one hash map instantiation fewer.
type CodeRuns = Vec<(usize, Vec<usize>, usize)>;

/// Every maximal run of backticks, grouped by length.
fn backtick_runs(b: &[u8]) -> CodeRuns {
    let mut runs = CodeRuns::new();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'`' {
            let len = b[i..].iter().take_while(|&&c| c == b'`').count();
            let k = runs
                .binary_search_by_key(&len, |r| r.0)
                .unwrap_or_else(|k| {
                    runs.insert(k, (len, Vec::new(), 0));
                    k
                });
            if let Some(group) = runs.get_mut(k) {
                group.1.push(i);
            }
            i += len;
        } else {
            i += 1;
        }
    }
    runs
}
