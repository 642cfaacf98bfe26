//! What a browser keeps in place inside a table. Directly in a `table`, `thead`, `tbody`, `tfoot` or `tr` (the
//! "table context") an HTML5 parser keeps only table parts and whitespace: any other element or text is
//! *foster-parented* (moved before the table), and a `<table>` there ends the open table first. Output holding
//! such content would not parse back to the tree we wrote, so:
//! - text that is not all whitespace is held back per open table and written right *after* that table closes
//!   (content kept, as text: a browser would show it before the table, we show it after);
//! - other elements are not kept there (their tag is dropped, their text is held back as above);
//! - a `<table>` closes the open table first, and a row directly in a table gets the `<tbody>` a browser adds.

use super::kinds::is_table_part;
use super::tree::Builder;

/// Can table part `name` open directly inside `parent`? Only where a browser keeps it as written.
pub(super) fn fits_table_parent(name: &str, parent: Option<&str>) -> bool {
    match name {
        "caption" | "thead" | "tbody" | "tfoot" => parent == Some("table"),
        "tr" => matches!(parent, Some("table" | "thead" | "tbody" | "tfoot")),
        "td" | "th" => parent == Some("tr"),
        _ => true,
    }
}

impl Builder<'_, '_> {
    fn in_table_context(&self) -> bool {
        matches!(
            self.stack.last(),
            Some(&("table" | "thead" | "tbody" | "tfoot" | "tr"))
        )
    }

    /// Holds back text a browser would foster-parent; true when it did (the caller writes nothing).
    pub(super) fn foster_text(&mut self, s: &str) -> bool {
        // NUL is dropped on output, so it does not count as content.
        let blank = s
            .bytes()
            .all(|b| matches!(b, b'\t' | b'\n' | b'\x0c' | b' ' | b'\0'));
        if blank || !self.in_table_context() {
            return false;
        }
        if let Some(held) = self.foster.last_mut() {
            held.push_str(s);
        }
        true
    }

    /// May element `name` open here? In table context only table parts may; a `<table>` ends the open one first.
    pub(super) fn table_keeps(&mut self, name: &str) -> bool {
        if !self.in_table_context() {
            return true;
        }
        if name == "tr" && self.stack.last() == Some(&"table") {
            // A browser puts rows in a row group: we write the `<tbody>` it would add.
            self.open("tbody", &[]);
        }
        if name == "table" {
            if let Some(i) = self.stack.iter().rposition(|&n| n == "table") {
                self.pop_to(i);
            }
            return true;
        }
        is_table_part(name)
    }

    /// After `</table>`: the text held back inside it.
    pub(super) fn flush_foster(&mut self) {
        if let Some(held) = self.foster.pop() {
            self.text(&held);
        }
    }
}
