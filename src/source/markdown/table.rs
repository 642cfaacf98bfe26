//! GFM tables: the delimiter row under a header row, and splitting rows into cells (at unescaped pipes, before
//! any inline parsing, so a pipe inside a code span splits too unless escaped, as on GitHub).

/// A column's alignment from the delimiter row (`:--`, `:-:`, `--:`).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Align {
    None,
    Left,
    Center,
    Right,
}

/// The alignments of a delimiter row (`| --- | :-: |`), or `None` if the line is not one. It needs a pipe, so a
/// lone `---` stays a rule or a setext underline.
pub(super) fn delimiter_row(line: &str) -> Option<Vec<Align>> {
    if !line.contains('|') {
        return None;
    }
    let cells = split_row(line);
    let mut aligns = Vec::with_capacity(cells.len());
    for cell in &cells {
        let left = cell.starts_with(':');
        let right = cell.len() > 1 && cell.ends_with(':');
        let dashes = &cell[usize::from(left)..cell.len() - usize::from(right)];
        if dashes.is_empty() || !dashes.bytes().all(|b| b == b'-') {
            return None;
        }
        aligns.push(match (left, right) {
            (true, true) => Align::Center,
            (true, false) => Align::Left,
            (false, true) => Align::Right,
            (false, false) => Align::None,
        });
    }
    (!aligns.is_empty()).then_some(aligns)
}

/// A row's cells, trimmed, with `\|` turned into `|`. An optional leading and trailing pipe are not cells.
pub(super) fn split_row(line: &str) -> Vec<String> {
    let mut s = line.trim_matches([' ', '\t']);
    if let Some(rest) = s.strip_prefix('|') {
        s = rest;
    }
    let b = s.as_bytes();
    let mut cells = Vec::new();
    let mut cell = String::new();
    let mut mark = 0;
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'\\' if b.get(i + 1) == Some(&b'|') => {
                cell.push_str(&s[mark..i]);
                cell.push('|');
                i += 2;
                mark = i;
            }
            b'\\' => i += 2,
            b'|' => {
                cell.push_str(&s[mark..i]);
                cells.push(
                    std::mem::take(&mut cell)
                        .trim_matches([' ', '\t'])
                        .to_owned(),
                );
                i += 1;
                mark = i;
            }
            _ => i += 1,
        }
    }
    let mark = mark.min(s.len());
    cell.push_str(&s[mark..]);
    // Text after the last pipe is a cell unless it is empty (the trailing pipe).
    let last = cell.trim_matches([' ', '\t']);
    if !last.is_empty() || mark < s.len() || cells.is_empty() {
        cells.push(last.to_owned());
    }
    cells
}
