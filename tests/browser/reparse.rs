//! The browser as the sanitiser's oracle (issue 12, finding 12; the native half with html5ever is in
//! `src/source/sanitize/reparse_tests.rs`): every output for the XSS corpus and some table cases is given to the
//! browser's own parser as a `<div>`'s `innerHTML`, the tree it builds is written back in the sanitiser's form, and
//! it must be what the sanitiser emitted: the browser builds exactly the tree Folio checked.

use folio::source::sanitize::{sanitize, sanitize_blocks, Policy};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::wasm_bindgen_test;

/// Elements without content or end tag (as the sanitiser writes them).
const VOID: [&str; 14] = [
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr", "param",
];

/// Text or an attribute value, escaped as the sanitiser escapes it.
fn escape(out: &mut String, s: &str, attr: bool) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if attr => out.push_str("&quot;"),
            '\r' => out.push_str("&#13;"),
            '\0' => {}
            c => out.push(c),
        }
    }
}

/// A node the browser built, written the way the sanitiser writes.
fn write(out: &mut String, node: &web_sys::Node) {
    if let Some(el) = node.dyn_ref::<web_sys::Element>() {
        let tag = el.local_name();
        let html = el.namespace_uri().as_deref() == Some("http://www.w3.org/1999/xhtml");
        out.push('<');
        out.push_str(&if html {
            tag.clone()
        } else {
            format!("{tag}@foreign")
        });
        for name in el
            .get_attribute_names()
            .iter()
            .filter_map(|n| n.as_string())
        {
            out.push(' ');
            out.push_str(&name);
            out.push_str("=\"");
            escape(out, &el.get_attribute(&name).unwrap_or_default(), true);
            out.push('"');
        }
        out.push('>');
        if VOID.contains(&tag.as_str()) {
            return;
        }
        let children = el.child_nodes();
        // A parser drops one newline right after <pre>: the sanitiser writes an extra one, so we do too.
        let first = children
            .get(0)
            .and_then(|c| c.dyn_into::<web_sys::Text>().ok());
        if tag == "pre" && first.is_some_and(|t| t.data().starts_with('\n')) {
            out.push('\n');
        }
        for i in 0..children.length() {
            if let Some(child) = children.get(i) {
                write(out, &child);
            }
        }
        out.push_str("</");
        out.push_str(&tag);
        out.push('>');
    } else if let Some(text) = node.dyn_ref::<web_sys::Text>() {
        escape(out, &text.data(), false);
    } else {
        out.push_str(&format!("<!--node type {}-->", node.node_type()));
    }
}

/// `html` as the browser builds it inside a `<div>`, written back.
fn reparse(html: &str) -> String {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .expect("a document");
    let div = document.create_element("div").expect("a div");
    div.set_inner_html(html);
    let mut out = String::new();
    let children = div.child_nodes();
    for i in 0..children.length() {
        if let Some(child) = children.get(i) {
            write(&mut out, &child);
        }
    }
    out
}

#[wasm_bindgen_test]
fn the_browser_builds_the_tree_the_sanitiser_emits() {
    // The oracle sees what it must: a table's stray text is moved before the table by the browser's parser.
    assert_eq!(reparse("<table>text</table>"), "text<table></table>");
    let corpus = include_str!("../xss/vectors.txt");
    let tables = [
        "<table>text<a href=\"/x\">x</a></table>",
        "<table><tr><td>a</td>b<b>c</b></tr></table>d",
        "<table><table><tr><td>x</table>",
        "<p><table><tr><td>a</td></tr></table>",
    ];
    let inputs: Vec<String> = corpus
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.replace("{NUL}", "\0"))
        .chain(tables.map(String::from))
        .collect();
    let mut bad = Vec::new();
    let mut outputs = 0;
    for input in &inputs {
        for policy in [Policy::Article, Policy::Comment] {
            let whole = sanitize(input, policy, Some("https://news.example/a/b"));
            let blocks = sanitize_blocks(input, policy, None);
            for out in std::iter::once(&whole).chain(&blocks).map(|h| h.as_str()) {
                outputs += 1;
                let back = reparse(out);
                if back != out {
                    bad.push(format!(
                        "input {input:?}\n  output   {out:?}\n  reparsed {back:?}"
                    ));
                }
            }
        }
    }
    assert!(
        inputs.len() > 500,
        "the corpus is read: {} inputs",
        inputs.len()
    );
    assert!(
        bad.is_empty(),
        "{} of {outputs} outputs are built differently by the browser:\n{}",
        bad.len(),
        bad.iter().take(5).cloned().collect::<Vec<_>>().join("\n")
    );
}
