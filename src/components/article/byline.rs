use std::rc::Rc;

use yew::prelude::*;

use crate::components::common::LocalTime;
use crate::hooks::use_strings;
use crate::model::{Author, Timestamp};

/// Props of [`Byline`].
#[derive(Properties, PartialEq)]
pub struct BylineProps {
    /// The authors, in order.
    pub authors: Rc<[Author]>,
    /// Publication date.
    pub published: Option<Timestamp>,
    /// Last update; shown only when later than publication.
    pub updated: Option<Timestamp>,
}

/// "By A and B · Published `date` · Updated `date`".
#[component]
pub fn Byline(props: &BylineProps) -> Html {
    let s = use_strings();
    let updated = props.updated.as_ref().filter(|u| {
        props
            .published
            .as_ref()
            .is_none_or(|p| u.epoch_ms > p.epoch_ms)
    });
    html! {
        <div class="folio-meta">
            if !props.authors.is_empty() {
                <p class="folio-byline">
                    { s.by }{ " " }
                    { for props.authors.iter().enumerate().map(|(i, a)| html! {
                        <>
                            if i > 0 { { if i + 1 == props.authors.len() { " & " } else { ", " } } }
                            if let Some(url) = &a.url {
                                <a class="folio-byline__author" href={url.to_string()} rel="author">{ a.name.to_string() }</a>
                            } else {
                                <span class="folio-byline__author">{ a.name.to_string() }</span>
                            }
                        </>
                    }) }
                </p>
            }
            <p class="folio-dates">
                if let Some(p) = &props.published {
                    <span class="folio-dates__published">{ s.published }{ " " }<LocalTime at={p.clone()} /></span>
                }
                if let Some(u) = updated {
                    <span class="folio-dates__updated">{ s.updated }{ " " }<LocalTime at={u.clone()} with_time=true /></span>
                }
            </p>
        </div>
    }
}
