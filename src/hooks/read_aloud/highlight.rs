//! Marking the piece being read (class `folio-reading`) and keeping it in view.

use web_sys::{Element, ScrollBehavior, ScrollIntoViewOptions, ScrollLogicalPosition};
use yew::prelude::*;

use crate::hooks::use_effect_on;
use crate::state::Part;

/// The class of the element being read.
pub const READING: &str = "folio-reading";

/// The element of `part` in the article that holds `from` (the player): the headline, the standfirst, or the
/// body's block with that index (related boxes between blocks are not blocks).
fn element_of(from: &Element, part: Part) -> Option<Element> {
    let article = from.closest(".folio-article").ok()??;
    let css = match part {
        Part::Title => ".folio-title",
        Part::Standfirst => ".folio-standfirst",
        Part::Block(i) => {
            let body = article.query_selector(".folio-body").ok()??;
            let mut child = body.first_element_child();
            let mut n = 0;
            while let Some(c) = child {
                if !c.class_list().contains("folio-related") {
                    if n == i {
                        return Some(c);
                    }
                    n += 1;
                }
                child = c.next_element_sibling();
            }
            return None;
        }
    };
    article.query_selector(css).ok()?
}

fn reduced_motion() -> bool {
    web_sys::window()
        .and_then(|w| w.match_media("(prefers-reduced-motion: reduce)").ok()?)
        .is_some_and(|m| m.matches())
}

/// Highlight `part` of the article around the element behind `node`, and scroll it to the middle of the view
/// when it changes — smoothly, unless the reader asked for reduced motion. `None` highlights nothing.
#[hook]
pub fn use_highlight(node: NodeRef, part: Option<Part>) {
    use_effect_on(part, move |part| {
        let target = part.and_then(|p| element_of(&node.cast::<Element>()?, p));
        if let Some(t) = &target {
            let _ = t.class_list().add_1(READING);
            let options = ScrollIntoViewOptions::new();
            options.set_block(ScrollLogicalPosition::Center);
            options.set_behavior(if reduced_motion() {
                ScrollBehavior::Instant
            } else {
                ScrollBehavior::Smooth
            });
            t.scroll_into_view_with_scroll_into_view_options(&options);
        }
        move || {
            if let Some(t) = target {
                let _ = t.class_list().remove_1(READING);
            }
        }
    });
}
