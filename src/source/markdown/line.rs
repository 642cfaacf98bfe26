//! One input line and a cursor over it that knows columns: CommonMark measures indentation in columns with tab
//! stops of 4, and a container may take part of a tab (`>\tcode`), so the cursor can stand inside a tab.

pub(super) struct Line<'a> {
    pub s: &'a str,
    /// Byte offset of the cursor.
    pub pos: usize,
    /// Column of the cursor.
    pub col: usize,
    /// The cursor stands inside the tab at `pos` (part of it was consumed as indentation).
    partial: bool,
}

impl<'a> Line<'a> {
    pub fn new(s: &'a str) -> Self {
        Line {
            s,
            pos: 0,
            col: 0,
            partial: false,
        }
    }

    fn bytes(&self) -> &'a [u8] {
        self.s.as_bytes()
    }

    /// Byte offset and column of the first non-space character from the cursor on.
    pub fn nonspace(&self) -> (usize, usize) {
        let b = self.bytes();
        let (mut p, mut c) = (self.pos, self.col);
        while let Some(&ch) = b.get(p) {
            match ch {
                b' ' => c += 1,
                b'\t' => c += 4 - c % 4,
                _ => break,
            }
            p += 1;
        }
        (p, c)
    }

    /// Columns of whitespace before the next non-space character.
    pub fn indent(&self) -> usize {
        self.nonspace().1 - self.col
    }

    /// Nothing but whitespace is left.
    pub fn blank(&self) -> bool {
        self.nonspace().0 >= self.s.len()
    }

    /// The first non-space byte, if any.
    pub fn peek_nonspace(&self) -> Option<u8> {
        self.bytes().get(self.nonspace().0).copied()
    }

    /// The byte at the cursor (a partly consumed tab counts as a space).
    pub fn peek(&self) -> Option<u8> {
        if self.partial {
            return Some(b' ');
        }
        self.bytes().get(self.pos).copied()
    }

    /// Moves over `n` columns of whitespace (or fewer if the whitespace ends), splitting a tab if needed.
    pub fn advance_cols(&mut self, mut n: usize) {
        let b = self.bytes();
        while n > 0 {
            match b.get(self.pos) {
                Some(b'\t') => {
                    let width = 4 - self.col % 4;
                    if width > n {
                        self.col += n;
                        self.partial = true;
                        n = 0;
                    } else {
                        self.col += width;
                        self.pos += 1;
                        self.partial = false;
                        n -= width;
                    }
                }
                Some(b' ') => {
                    self.pos += 1;
                    self.col += 1;
                    n -= 1;
                }
                _ => break,
            }
        }
    }

    /// Moves to the next non-space character.
    pub fn advance_to_nonspace(&mut self) {
        let (p, c) = self.nonspace();
        self.pos = p;
        self.col = c;
        self.partial = false;
    }

    /// Moves over `n` ASCII bytes that are not whitespace (markers).
    pub fn advance_bytes(&mut self, n: usize) {
        self.pos = (self.pos + n).min(self.s.len());
        self.col += n;
        self.partial = false;
    }

    /// Moves to the end of the line.
    pub fn finish(&mut self) {
        self.pos = self.s.len();
        self.partial = false;
    }

    /// What is left of the line, with the unconsumed part of a split tab as spaces.
    pub fn rest(&self) -> String {
        if self.partial {
            let mut s = " ".repeat(4 - self.col % 4);
            s.push_str(self.s.get(self.pos + 1..).unwrap_or(""));
            s
        } else {
            self.s.get(self.pos..).unwrap_or("").to_owned()
        }
    }

    /// What is left of the line from its first non-space character.
    pub fn rest_from_nonspace(&self) -> &'a str {
        self.s.get(self.nonspace().0..).unwrap_or("")
    }
}

/// Splits text into lines at `\n`, `\r\n` or `\r`, without the line endings.
pub(super) fn lines(s: &str) -> impl Iterator<Item = &str> {
    let b = s.as_bytes();
    let mut start = 0;
    std::iter::from_fn(move || {
        if start >= b.len() {
            return None;
        }
        let mut i = start;
        while i < b.len() && b[i] != b'\n' && b[i] != b'\r' {
            i += 1;
        }
        let line = &s[start..i];
        start = if b.get(i) == Some(&b'\r') && b.get(i + 1) == Some(&b'\n') {
            i + 2
        } else {
            i + 1
        };
        Some(line)
    })
}
