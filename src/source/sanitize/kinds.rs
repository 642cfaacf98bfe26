//! Element kinds the tree builder needs to know about: void elements (no end tag), block-level elements (they
//! end a paragraph and form a top-level block) and table parts. What survives at all is in [`super::policy`].

/// Elements without an end tag: never pushed, never skipped into.
pub(super) fn is_void(name: &str) -> bool {
    matches!(
        name,
        "area"
            | "base"
            | "basefont"
            | "bgsound"
            | "br"
            | "col"
            | "embed"
            | "frame"
            | "hr"
            | "image"
            | "img"
            | "input"
            | "keygen"
            | "link"
            | "meta"
            | "param"
            | "source"
            | "track"
            | "wbr"
    )
}

/// Block-level elements among the kept ones: they end a paragraph and form their own top-level block.
pub(super) fn is_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "hr"
            | "blockquote"
            | "ul"
            | "ol"
            | "li"
            | "dl"
            | "dt"
            | "dd"
            | "pre"
            | "div"
            | "section"
            | "aside"
            | "figure"
            | "figcaption"
            | "table"
            | "thead"
            | "tbody"
            | "tfoot"
            | "tr"
            | "th"
            | "td"
            | "caption"
            | "details"
            | "summary"
    )
}

/// The parts of a table: meaningful only inside a `<table>`.
pub(super) fn is_table_part(name: &str) -> bool {
    matches!(
        name,
        "caption" | "thead" | "tbody" | "tfoot" | "tr" | "th" | "td"
    )
}
