//! Named character references in the browser, through its own HTML parser: the WebAssembly carries no table of
//! the 2,125 HTML 5 names, the browser already has one.
//!
//! The parser is a `<textarea>` in a document from `document.implementation.createHTMLDocument("")`: such a
//! document is inert (no loads, no scripts), and a textarea's content is RCDATA, so setting its inner HTML creates
//! no elements, only text with references decoded. The name is checked first (1–32 ASCII letters and digits), so
//! `&name;` is all that is ever parsed. This is the one place `source` touches the DOM, and only in the wasm
//! build; natively the parent module asks pulldown-cmark.

use std::cell::RefCell;

use wasm_bindgen::JsCast;
use web_sys::HtmlTextAreaElement;

/// Answers kept, so a text full of `&rsquo;` asks the parser once. Cleared when full: names in real text are few.
/// A list searched in order, not a hash map: at this size it is as quick, and the wasm carries no hash table code
/// for this one type.
const CACHE_SIZE: usize = 64;

thread_local! {
    static CACHE: RefCell<Vec<(String, Option<String>)>> = const { RefCell::new(Vec::new()) };
    /// The textarea, made once; `None` inside if there is no document (a worker).
    static TEXTAREA: Option<HtmlTextAreaElement> = make_textarea();
}

fn make_textarea() -> Option<HtmlTextAreaElement> {
    let document = web_sys::window()?.document()?;
    let inert = document
        .implementation()
        .ok()?
        .create_html_document_with_title("")
        .ok()?;
    inert
        .create_element("textarea")
        .ok()?
        .dyn_into::<HtmlTextAreaElement>()
        .ok()
}

/// What `&name;` stands for, if `name` is an HTML 5 name. Without a document (in a worker) only the names the
/// parent module knows by itself decode.
pub(super) fn lookup(name: &str) -> Option<String> {
    if name.is_empty() || name.len() > 32 || !name.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return None;
    }
    let known = CACHE.with(|c| {
        c.borrow()
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, a)| a.clone())
    });
    if let Some(known) = known {
        return known;
    }
    let answer = TEXTAREA.with(|t| t.as_ref().and_then(|t| ask(t, name)));
    CACHE.with(|c| {
        let mut c = c.borrow_mut();
        if c.len() >= CACHE_SIZE {
            c.clear();
        }
        c.push((name.to_owned(), answer.clone()));
    });
    answer
}

fn ask(textarea: &HtmlTextAreaElement, name: &str) -> Option<String> {
    let reference = format!("&{name};");
    textarea.set_inner_html(&reference);
    let text = textarea.value();
    textarea.set_inner_html("");
    // The parser also decodes a legacy name that merely starts the text (`&notaname;` → `¬aname;`, `&ampx;` →
    // `&x;`): then the name's last character and the `;` are still there. A whole name's replacement is one or two
    // characters and never a letter or digit followed by `;` (`&semi;` alone gives `;`).
    let last = char::from(*name.as_bytes().last()?);
    let prefix_only = text.ends_with(';') && text[..text.len() - 1].ends_with(last);
    (text != reference && !prefix_only).then_some(text)
}
