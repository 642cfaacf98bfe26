//! Phase one of CommonMark: lines into a tree of blocks (quotes, lists, paragraphs, code, HTML, tables). Each line
//! walks down the open containers, opens new ones, then lands in a leaf. The tree is an arena walked with explicit
//! stacks, and containers nest at most [`MAX_DEPTH`] deep (a deeper `>` or list marker is read as text), so
//! hostile nesting costs neither stack nor quadratic time.

use super::line::{lines, Line};
use super::links::{take_ref_defs, RefMap};
use super::starts::{
    atx_heading, closing_fence, html_block_ends, html_block_start, list_marker, opening_fence,
    setext, thematic_break,
};
use super::table::{delimiter_row, split_row, Align};

/// Deepest nesting of block quotes and lists (a list and its item count one each). Real comments nest a few.
const MAX_DEPTH: usize = 32;

pub(super) enum Kind {
    Document,
    Quote,
    List {
        ordered: bool,
        start: u64,
        /// `-`, `+`, `*`, or `.` / `)` for ordered lists: a different marker starts a new list.
        marker: u8,
        tight: bool,
    },
    Item {
        /// Columns a continuation line needs to belong to this item.
        content: usize,
    },
    Para,
    Heading(u8),
    Rule,
    Code {
        /// Fence character, fence length, indentation of the opening fence; `None` for indented code.
        fence: Option<(u8, usize, usize)>,
        info: String,
    },
    Html(u8),
    Table(Vec<Align>),
}

pub(super) struct Node {
    pub kind: Kind,
    pub parent: usize,
    pub children: Vec<usize>,
    open: bool,
    /// Paragraph and heading text, code and HTML lines; a table's rows, one per line.
    pub text: String,
    last_line_blank: bool,
    start_line: usize,
    depth: usize,
}

/// The parsed document: `nodes[0]` is the root; the reference definitions found in it.
pub(super) struct Tree {
    pub nodes: Vec<Node>,
    pub refs: RefMap,
}

pub(super) fn parse(md: &str) -> Tree {
    let mut p = Parser {
        nodes: vec![Node::new(Kind::Document, 0, 0, 0)],
        tip: 0,
        refs: RefMap::default(),
        line_no: 0,
        last_raw: None,
    };
    for line in lines(md) {
        p.line_no += 1;
        p.process(line);
    }
    // Code and HTML keep the source's line endings: the last line has none if the text does not end in one.
    if !md.ends_with(['\n', '\r']) {
        if let Some((n, line, blank)) = p.last_raw {
            let code = matches!(p.nodes[n].kind, Kind::Code { .. });
            let text = &mut p.nodes[n].text;
            if line == p.line_no && text.ends_with('\n') {
                text.pop();
                // A last line of less than 4 columns of whitespace is not code (pulldown-cmark's reading).
                if code && blank.is_some_and(|width| width < 4) {
                    let start = text.rfind('\n').map_or(0, |i| i + 1);
                    text.truncate(start);
                }
            }
        }
    }
    while p.tip != 0 {
        p.tip = p.finalize(p.tip);
    }
    p.finalize(0);
    Tree {
        nodes: p.nodes,
        refs: p.refs,
    }
}

impl Node {
    fn new(kind: Kind, parent: usize, start_line: usize, depth: usize) -> Self {
        Node {
            kind,
            parent,
            children: Vec::new(),
            open: true,
            text: String::new(),
            last_line_blank: false,
            start_line,
            depth,
        }
    }
}

struct Parser {
    nodes: Vec<Node>,
    /// The deepest open block.
    tip: usize,
    refs: RefMap,
    line_no: usize,
    /// The code or HTML block that took the latest line as content, that line's number, and its width in
    /// columns if it is all whitespace.
    last_raw: Option<(usize, usize, Option<usize>)>,
}

enum Cont {
    Matched,
    Failed,
    /// The line closed a fenced code block and is used up.
    Done,
}

