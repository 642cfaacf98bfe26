//! Where a browser ends elements by itself: implied end tags before a new element, and which open element an end
//! tag closes. Mirroring these rules keeps our output's tree the one the browser builds from it.

use super::kinds::{is_block, is_table_part};
use super::tree::{is_heading, Builder};

impl Builder<'_, '_> {
    /// The end tags a browser implies before it opens `name`.
    pub(super) fn implied_ends(&mut self, name: &str) {
        match name {
            "li" => self.close_list_item(&["li"]),
            "dt" | "dd" => self.close_list_item(&["dt", "dd"]),
            "td" | "th" => self.close_in_table(&["td", "th"]),
            "tr" => self.close_in_table(&["tr"]),
            "thead" | "tbody" | "tfoot" => self.close_in_table(&["thead", "tbody", "tfoot"]),
            "a" => {
                // Links do not nest: a browser ends the open one first.
                if let Some(i) = self.find_in_scope(|n| n == "a") {
                    self.pop_to(i);
                }
            }
            _ => {}
        }
        // Table parts do not end a paragraph: inside a cell they are handled above, outside a table ignored.
        if is_block(name) && !is_table_part(name) {
            if let Some(i) = self.find_in_scope(|n| n == "p") {
                self.pop_to(i);
            }
        }
        if is_heading(name) && self.stack.last().is_some_and(|n| is_heading(n)) {
            self.pop_to(self.stack.len() - 1);
        }
    }

    /// Index of the innermost open element matching `want`, unless a table or cell boundary comes first.
    fn find_in_scope(&self, want: impl Fn(&str) -> bool) -> Option<usize> {
        for (i, &n) in self.stack.iter().enumerate().rev() {
            if want(n) {
                return Some(i);
            }
            if matches!(n, "table" | "td" | "th" | "caption") {
                return None;
            }
        }
        None
    }

    /// Before a new list item: close the open one of `names`, passing only inline elements, `div` and `p`.
    fn close_list_item(&mut self, names: &[&str]) {
        for i in (0..self.stack.len()).rev() {
            let n = self.stack[i];
            if names.contains(&n) {
                self.pop_to(i);
                return;
            }
            if is_block(n) && n != "div" && n != "p" {
                return;
            }
        }
    }

    /// Before a new cell, row or row group: close the open one of `names` within the current table.
    fn close_in_table(&mut self, names: &[&str]) {
        for i in (0..self.stack.len()).rev() {
            let n = self.stack[i];
            if names.contains(&n) {
                self.pop_to(i);
                return;
            }
            if n == "table" {
                return;
            }
        }
    }

    /// An end tag for the kept element `name`.
    pub(super) fn close(&mut self, name: &'static str) {
        if name == "br" {
            // `</br>` is a line break to a browser.
            self.open("br", &[]);
            return;
        }
        let table_part = name == "table" || is_table_part(name);
        for i in (0..self.stack.len()).rev() {
            let n = self.stack[i];
            // Any heading end tag closes any open heading, as in browsers (and h1 maps to h2 anyway).
            if n == name || (is_heading(name) && is_heading(n)) {
                self.pop_to(i);
                return;
            }
            let boundary = if table_part {
                n == "table"
            } else {
                matches!(n, "table" | "td" | "th" | "caption")
            };
            if boundary {
                return;
            }
        }
    }
}
