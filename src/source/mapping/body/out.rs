//! The HTML a structured format is written into, with what it needs from outside its own value ([`Refs`]) and the
//! notes on what it could not draw as its author meant (an unknown node type, an unresolved link) — those become
//! one lint warning. The HTML is sanitised by the caller, so this only has to be well-meant, not safe.

use serde_json::Value;

use crate::source::mapping::doc::FieldSpec;
use crate::source::sanitize::escape_text;

/// What rich text may need beyond its own value.
#[derive(Clone, Copy)]
pub struct Refs<'a> {
    /// The whole document: Contentful's `includes.Entry` / `includes.Asset` are there.
    pub root: &'a Value,
    /// Template of an image's URL from its asset reference (Sanity's `_ref` → the CDN).
    pub image_url: Option<&'a str>,
    /// Template of a linked entry's URL, read on the entry (Contentful's `entry-hyperlink`).
    pub entry_url: Option<&'a str>,
}

impl<'a> Refs<'a> {
    /// What the body field `spec` says, in the document `root`.
    pub fn of(root: &'a Value, spec: &'a FieldSpec) -> Self {
        Self {
            root,
            image_url: spec.image_url.as_deref(),
            entry_url: spec.entry_url.as_deref(),
        }
    }
}

/// HTML being written, and notes on what could not be drawn as meant.
pub(super) struct Out<'a> {
    pub html: String,
    pub refs: Refs<'a>,
    pub notes: Vec<String>,
}

impl<'a> Out<'a> {
    pub fn new(refs: Refs<'a>) -> Self {
        Self {
            html: String::new(),
            refs,
            notes: Vec::new(),
        }
    }

    /// `<tag>`.
    pub fn open(&mut self, tag: &str) {
        self.html.push('<');
        self.html.push_str(tag);
        self.html.push('>');
    }

    /// `</tag>`.
    pub fn close(&mut self, tag: &str) {
        self.html.push_str("</");
        self.html.push_str(tag);
        self.html.push('>');
    }

    /// Text, escaped.
    pub fn text(&mut self, s: &str) {
        self.html.push_str(escape_text(s).as_str());
    }

    /// ` name="value"`, escaped (inside a start tag being written).
    pub fn attr(&mut self, name: &str, value: &str) {
        self.html.push(' ');
        self.html.push_str(name);
        self.html.push_str("=\"");
        self.html
            .push_str(&escape_text(value).as_str().replace('"', "&quot;"));
        self.html.push('"');
    }

    /// `<a href="…">`.
    pub fn link(&mut self, href: &str) {
        self.html.push_str("<a");
        self.attr("href", href);
        self.html.push('>');
    }

    /// `<figure><img …><figcaption>…</figcaption></figure>`; the size only when known.
    pub fn figure(&mut self, src: &str, alt: &str, size: [Option<&Value>; 2], caption: &str) {
        self.html.push_str("<figure><img");
        self.attr("src", src);
        self.attr("alt", alt);
        for (name, v) in ["width", "height"].into_iter().zip(size) {
            if let Some(n) = v.and_then(Value::as_u64) {
                self.attr(name, &n.to_string());
            }
        }
        self.html.push('>');
        if !caption.is_empty() {
            self.open("figcaption");
            self.text(caption);
            self.close("figcaption");
        }
        self.close("figure");
    }

    /// Notes `what` once (an unknown node type met ten times is one note).
    pub fn note(&mut self, what: String) {
        if !self.notes.contains(&what) {
            self.notes.push(what);
        }
    }

    /// Notes an unknown node type: its text is shown, its meaning is not.
    pub fn unknown(&mut self, kind: &str) {
        self.note(["the node type `", kind, "` is unknown: shown as its text"].concat());
    }
}

/// The string at `key` of `v`, or "".
pub(super) fn str_at<'v>(v: &'v Value, key: &str) -> &'v str {
    v.get(key).and_then(Value::as_str).unwrap_or("")
}