impl Parser {
    fn process(&mut self, s: &str) {
        let mut ln = Line::new(s);
        // 1. Which open containers does the line continue?
        let mut container = 0;
        let mut all_matched = true;
        while let Some(&last) = self.nodes[container].children.last() {
            if !self.nodes[last].open {
                break;
            }
            match self.continues(last, &mut ln) {
                Cont::Matched => container = last,
                Cont::Failed => {
                    all_matched = false;
                    break;
                }
                Cont::Done => {
                    self.close_to(last);
                    self.tip = self.finalize(last);
                    return;
                }
            }
        }
        let last_matched = container;
        let maybe_lazy = matches!(self.nodes[self.tip].kind, Kind::Para);

        // 2. New block starts.
        let mut opened = false;
        loop {
            if matches!(
                self.nodes[container].kind,
                Kind::Code { .. } | Kind::Html(_)
            ) {
                break;
            }
            let indent = ln.indent();
            let indented = indent >= 4;
            let blank = ln.blank();
            let in_para = matches!(self.nodes[container].kind, Kind::Para);
            let rest = ln.rest_from_nonspace();
            let c = rest.as_bytes().first().copied();
            let deep = self.nodes[container].depth + 1 >= MAX_DEPTH;
            if !indented && c == Some(b'>') && !deep {
                ln.advance_to_nonspace();
                ln.advance_bytes(1);
                if matches!(ln.peek(), Some(b' ' | b'\t')) {
                    ln.advance_cols(1);
                }
                container = self.open(container, Kind::Quote, &mut opened, last_matched);
            } else if let Some((level, text)) = (!indented).then(|| atx_heading(rest)).flatten() {
                container = self.open(container, Kind::Heading(level), &mut opened, last_matched);
                self.nodes[container].text = text.to_owned();
                ln.finish();
                break;
            } else if let Some((ch, len)) = (!indented).then(|| opening_fence(rest)).flatten() {
                let info = rest[len..].trim_matches([' ', '\t']);
                let kind = Kind::Code {
                    fence: Some((ch, len, indent)),
                    info: super::escape::unescape(info),
                };
                container = self.open(container, kind, &mut opened, last_matched);
                ln.finish();
                break;
            } else if let Some(t) = (!indented)
                .then(|| html_block_start(rest, in_para || (!all_matched && maybe_lazy)))
                .flatten()
            {
                container = self.open(container, Kind::Html(t), &mut opened, last_matched);
                break;
            } else if let Some(level) = (!indented && in_para)
                .then(|| setext(rest))
                .flatten()
                // A paragraph of definitions only has no text to underline.
                .filter(|_| self.take_ref_defs(container))
            {
                let node = &mut self.nodes[container];
                node.kind = Kind::Heading(level);
                let text = node.text.trim_end().to_owned();
                node.text = text;
                ln.finish();
                break;
            } else if !indented && (all_matched || !in_para) && thematic_break(rest) {
                container = self.open(container, Kind::Rule, &mut opened, last_matched);
                ln.finish();
                break;
            } else if let Some(aligns) = (!indented && in_para)
                .then(|| self.table_start(container, rest))
                .flatten()
            {
                // The paragraph's last line is the header; earlier lines stay a paragraph.
                let para = &mut self.nodes[container];
                let len = para.text.trim_end_matches('\n').len();
                let cut = para.text[..len].rfind('\n').map_or(0, |i| i + 1);
                let header = format!("{}\n", &para.text[cut..len]);
                para.text.truncate(cut);
                let parent = self.finalize(container);
                self.tip = parent;
                let table = self.add_child(parent, Kind::Table(aligns));
                self.nodes[table].text = header;
                container = table;
                opened = true;
                ln.finish();
                break;
            } else if let Some(m) = (!indented)
                .then(|| list_marker(&ln, in_para))
                .flatten()
                .filter(|_| !deep)
            {
                // Continuation lines need the marker's indentation, the marker and the padding.
                let marker_col = ln.col;
                ln.advance_to_nonspace();
                ln.advance_bytes(m.len);
                let after_marker = ln.col;
                let spaces = ln.indent();
                let padding = if ln.blank() || spaces >= 5 || spaces == 0 {
                    // Blank after the marker, or indented code inside the item: one space belongs to the marker.
                    if !ln.blank() {
                        ln.advance_cols(1);
                    }
                    1
                } else {
                    ln.advance_cols(spaces);
                    spaces
                };
                let content = after_marker - marker_col + padding;
                let same_list = matches!(self.nodes[container].kind,
                    Kind::List { ordered, marker, .. } if ordered == m.ordered && marker == m.marker);
                if !same_list {
                    let list = Kind::List {
                        ordered: m.ordered,
                        start: m.start,
                        marker: m.marker,
                        tight: true,
                    };
                    container = self.open(container, list, &mut opened, last_matched);
                }
                container = self.open(container, Kind::Item { content }, &mut opened, last_matched);
            } else if indented && (opened || !maybe_lazy) && !blank {
                ln.advance_cols(4);
                let kind = Kind::Code {
                    fence: None,
                    info: String::new(),
                };
                container = self.open(container, kind, &mut opened, last_matched);
                break;
            } else {
                break;
            }
        }

        // 3. The rest of the line goes into a leaf.
        let blank = ln.blank()
            && !matches!(
                self.nodes[container].kind,
                Kind::Heading(_) | Kind::Rule | Kind::Table(_)
            );
        if blank {
            if let Some(&last) = self.nodes[container].children.last() {
                self.nodes[last].last_line_blank = true;
            }
        }
        let node = &self.nodes[container];
        let counts_blank = blank
            && !matches!(
                node.kind,
                Kind::Quote | Kind::Heading(_) | Kind::Rule | Kind::Code { fence: Some(_), .. }
            )
            && !(matches!(node.kind, Kind::Item { .. })
                && node.children.is_empty()
                && node.start_line == self.line_no);
        self.nodes[container].last_line_blank = counts_blank;
        let mut up = container;
        while up != 0 {
            up = self.nodes[up].parent;
            self.nodes[up].last_line_blank = false;
        }

        if self.tip != last_matched
            && container == last_matched
            && !blank
            && matches!(self.nodes[self.tip].kind, Kind::Para)
            && !opened
        {
            // Lazy continuation of a paragraph.
            let tip = self.tip;
            push_line(&mut self.nodes[tip].text, &ln.rest());
            return;
        }
        self.close_to(container);
        match self.nodes[container].kind {
            // The opening fence is not content.
            Kind::Code { fence: Some(_), .. }
                if self.nodes[container].start_line == self.line_no => {}
            Kind::Code { .. } => {
                push_line(&mut self.nodes[container].text, &ln.rest());
                self.last_raw = Some((container, self.line_no, blank_width(s)));
            }
            Kind::Html(t) => {
                push_line(&mut self.nodes[container].text, &ln.rest());
                self.last_raw = Some((container, self.line_no, None));
                if html_block_ends(t, &ln.rest()) {
                    self.tip = self.finalize(container);
                }
            }
            Kind::Table(_) => {
                if !ln.blank() {
                    push_line(&mut self.nodes[container].text, ln.rest_from_nonspace());
                }
            }
            _ if blank => {}
            // Continuation lines keep their indentation: the inline parser drops it after a line break, but a
            // code span spanning lines keeps it (pulldown-cmark's reading).
            Kind::Para => push_line(&mut self.nodes[container].text, &ln.rest()),
            Kind::Heading(_) | Kind::Rule => {}
            _ => {
                let para = self.add_child(container, Kind::Para);
                push_line(&mut self.nodes[para].text, ln.rest_from_nonspace());
            }
        }
    }

