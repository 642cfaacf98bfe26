//! The article text with its related boxes (a view function: see `tags.rs` for why not a component; each block
//! is drawn by [`safe_html`], which keeps an unchanged block's DOM when a live article's body is corrected).

use yew::prelude::*;

use super::related_block;
use crate::components::common::safe_html;
use crate::i18n::Strings;
use crate::model::{Related, SafeHtml};

/// The body's sanitised top-level blocks, with each related link placed after the block the API asked for (as news
/// pages put a "RELATED:" box between paragraphs). Links placed past the end, or nowhere, follow the body.
pub fn body(blocks: &[SafeHtml], related: &[Related], s: &Strings) -> Html {
    let n = blocks.len();
    let at = |i: usize| -> Vec<Related> {
        related
            .iter()
            .filter(|r| r.after.map_or(i == n, |a| a.min(n) == i))
            .cloned()
            .collect()
    };
    html! {
        <div class="folio-body" part="body">
            { for (0..=n).map(|i| {
                let here = at(i);
                html! {
                    <>
                        if i > 0 { { safe_html(&blocks[i - 1]) } }
                        if !here.is_empty() { { related_block(&here, s) } }
                    </>
                }
            }) }
        </div>
    }
}
