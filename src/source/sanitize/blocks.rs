//! Splitting sanitised output into top-level blocks, for placing other content (related articles) between them.

use super::text::plain_text;
use super::tree::{SegKind, Segment};

fn is_html_space(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\x0c' | '\r' | ' ')
}

/// True for HTML that shows nothing: no text but whitespace (`&nbsp;` included) and no image.
fn shows_nothing(html: &str) -> bool {
    !html.contains("<img") && plain_text(html).trim().is_empty()
}

/// Groups the segments of `out` into blocks (see [`super::sanitize_blocks`]).
pub(super) fn group(out: &str, segments: &[Segment]) -> Vec<String> {
    let mut blocks = Vec::new();
    let mut run_start = 0;
    for (i, seg) in segments.iter().enumerate() {
        if seg.kind == SegKind::Block {
            flush_run(out, &segments[run_start..i], &mut blocks);
            run_start = i + 1;
            let html = &out[seg.start..seg.end];
            let is_p = html.starts_with("<p>") || html.starts_with("<p ");
            if !(is_p && shows_nothing(html)) {
                blocks.push(html.to_owned());
            }
        }
    }
    flush_run(out, &segments[run_start..], &mut blocks);
    blocks
}

/// Wraps a run of loose text and inline elements into one paragraph, unless it shows nothing.
fn flush_run(out: &str, run: &[Segment], blocks: &mut Vec<String>) {
    let (Some(first), Some(last)) = (run.first(), run.last()) else {
        return;
    };
    let mut html = &out[first.start..last.end];
    if first.kind == SegKind::Text {
        html = html.trim_start_matches(is_html_space);
    }
    if last.kind == SegKind::Text {
        html = html.trim_end_matches(is_html_space);
    }
    if shows_nothing(html) {
        return;
    }
    // A block nested in an inline element (`<a><div>`) cannot go in a <p>: a browser would end the <p> there.
    let has_block = run
        .iter()
        .any(|s| s.kind == SegKind::Inline { has_block: true });
    let tag = if has_block { "div" } else { "p" };
    blocks.push(format!("<{tag}>{html}</{tag}>"));
}
