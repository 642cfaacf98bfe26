use std::rc::Rc;

use yew::prelude::*;

use super::RelatedBlock;
use crate::components::common::SafeHtmlView;
use crate::model::{Related, SafeHtml};

/// Props of [`Body`].
#[derive(Properties, PartialEq)]
pub struct BodyProps {
    /// The body's top-level blocks, sanitised.
    pub blocks: Rc<[SafeHtml]>,
    /// Related links and where they go.
    pub related: Rc<[Related]>,
}

/// The article text, with each related link placed after the block the API asked for (as news pages put a
/// "RELATED:" box between paragraphs). Links placed past the end, or nowhere, follow the body.
#[component]
pub fn Body(props: &BodyProps) -> Html {
    let n = props.blocks.len();
    let at = |i: usize| -> Rc<[Related]> {
        props
            .related
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
                        if i > 0 { <SafeHtmlView html={props.blocks[i - 1].clone()} /> }
                        if !here.is_empty() { <RelatedBlock links={here} /> }
                    </>
                }
            }) }
        </div>
    }
}