    /// Does the line continue open block `n`? Consumes the block's prefix from `ln` if so.
    fn continues(&mut self, n: usize, ln: &mut Line) -> Cont {
        let indent = ln.indent();
        match self.nodes[n].kind {
            Kind::Quote => {
                if indent <= 3 && ln.peek_nonspace() == Some(b'>') {
                    ln.advance_to_nonspace();
                    ln.advance_bytes(1);
                    if matches!(ln.peek(), Some(b' ' | b'\t')) {
                        ln.advance_cols(1);
                    }
                    Cont::Matched
                } else {
                    Cont::Failed
                }
            }
            Kind::Item { content } => {
                if ln.blank() {
                    if self.nodes[n].children.is_empty() {
                        return Cont::Failed;
                    }
                    ln.advance_to_nonspace();
                    Cont::Matched
                } else if indent >= content {
                    ln.advance_cols(content);
                    Cont::Matched
                } else {
                    Cont::Failed
                }
            }
            Kind::Code {
                fence: Some((ch, len, fence_indent)),
                ..
            } => {
                if indent <= 3 && closing_fence(ln.rest_from_nonspace(), ch, len) {
                    return Cont::Done;
                }
                ln.advance_cols(indent.min(fence_indent));
                Cont::Matched
            }
            Kind::Code { fence: None, .. } => {
                if indent >= 4 {
                    ln.advance_cols(4);
                    Cont::Matched
                } else if ln.blank() {
                    ln.advance_to_nonspace();
                    Cont::Matched
                } else {
                    Cont::Failed
                }
            }
            Kind::Html(t) => {
                if t >= 6 && ln.blank() {
                    Cont::Failed
                } else {
                    Cont::Matched
                }
            }
            Kind::Para | Kind::Table(_) => {
                if ln.blank() {
                    Cont::Failed
                } else {
                    Cont::Matched
                }
            }
            Kind::List { .. } => Cont::Matched,
            Kind::Document | Kind::Heading(_) | Kind::Rule => Cont::Failed,
        }
    }

    /// Opens a new block under `parent`, first closing the blocks the line did not continue.
    fn open(&mut self, parent: usize, kind: Kind, opened: &mut bool, last_matched: usize) -> usize {
        if !*opened {
            self.close_to(last_matched);
            *opened = true;
        }
        self.add_child(parent, kind)
    }

    /// Closes open blocks from the tip up to (not including) `keep`.
    fn close_to(&mut self, keep: usize) {
        while self.tip != keep && self.tip != 0 {
            self.tip = self.finalize(self.tip);
        }
    }

