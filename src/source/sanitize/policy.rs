//! The element allowlist: which elements survive (under which name), which are dropped with their content, and
//! which are unwrapped. Attributes are in [`super::attrs`], element kinds (void, block) in [`super::kinds`].

use super::Policy;

/// What to do with an element.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Action {
    /// Keep it, under this (canonical, lower-case) name.
    Keep(&'static str),
    /// Drop the tag, keep its content.
    Unwrap,
    /// Drop the element and everything inside it.
    DropSubtree,
    /// Replace it by its `alt` text (images in comments).
    AltText,
}

/// What to do with an element named `name` (already lower-case).
pub(super) fn classify(name: &str, policy: Policy) -> Action {
    use Action::*;
    let comment = policy == Policy::Comment;
    let keep = match name {
        // The page's only h1 is the article title; comments get small headings only.
        "h1" | "h2" | "h3" if comment => "h4",
        "h1" | "h2" => "h2",
        "h3" => "h3",
        "h4" => "h4",
        "h5" => "h5",
        "h6" => "h6",
        // Loading a third-party image from a comment would leak the reader's IP before any click.
        "img" if comment => return AltText,
        "figure" | "figcaption" | "section" | "aside" if comment => return Unwrap,
        "p" => "p",
        "br" => "br",
        "hr" => "hr",
        "blockquote" => "blockquote",
        "ul" => "ul",
        "ol" => "ol",
        "li" => "li",
        "dl" => "dl",
        "dt" => "dt",
        "dd" => "dd",
        "strong" => "strong",
        "b" => "b",
        "em" => "em",
        "i" => "i",
        "u" => "u",
        "s" => "s",
        "del" => "del",
        "ins" => "ins",
        "sub" => "sub",
        "sup" => "sup",
        "small" => "small",
        "mark" => "mark",
        "code" => "code",
        "pre" => "pre",
        "kbd" => "kbd",
        "samp" => "samp",
        "var" => "var",
        "abbr" => "abbr",
        "cite" => "cite",
        "q" => "q",
        "span" => "span",
        "div" => "div",
        "section" => "section",
        "aside" => "aside",
        "a" => "a",
        "img" => "img",
        "figure" => "figure",
        "figcaption" => "figcaption",
        "table" => "table",
        "thead" => "thead",
        "tbody" => "tbody",
        "tfoot" => "tfoot",
        "tr" => "tr",
        "th" => "th",
        "td" => "td",
        "caption" => "caption",
        "details" => "details",
        "summary" => "summary",
        "time" => "time",
        // Active, embedded, foreign or document-level content: nothing of it is shown.
        "script" | "style" | "xmp" | "iframe" | "noembed" | "noframes" | "noscript"
        | "plaintext" | "textarea" | "title" | "template" | "svg" | "math" | "object" | "embed"
        | "applet" | "select" | "option" | "optgroup" | "datalist" | "head" | "frameset"
        | "frame" | "base" | "meta" | "link" | "button" | "audio" | "video" | "canvas"
        | "input" | "keygen" | "dialog" | "portal" | "param" | "source" | "track" => {
            return DropSubtree
        }
        _ => return Unwrap,
    };
    Keep(keep)
}

#[cfg(test)]
mod tests;
