//! A real HTML5 parser as the sanitiser's oracle (issue 12, finding 12): every output is parsed again by html5ever
//! as a fragment in a `<div>` (as the widget inserts it), written back in the sanitiser's canonical form, and must
//! come back unchanged. The fuzz target compares the sanitiser with itself; this compares it with a tree builder
//! that foster-parents, reconstructs formatting elements and closes tables the way browsers do.
//! The browsers' own half of this check is in tests/browser/hostile.rs.

use html5ever::tendril::TendrilSink;
use html5ever::{local_name, ns, parse_fragment, ParseOpts, QualName};
use markup5ever_rcdom::{Handle, NodeData, RcDom};

use super::kinds::is_void;
use super::text::escape_into;
use super::{sanitize, sanitize_blocks, Policy};

mod soup;

/// `html` as a browser builds it inside a `<div>`, serialised the way the sanitiser writes.
fn reparse(html: &str) -> String {
    let div = QualName::new(None, ns!(html), local_name!("div"));
    // innerHTML keeps a leading U+FEFF (only decoding bytes drops a BOM); html5ever drops it unless told.
    let mut opts = ParseOpts::default();
    opts.tokenizer.discard_bom = false;
    let dom = parse_fragment(RcDom::default(), opts, div, vec![], false).one(html);
    let root = dom.document.children.borrow()[0].clone();
    let mut out = String::new();
    for child in root.children.borrow().iter() {
        write(&mut out, child);
    }
    out
}

fn write(out: &mut String, node: &Handle) {
    match &node.data {
        NodeData::Text { contents } => escape_into(out, &contents.borrow(), false),
        NodeData::Element { name, attrs, .. } => {
            // Only HTML elements may come back: anything else shows as a mismatch.
            let tag = if name.ns == ns!(html) {
                name.local.to_string()
            } else {
                format!("{:?}", name)
            };
            out.push('<');
            out.push_str(&tag);
            for a in attrs.borrow().iter() {
                out.push(' ');
                out.push_str(&a.name.local);
                out.push_str("=\"");
                escape_into(out, &a.value, true);
                out.push('"');
            }
            out.push('>');
            if is_void(&tag) {
                return;
            }
            let children = node.children.borrow();
            // A parser drops one newline right after <pre>: the sanitiser writes an extra one, so we do too.
            if let Some(NodeData::Text { contents }) = children.first().map(|c| &c.data) {
                if tag == "pre" && contents.borrow().starts_with('\n') {
                    out.push('\n');
                }
            }
            for child in children.iter() {
                write(out, child);
            }
            out.push_str("</");
            out.push_str(&tag);
            out.push('>');
        }
        other => out.push_str(&format!("<!--{other:?}-->")),
    }
}

/// The outputs of `input` (whole, and as blocks) under both policies, with and without a base, that reparse
/// differently: (output, reparsed).
fn mismatches(input: &str) -> Vec<(String, String)> {
    let mut bad = Vec::new();
    for policy in [Policy::Article, Policy::Comment] {
        for base in [None, Some("https://news.example/a/b")] {
            let whole = sanitize(input, policy, base);
            let blocks = sanitize_blocks(input, policy, base);
            for out in std::iter::once(&whole).chain(&blocks).map(|h| h.as_str()) {
                let back = reparse(out);
                if back != out {
                    bad.push((out.to_owned(), back));
                }
            }
        }
    }
    bad
}

fn check_all<'a>(inputs: impl IntoIterator<Item = &'a str>) {
    let (mut count, mut failures) = (0, std::collections::BTreeMap::new());
    for input in inputs {
        count += 1;
        for (out, back) in mismatches(input) {
            failures
                .entry(out)
                .or_insert(format!("input: {input:?}\n reparsed: {back:?}"));
        }
    }
    let failures: Vec<_> = failures
        .iter()
        .map(|(out, why)| format!("output: {out:?}\n {why}"))
        .collect();
    let shown: Vec<_> = failures.iter().take(5).cloned().collect();
    assert!(
        failures.is_empty(),
        "{} of {count} inputs' outputs reparse differently:\n{}",
        failures.len(),
        shown.join("\n")
    );
}

// Foster parenting: text and inline elements directly in a table are moved before it by a browser.
#[test]
fn table_content_stays_where_emitted() {
    // Our choice (module docs of `table`): the table stays, its stray text follows it, stray tags are dropped.
    let out = sanitize("<table>t<a href=\"/x\">x</a><tr>", Policy::Article, None);
    assert_eq!(out.as_str(), "<table><tbody><tr></tr></tbody></table>tx");
    check_all([
        "<table>text<a href=\"/x\">x</a></table>",
        "<table><tr><td>a</td>b<b>c</b></tr></table>d",
        "<table><table><tr><td>x</table>",
        "<p><table><tr><td>a</td></tr></table>",
    ]);
}

// The XSS corpus and the checked-in fuzz findings.
#[test]
fn corpus_reparses_to_the_same_tree() {
    let mut inputs = super::super::xss_corpus_tests::vectors();
    for raw in [
        &include_bytes!("../../../fuzz/findings/crash-0a304f12071f2905a6eac1af2d984d1e189c41c7")[..],
        &include_bytes!("../../../fuzz/findings/crash-3007c61818167dae820487ca7a9ce539f0feb30c")[..],
    ] {
        inputs.push(String::from_utf8_lossy(raw).into_owned());
    }
    check_all(inputs.iter().map(String::as_str));
}

// Random tag soup: 4,000 documents of up to 60 tokens.
#[test]
fn tag_soup_reparses_to_the_same_tree() {
    let inputs: Vec<String> = (0..4000u64)
        .map(|seed| soup::soup(seed, 1 + seed as usize % 60))
        .collect();
    check_all(inputs.iter().map(String::as_str));
}
