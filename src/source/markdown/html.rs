//! The block tree as HTML, walked with an explicit stack. The layout (a newline before a block that does not start
//! a line, `<hr />`, `<li>` content in tight lists without `<p>`) is byte for byte what pulldown-cmark wrote, so
//! the sanitiser's output did not change when Folio's own renderer replaced it.

use super::blocks::{Kind, Tree};
use super::escape::escape_attr;
use super::inlines;
use super::table::{split_row, Align};

enum Step {
    Enter(usize),
    Exit(usize),
}

pub(super) fn render(tree: &Tree) -> String {
    let mut out = String::new();
    let mut stack: Vec<Step> = tree.nodes[0]
        .children
        .iter()
        .rev()
        .map(|&c| Step::Enter(c))
        .collect();
    while let Some(step) = stack.pop() {
        match step {
            Step::Enter(n) => {
                let node = &tree.nodes[n];
                match &node.kind {
                    // Only reference definitions.
                    Kind::Para if node.text.is_empty() => {}
                    Kind::Para if in_tight_item(tree, n) => {
                        inlines::render(&mut out, &node.text, &tree.refs)
                    }
                    Kind::Para => {
                        block_start(&mut out);
                        out.push_str("<p>");
                        inlines::render(&mut out, &node.text, &tree.refs);
                        out.push_str("</p>\n");
                    }
                    Kind::Heading(level) => {
                        block_start(&mut out);
                        out.push_str(&format!("<h{level}>"));
                        inlines::render(&mut out, &node.text, &tree.refs);
                        out.push_str(&format!("</h{level}>\n"));
                    }
                    Kind::Rule => {
                        block_start(&mut out);
                        out.push_str("<hr />\n");
                    }
                    Kind::Code { fence, info } => {
                        block_start(&mut out);
                        let lang = info.split(' ').next().unwrap_or("");
                        if fence.is_some() && !lang.is_empty() {
                            out.push_str("<pre><code class=\"language-");
                            escape_attr(&mut out, lang);
                            out.push_str("\">");
                        } else {
                            out.push_str("<pre><code>");
                        }
                        super::escape::escape_text(&mut out, &node.text);
                        out.push_str("</code></pre>\n");
                    }
                    Kind::Html(_) => out.push_str(&node.text),
                    Kind::Table(aligns) => table(&mut out, &node.text, aligns, tree),
                    Kind::Quote | Kind::List { .. } | Kind::Item { .. } | Kind::Document => {
                        block_start(&mut out);
                        match node.kind {
                            Kind::Quote => out.push_str("<blockquote>\n"),
                            Kind::List { ordered: false, .. } => out.push_str("<ul>\n"),
                            Kind::List { start: 1, .. } => out.push_str("<ol>\n"),
                            Kind::List { start, .. } => {
                                out.push_str(&format!("<ol start=\"{start}\">\n"))
                            }
                            _ => out.push_str("<li>"),
                        }
                        stack.push(Step::Exit(n));
                        stack.extend(node.children.iter().rev().map(|&c| Step::Enter(c)));
                    }
                }
            }
            Step::Exit(n) => out.push_str(match tree.nodes[n].kind {
                Kind::Quote => "</blockquote>\n",
                Kind::List { ordered: false, .. } => "</ul>\n",
                Kind::List { .. } => "</ol>\n",
                _ => "</li>\n",
            }),
        }
    }
    out
}

/// A block tag starts on its own line.
fn block_start(out: &mut String) {
    if !out.is_empty() && !out.ends_with('\n') {
        out.push('\n');
    }
}

/// Paragraphs directly in an item of a tight list are written without `<p>`.
fn in_tight_item(tree: &Tree, n: usize) -> bool {
    let item = tree.nodes[n].parent;
    matches!(tree.nodes[item].kind, Kind::Item { .. })
        && matches!(
            tree.nodes[tree.nodes[item].parent].kind,
            Kind::List { tight: true, .. }
        )
}

/// A GFM table: the first row is the header; body rows are cut or padded to the header's width.
fn table(out: &mut String, rows: &str, aligns: &[Align], tree: &Tree) {
    out.push_str("<table>");
    for (r, row) in rows.lines().enumerate() {
        let (cell_tag, row_start) = if r == 0 {
            ("th", "<thead><tr>")
        } else {
            ("td", "<tr>")
        };
        out.push_str(row_start);
        let cells = split_row(row);
        for (c, align) in aligns.iter().enumerate() {
            out.push('<');
            out.push_str(cell_tag);
            out.push_str(match align {
                Align::None => ">",
                Align::Left => " style=\"text-align: left\">",
                Align::Center => " style=\"text-align: center\">",
                Align::Right => " style=\"text-align: right\">",
            });
            if let Some(cell) = cells.get(c) {
                inlines::render(out, cell, &tree.refs);
            }
            out.push_str("</");
            out.push_str(cell_tag);
            out.push('>');
        }
        out.push_str(if r == 0 {
            "</tr></thead><tbody>\n"
        } else {
            "</tr>\n"
        });
    }
    out.push_str("</tbody></table>\n");
}