    /// Appends a block, closing `parent` and its ancestors until one can hold it.
    fn add_child(&mut self, mut parent: usize, kind: Kind) -> usize {
        loop {
            let fits = match self.nodes[parent].kind {
                Kind::Document | Kind::Quote | Kind::Item { .. } => {
                    !matches!(kind, Kind::Item { .. })
                }
                Kind::List { .. } => matches!(kind, Kind::Item { .. }),
                _ => false,
            };
            if fits {
                break;
            }
            parent = self.finalize(parent);
        }
        // Close the parent's previous open child chain (a new sibling ends it).
        while self.tip != parent && self.tip != 0 && self.is_below(self.tip, parent) {
            self.tip = self.finalize(self.tip);
        }
        let depth = self.nodes[parent].depth + 1;
        let id = self.nodes.len();
        self.nodes
            .push(Node::new(kind, parent, self.line_no, depth));
        self.nodes[parent].children.push(id);
        self.tip = id;
        id
    }

    fn is_below(&self, mut n: usize, ancestor: usize) -> bool {
        while n != 0 {
            n = self.nodes[n].parent;
            if n == ancestor {
                return true;
            }
        }
        false
    }

    /// Moves the reference definitions at the start of paragraph `n` into the map; is any text left?
    fn take_ref_defs(&mut self, n: usize) -> bool {
        let node = &mut self.nodes[n];
        let used = take_ref_defs(&node.text, &mut self.refs);
        // The text after the definitions starts a line, without its indentation.
        let rest = node.text[used..].trim_start_matches([' ', '\t']);
        let start = node.text.len() - rest.len();
        node.text.drain(..start);
        !node.text.trim().is_empty()
    }

    /// Closes block `n`; returns its parent.
    fn finalize(&mut self, n: usize) -> usize {
        let parent = self.nodes[n].parent;
        if !self.nodes[n].open {
            return parent;
        }
        self.nodes[n].open = false;
        // A paragraph of definitions only is left empty: it writes nothing, but still counts for whether a list is
        // loose (a blank line after it inside an item makes the list loose).
        if matches!(self.nodes[n].kind, Kind::Para) && !self.take_ref_defs(n) {
            self.nodes[n].text.clear();
        }
        match self.nodes[n].kind {
            Kind::Code { fence: None, .. } => {
                // Trailing blank lines are not part of indented code.
                let text = &mut self.nodes[n].text;
                loop {
                    let body = text.strip_suffix('\n').unwrap_or(text);
                    let start = body.rfind('\n').map_or(0, |i| i + 1);
                    if text.is_empty() || !body[start..].trim_matches([' ', '\t']).is_empty() {
                        break;
                    }
                    text.truncate(start);
                }
            }
            Kind::List { .. } => {
                let loose = self.is_loose(n);
                if let Kind::List { tight, .. } = &mut self.nodes[n].kind {
                    *tight = !loose;
                }
            }
            _ => {}
        }
        parent
    }

    /// A list is loose if an item is followed by a blank line before the next item, or a block inside an item is
    /// followed by a blank line before another block.
    fn is_loose(&self, list: usize) -> bool {
        let items = &self.nodes[list].children;
        for (i, &item) in items.iter().enumerate() {
            let last_item = i + 1 == items.len();
            if !last_item && self.ends_with_blank(item) {
                return true;
            }
            let children = &self.nodes[item].children;
            for (j, &child) in children.iter().enumerate() {
                if (!last_item || j + 1 < children.len()) && self.ends_with_blank(child) {
                    return true;
                }
            }
        }
        false
    }

    fn ends_with_blank(&self, mut n: usize) -> bool {
        loop {
            let node = &self.nodes[n];
            if node.last_line_blank {
                return true;
            }
            match (&node.kind, node.children.last()) {
                (Kind::List { .. } | Kind::Item { .. }, Some(&last)) => n = last,
                _ => return false,
            }
        }
    }

    /// A delimiter row under a paragraph whose last line has as many cells: the paragraph's end is a table.
    fn table_start(&self, para: usize, line: &str) -> Option<Vec<Align>> {
        let aligns = delimiter_row(line)?;
        let text = self.nodes[para].text.trim_end_matches('\n');
        let header = text.rsplit('\n').next().unwrap_or("");
        (header.contains('|') && split_row(header).len() == aligns.len()).then_some(aligns)
    }
}

/// Columns of a line that is only whitespace.
fn blank_width(line: &str) -> Option<usize> {
    let mut col = 0;
    for b in line.bytes() {
        match b {
            b' ' => col += 1,
            b'\t' => col += 4 - col % 4,
            _ => return None,
        }
    }
    Some(col)
}

fn push_line(text: &mut String, line: &str) {
    text.push_str(line);
    text.push('\n');
}
